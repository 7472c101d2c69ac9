// A service's `since`: figures over any window start there, days before it have no data, and without it nothing changes.
import { describe, expect, it } from 'vitest';
import { availabilityOver, dailyAvailability, dayLevel, errorBudgetOver, trackedSinceMs, trailingDays, type ReliabilityRecord } from '../src/lib/reliability/availability.ts';
import { serviceSchema } from '../src/schemas/service.ts';
import { incident } from './helpers/records.ts';

const MIN = 60_000;
const DAY = 1440 * MIN;
const NOW = Date.parse('2026-11-26T00:00:00Z');
const outage = incident({ started: '2026-11-20T01:00:00Z', resolved: '2026-11-20T03:24:00Z', services: [{ id: 'api', impact: 'major_outage' }] });
const old = incident({ id: 'INC-20261001-001', started: '2026-10-01T00:00:00Z', resolved: '2026-10-01T10:00:00Z', services: [{ id: 'api', impact: 'major_outage' }] });
const record = (since?: number): ReliabilityRecord => ({
  incidents: [outage, old],
  maintenance: [],
  weights: { degraded: 0.25, partial_outage: 0.5 },
  nowMs: NOW,
  ...(since === undefined ? {} : { trackedSince: new Map([['api', since]]) }),
});

describe('since in services.yaml', () => {
  const base = { id: 'api', name: 'API', group: 'core', rto: '5m', rpo: '1m', availability: '99.9%' };

  it('takes a date as its midnight in the site’s zone, or an exact instant', () => {
    const byDate = serviceSchema.parse({ ...base, since: '2026-11-16' }).since!;
    // midnight in Shanghai (+08:00) is 16:00Z the day before
    expect(trackedSinceMs(byDate, 'Asia/Shanghai')).toBe(Date.parse('2026-11-15T16:00:00Z'));
    const byInstant = serviceSchema.parse({ ...base, since: '2026-11-16T09:30:00+08:00' }).since!;
    expect(trackedSinceMs(byInstant, 'Europe/Berlin')).toBe(Date.parse('2026-11-16T01:30:00Z'));
  });

  it('refuses anything else, saying what it accepts', () => {
    const result = serviceSchema.safeParse({ ...base, since: '2026-02-30' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/^found "2026-02-30", .* \(expected a date such as 2026-11-01/);
  });
});

describe('a 90-day figure for a service tracked for 10 days', () => {
  const since = NOW - 10 * DAY;

  it('is over those 10 days', () => {
    // 144 min down in 10 days (14,400 min): 1 − 144 / 14,400 = 99%; the outage of 1 October is before tracking
    const result = availabilityOver('api', record(since), trailingDays(90, NOW));
    expect(result.range).toEqual({ start: since, end: NOW });
    expect(result.percent).toBeCloseTo(100 * (1 - 144 / 14_400), 10);
  });

  it('is over the whole 90 days without since, counting the older outage too', () => {
    // 144 + 600 min down in 129,600 min
    expect(availabilityOver('api', record(), trailingDays(90, NOW)).percent).toBeCloseTo(100 * (1 - 744 / 129_600), 10);
  });

  it('has an error budget for those 10 days only', () => {
    const api = serviceSchema.parse({ id: 'api', name: 'API', group: 'core', rto: '5m', rpo: '1m', availability: '99.9%' });
    // 0.1% of 14,400 min = 14.4 min allowed; 144 used; 14.4 − 144 = −129.6 min left
    const budget = errorBudgetOver(api, record(since), trailingDays(30, NOW));
    expect(budget.allowedMs).toBeCloseTo(14.4 * MIN, 3);
    expect(budget.leftMs).toBeCloseTo(-129.6 * MIN, 3);
  });
});

describe('daily bars of a service tracked from part-way through a day', () => {
  // tracked from 20 November 00:30Z; the outage runs 01:00–03:24Z
  const since = Date.parse('2026-11-20T00:30:00Z');
  const days = dailyAvailability('api', record(since), 90, 'UTC');

  it('has no data for every day before it, drawn as such, never 100%', () => {
    const before = days.filter((day) => day.date < '2026-11-20');
    // 90 days ending 26 November start on 29 August; 29 August to 19 November are 3 + 30 + 31 + 19 = 83 days
    expect(before).toHaveLength(83);
    expect(before.every((day) => day.noData && dayLevel(day) === 'no-data' && day.percent !== 100)).toBe(true);
  });

  it('measures the first day over its tracked part', () => {
    const first = days.find((day) => day.date === '2026-11-20')!;
    // tracked 00:30–24:00 = 1,410 min; 144 min down: 1 − 144 / 1,410
    expect(first.noData).toBe(false);
    expect(first.percent).toBeCloseTo(100 * (1 - 144 / 1410), 10);
    expect(first.incidentIds).toEqual([outage.id]);
  });

  it('has data for every day without since', () => {
    expect(dailyAvailability('api', record(), 90, 'UTC').some((day) => day.noData)).toBe(false);
  });
});
