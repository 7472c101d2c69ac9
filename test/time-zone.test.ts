import { describe, expect, it } from 'vitest';
import { addDays, addMonths, lastLocalDays, localDateOf, startOfLocalDate, zoneOffsetAt } from '../src/lib/time/time-zone.ts';

const HOUR = 3_600_000;

describe('local dates in a time zone', () => {
  it('puts 23:59:59 and 00:00 Shanghai time on different dates', () => {
    expect(localDateOf(Date.parse('2026-11-25T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-25');
    expect(localDateOf(Date.parse('2026-11-25T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-26');
  });

  it('starts a Shanghai day at 16:00 UTC the day before', () => {
    expect(new Date(startOfLocalDate('2026-11-26', 'Asia/Shanghai')).toISOString()).toBe('2026-11-25T16:00:00.000Z');
  });

  it('gives the Berlin spring-forward day 23 hours and the fall-back day 25', () => {
    const springStart = startOfLocalDate('2026-03-29', 'Europe/Berlin');
    const springEnd = startOfLocalDate('2026-03-30', 'Europe/Berlin');
    expect(new Date(springStart).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect((springEnd - springStart) / HOUR).toBe(23);
    const fallStart = startOfLocalDate('2026-10-25', 'Europe/Berlin');
    const fallEnd = startOfLocalDate('2026-10-26', 'Europe/Berlin');
    expect((fallEnd - fallStart) / HOUR).toBe(25);
  });

  it('knows the offset on each side of a DST change', () => {
    expect(zoneOffsetAt(Date.parse('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toBe(HOUR);
    expect(zoneOffsetAt(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(2 * HOUR);
  });

  it('steps over month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('lists the last days oldest first, the last one ending at now', () => {
    const now = Date.parse('2026-11-26T02:30:00Z'); // 10:30 in Shanghai
    const days = lastLocalDays(now, 3, 'Asia/Shanghai');
    expect(days.map((day) => day.date)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(new Date(days[2]!.start).toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(days[2]!.end).toBe(now);
    expect(days[1]!.end).toBe(days[2]!.start);
  });
});

describe('the wall clock at an instant, worked out from the day\'s offset', () => {
  // Zones with DST at 01:00 UTC (Europe), at local 02:00 (America), by half an hour (Lord Howe), at a :45 offset
  // (Chatham), a day skipped (Apia, 30 December 2011), an offset changed for good (Pyongyang 2015 and 2018).
  const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Pacific/Apia', 'Asia/Pyongyang', 'America/St_Johns', 'Asia/Shanghai', 'UTC'];

  it('reads as Temporal reads the zone, second by second around every transition and at random instants', () => {
    const misses: string[] = [];
    const compare = (instantMs: number, zone: string) => {
      const zoned = Temporal.Instant.fromEpochMilliseconds(instantMs).toZonedDateTimeISO(zone);
      const expected = `${zoned.toPlainDate().toString()} ${String(zoned.hour).padStart(2, '0')}:${String(zoned.minute).padStart(2, '0')}:${String(zoned.second).padStart(2, '0')}`;
      const offset = zoneOffsetAt(instantMs, zone);
      const wall = new Date(Math.floor(instantMs / 1000) * 1000 + offset).toISOString().slice(0, 19).replace('T', ' ');
      if (wall !== expected || localDateOf(instantMs, zone) !== zoned.toPlainDate().toString()) misses.push(`${zone} ${new Date(instantMs).toISOString()}: ${wall}, expected ${expected}`);
    };
    for (const zone of zones) {
      // Every transition from 2010 to 2030, and the seconds and hours around it.
      let transition = Temporal.Instant.from('2010-01-01T00:00:00Z').toZonedDateTimeISO(zone).getTimeZoneTransition('next');
      for (; transition && transition.year < 2030; transition = transition.getTimeZoneTransition('next')) {
        const at = transition.epochMilliseconds;
        for (const delta of [-HOUR, -1000, 0, 1000, HOUR, 86_400_000 - 1000]) compare(at + delta, zone);
      }
      // And a few hundred instants anywhere in those years, in any order (the day's offset is kept once found).
      let seed = 7;
      for (let index = 0; index < 400; index += 1) {
        seed = (seed * 48271) % 2147483647;
        compare(Date.UTC(2010, 0, 1) + (seed % (20 * 365 * 86_400)) * 1000, zone);
      }
    }
    expect(misses).toEqual([]);
  });
});

describe('calendar months', () => {
  it('steps across year ends both ways', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2024-02', 12)).toBe('2025-02');
    expect(addMonths('2026-12', 0)).toBe('2026-12');
    expect(addMonths('2026-03', -27)).toBe('2023-12');
  });
});
