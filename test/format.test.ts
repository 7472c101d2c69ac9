import { describe, expect, it } from 'vitest';
import { formatInstant, formatTimeOfDay, isoInstantInZone } from '../src/lib/time/format.ts';

describe('an instant on the site’s wall clock with its offset', () => {
  it('writes Shanghai time with +08:00', () => {
    expect(isoInstantInZone(Date.parse('2026-11-25T14:35:00Z'), 'Asia/Shanghai')).toBe('2026-11-25T22:35:00+08:00');
  });

  it('follows daylight saving time in Berlin', () => {
    expect(isoInstantInZone(Date.parse('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29T01:30:00+01:00');
    expect(isoInstantInZone(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29T03:30:00+02:00');
  });

  it('writes zones west of Greenwich with a minus sign and half-hour zones with their minutes', () => {
    expect(isoInstantInZone(Date.parse('2026-01-05T03:00:00Z'), 'America/New_York')).toBe('2026-01-04T22:00:00-05:00');
    expect(isoInstantInZone(Date.parse('2026-01-05T03:00:00Z'), 'Asia/Kolkata')).toBe('2026-01-05T08:30:00+05:30');
  });

  it('writes UTC with Z and keeps milliseconds when there are any', () => {
    expect(isoInstantInZone(Date.parse('2026-11-25T14:35:00Z'), 'UTC')).toBe('2026-11-25T14:35:00Z');
    expect(isoInstantInZone(Date.parse('2026-11-25T14:35:00.250Z'), 'Asia/Shanghai')).toBe('2026-11-25T22:35:00.250+08:00');
  });

  it('names the same instant it was given', () => {
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'America/Los_Angeles', 'Australia/Adelaide']) {
      const instant = Date.parse('2026-07-01T12:34:56Z');
      expect(Date.parse(isoInstantInZone(instant, zone)), zone).toBe(instant);
    }
  });
});

describe('an instant for readers', () => {
  it('names the zone after the time in both languages, at midnight, across a year end and on a leap day', () => {
    expect(formatInstant(Date.parse('2026-11-27T01:10:00Z'), 'Asia/Shanghai', 'en')).toBe('Nov 27, 2026, 09:10 GMT+8');
    expect(formatInstant(Date.parse('2026-11-27T01:10:00Z'), 'Asia/Shanghai', 'zh-CN')).toBe('2026年11月27日 09:10 GMT+8');
    // 16:00 UTC on 31 December is midnight of 1 January in Shanghai.
    expect(formatInstant(Date.parse('2026-12-31T16:00:00Z'), 'Asia/Shanghai', 'zh-CN')).toBe('2027年1月1日 00:00 GMT+8');
    expect(formatInstant(Date.parse('2028-02-29T04:00:00Z'), 'Europe/Berlin', 'zh-CN')).toBe('2028年2月29日 05:00 GMT+1');
    expect(formatTimeOfDay(Date.parse('2026-07-01T12:30:00Z'), 'Europe/Berlin', 'zh-CN')).toBe('14:30 GMT+2');
  });
});
