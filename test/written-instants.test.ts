// Instants written with the site's offset, and the local times a comms lead types.
import { describe, expect, it } from 'vitest';
import { instantText, messageTime, offsetLabel, offsetSuffix, parsePastInstant, parseTypedInstant, parseWindowEnd, TYPED_INSTANT_EXAMPLES } from '../src/lib/time/written-instants.ts';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-26T01:00:00Z'); // 09:00 in Shanghai

describe('instants as the files write them', () => {
  it('writes Shanghai time with +08:00, to the second', () => {
    expect(instantText(Date.parse('2026-11-25T13:14:05.900Z'), 'Asia/Shanghai')).toBe('2026-11-25T21:14:05+08:00');
  });

  it('writes Berlin time with the offset in force at that instant, either side of DST', () => {
    expect(instantText(Date.parse('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29T01:30:00+01:00');
    expect(instantText(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29T03:30:00+02:00');
  });

  it('names offsets with sign, hours and minutes', () => {
    expect(offsetSuffix(8 * HOUR)).toBe('+08:00');
    expect(offsetSuffix(-3.5 * HOUR)).toBe('-03:30');
    expect(offsetLabel(8 * HOUR)).toBe('UTC+8');
    expect(offsetLabel(5.5 * HOUR)).toBe('UTC+5:30');
    expect(offsetLabel(0)).toBe('UTC');
  });

  it('gives messages the time alone on the same local day, the date too otherwise', () => {
    expect(messageTime(NOW + HOUR, 'Asia/Shanghai', NOW)).toBe('10:00 (UTC+8)');
    expect(messageTime(NOW + 16 * HOUR, 'Asia/Shanghai', NOW)).toBe('2026-11-27 01:00 (UTC+8)');
    expect(messageTime(NOW, 'Asia/Shanghai')).toBe('2026-11-26 09:00 (UTC+8)');
  });
});

describe('instants as people type them', () => {
  const parse = (text: string) => parseTypedInstant(text, 'Asia/Shanghai', NOW);

  it('reads "now", a time today and a local date and time in the site zone', () => {
    expect(parse('now')).toEqual({ ms: NOW });
    expect(parse('08:30')).toEqual({ ms: Date.parse('2026-11-26T00:30:00Z') });
    expect(parse('2026-11-25 21:10')).toEqual({ ms: Date.parse('2026-11-25T13:10:00Z') });
    expect(parse('2026-11-25T21:10:30')).toEqual({ ms: Date.parse('2026-11-25T13:10:30Z') });
  });

  it('keeps a full instant with its own offset', () => {
    expect(parse('2026-11-25T12:00:00Z')).toEqual({ ms: Date.parse('2026-11-25T12:00:00Z') });
  });

  it('reads a local time in a DST zone with that day’s offset', () => {
    expect(parseTypedInstant('2026-07-01 12:00', 'Europe/Berlin', NOW)).toEqual({ ms: Date.parse('2026-07-01T10:00:00Z') });
    expect(parseTypedInstant('2026-12-01 12:00', 'Europe/Berlin', NOW)).toEqual({ ms: Date.parse('2026-12-01T11:00:00Z') });
  });

  it('refuses what is not a time, saying what is expected', () => {
    for (const text of ['tomorrow', '25:00', '2026-02-30 10:00', '2026-11-25']) {
      const parsed = parse(text);
      expect('error' in parsed && parsed.error, text).toContain('expected "now", "21:10" (today)');
    }
  });

  it('says when a typed date or time does not exist rather than rolling it over', () => {
    expect(parse('2026-02-30 10:00')).toMatchObject({ error: `found "2026-02-30 10:00", a date that does not exist: February 2026 has 28 days (expected ${TYPED_INSTANT_EXAMPLES})` });
    expect(parse('2026-09-31T01:00+02:00')).toMatchObject({ error: `found "2026-09-31T01:00+02:00", a date that does not exist: September 2026 has 30 days (expected ${TYPED_INSTANT_EXAMPLES})` });
    expect(parse('24:00')).toMatchObject({ error: `found "24:00", a time that does not exist: the day ends at 23:59:59 and midnight is 00:00 of the next day (expected ${TYPED_INSTANT_EXAMPLES})` });
    expect(parse('2026-11-25 23:59:60')).toMatchObject({ error: `found "2026-11-25 23:59:60", a time that does not exist: leap seconds are not written, 23:59:60 is 23:59:59 (expected ${TYPED_INSTANT_EXAMPLES})` });
    expect(parse('2028-02-29 10:00')).toEqual({ ms: Date.parse('2028-02-29T02:00:00Z') });
  });

  it('refuses a local time the clocks skipped, naming the instants either side', () => {
    // Berlin, 29 March 2026: 02:00 CET became 03:00 CEST, so 02:30 never happened. 01:30 +01:00 is an hour before
    // it in wall-clock terms, 03:30 +02:00 an hour after; the two are one hour of real time apart (00:30Z, 01:30Z).
    expect(parseTypedInstant('2026-03-29 02:30', 'Europe/Berlin', NOW)).toMatchObject({
      error: 'found "2026-03-29 02:30": 02:30 did not happen on 2026-03-29 in Europe/Berlin, where the clocks were turned forward past it (expected a time that happened, such as 2026-03-29T01:30:00+01:00 or 2026-03-29T03:30:00+02:00)',
    });
    expect(parseTypedInstant('2026-03-29 03:00', 'Europe/Berlin', NOW)).toEqual({ ms: Date.parse('2026-03-29T01:00:00Z') });
  });

  it('refuses a local time the clocks repeated, naming both instants with their offsets', () => {
    // Berlin, 25 October 2026: 03:00 CEST became 02:00 CET, so 02:30 happened at 00:30Z and again at 01:30Z.
    expect(parseTypedInstant('2026-10-25 02:30', 'Europe/Berlin', NOW)).toMatchObject({
      error: 'found "2026-10-25 02:30": 02:30 happened twice on 2026-10-25 in Europe/Berlin, where the clocks were turned back (expected the instant with its offset: 2026-10-25T02:30:00+02:00 the first time, 2026-10-25T02:30:00+01:00 the second)',
    });
    // Either, written with its offset, is taken as it is.
    expect(parseTypedInstant('2026-10-25T02:30:00+01:00', 'Europe/Berlin', NOW)).toEqual({ ms: Date.parse('2026-10-25T01:30:00Z') });
    // New York, 1 November 2026, 01:30 happens at -04:00 and again at -05:00.
    const repeated = parseTypedInstant('2026-11-01 01:30', 'America/New_York', NOW);
    expect('error' in repeated && repeated.error).toContain('2026-11-01T01:30:00-04:00 the first time, 2026-11-01T01:30:00-05:00 the second');
  });
});

describe('what people type for a past time and a window\'s end', () => {
  const SHANGHAI = 'Asia/Shanghai';
  // 00:05 on 27 November in Shanghai.
  const justAfterMidnight = Date.parse('2026-11-26T16:05:00Z');

  it('reads 23:50 typed just after midnight as yesterday, and a time just ahead as today (then refused as after now)', () => {
    expect(parsePastInstant('23:50', SHANGHAI, justAfterMidnight)).toEqual({ ms: Date.parse('2026-11-26T15:50:00Z') });
    expect(parsePastInstant('00:01', SHANGHAI, justAfterMidnight)).toEqual({ ms: Date.parse('2026-11-26T16:01:00Z') });
    // 11:00 is under 12 hours ahead of 00:05: today's, which the command refuses as after now.
    expect(parsePastInstant('11:00', SHANGHAI, justAfterMidnight)).toEqual({ ms: Date.parse('2026-11-27T03:00:00Z') });
    // A written date is taken as written, even across a month end and a leap day.
    expect(parsePastInstant('2028-02-29 23:50', SHANGHAI, justAfterMidnight)).toEqual({ ms: Date.parse('2028-02-29T15:50:00Z') });
  });

  it('reads an end as a duration after the start, a time on its day, or the next day past midnight', () => {
    const start = Date.parse('2026-12-31T15:00:00Z'); // 23:00 on New Year's Eve in Shanghai
    expect(parseWindowEnd('30m', start, SHANGHAI, justAfterMidnight)).toEqual({ ms: start + 30 * 60_000 });
    expect(parseWindowEnd('1h30m', start, SHANGHAI, justAfterMidnight)).toEqual({ ms: start + 90 * 60_000 });
    expect(parseWindowEnd('23:30', start, SHANGHAI, justAfterMidnight)).toEqual({ ms: Date.parse('2026-12-31T15:30:00Z') });
    // 01:30 is not after 23:00 that day: the window runs into the new year.
    expect(parseWindowEnd('01:30', start, SHANGHAI, justAfterMidnight)).toEqual({ ms: Date.parse('2026-12-31T17:30:00Z') });
    expect(parseWindowEnd('2026-12-31 22:00', start, SHANGHAI, justAfterMidnight)).toEqual({
      error: '2026-12-31T22:00:00+08:00 is not after the start, 2026-12-31T23:00:00+08:00 (expected the end after the start, or a duration such as 2h)',
    });
    const unreadable = parseWindowEnd('soon', start, SHANGHAI, justAfterMidnight);
    expect('error' in unreadable && unreadable.error).toContain('expected a duration after the start such as 30m or 2h, a time such as 03:30, or');
  });
});
