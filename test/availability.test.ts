import { describe, expect, it } from 'vitest';
import { availabilityOver, dailyAvailability, errorBudgetOver, groupAvailabilityOver, type ReliabilityRecord } from '../src/lib/reliability/availability.ts';
import { serviceSchema } from '../src/schemas/service.ts';
import { incident, maintenance } from './helpers/records.ts';

const MIN = 60_000;
const weights = { degraded: 0.25, partial_outage: 0.5 };
const record = (incidents: ReliabilityRecord['incidents'], now: string, windows: ReliabilityRecord['maintenance'] = []): ReliabilityRecord => ({
  incidents,
  maintenance: windows,
  weights,
  nowMs: Date.parse(now),
});
const day = (date: string) => ({ start: Date.parse(`${date}T00:00:00Z`), end: Date.parse(`${date}T00:00:00Z`) + 1440 * MIN });

describe('availability of a service', () => {
  it('is 100% for a service with no incidents', () => {
    const result = availabilityOver('cache', record([], '2026-11-26T00:00:00Z'), day('2026-11-20'));
    expect(result.percent).toBe(100);
  });

  it('loses 144 minutes of a day to a major outage as 90%', () => {
    const outage = incident({ started: '2026-11-20T01:00:00Z', resolved: '2026-11-20T03:24:00Z', services: [{ id: 'api', impact: 'major_outage' }] });
    expect(availabilityOver('api', record([outage], '2026-11-26T00:00:00Z'), day('2026-11-20')).percent).toBeCloseTo(90, 10);
  });

  it('counts a partial outage at half weight and a degradation at a quarter', () => {
    const partial = incident({ started: '2026-11-20T00:00:00Z', resolved: '2026-11-20T04:48:00Z', services: [{ id: 'api', impact: 'partial_outage' }] });
    const degraded = incident({ started: '2026-11-21T00:00:00Z', resolved: '2026-11-21T04:48:00Z', services: [{ id: 'api', impact: 'degraded' }] });
    const all = record([partial, degraded], '2026-11-26T00:00:00Z');
    // 288 min at 0.5 = 144 min of 1440 = 10% lost; at 0.25 = 5% lost
    expect(availabilityOver('api', all, day('2026-11-20')).percent).toBeCloseTo(90, 10);
    expect(availabilityOver('api', all, day('2026-11-21')).percent).toBeCloseTo(95, 10);
  });

  it('uses each service’s own impact window, not the incident’s', () => {
    const outage = incident({
      started: '2026-11-20T00:00:00Z',
      resolved: '2026-11-20T10:00:00Z',
      services: [
        { id: 'api', impact: 'major_outage', start: '2026-11-20T01:00:00Z', end: '2026-11-20T01:14:24Z' },
        { id: 'db', impact: 'major_outage' },
      ],
    });
    const all = record([outage], '2026-11-26T00:00:00Z');
    expect(availabilityOver('api', all, day('2026-11-20')).percent).toBeCloseTo(99, 10);
    expect(availabilityOver('db', all, day('2026-11-20')).downtimeMs).toBe(600 * MIN);
  });

  it('keeps counting an open incident up to now', () => {
    const open = incident({ started: '2026-11-25T22:00:00Z', services: [{ id: 'api', impact: 'major_outage' }] });
    const result = availabilityOver('api', record([open], '2026-11-26T00:24:00Z'), day('2026-11-25'));
    expect(result.downtimeMs).toBe(120 * MIN);
    // the day of now: from midnight to now, all of it down
    const today = { start: Date.parse('2026-11-26T00:00:00Z'), end: Date.parse('2026-11-26T00:24:00Z') };
    expect(availabilityOver('api', record([open], '2026-11-26T00:24:00Z'), today).percent).toBe(0);
  });

  it('counts an unplanned outage inside a maintenance window in full', () => {
    const outage = incident({ started: '2026-11-20T02:00:00Z', resolved: '2026-11-20T04:00:00Z', services: [{ id: 'db', impact: 'major_outage' }] });
    const window = maintenance('2026-11-20T01:00:00Z', '2026-11-20T03:00:00Z', ['db']);
    const result = availabilityOver('db', record([outage], '2026-11-26T00:00:00Z', [window]), day('2026-11-20'));
    expect(result.downtimeMs).toBe(120 * MIN);
    expect(result.maintenanceMs).toBe(120 * MIN);
    // 1 - 120 / 1440 of the day
    expect(result.percent).toBeCloseTo(91.6667, 4);
  });

  it('excuses an incident linked to its maintenance window while the window is open, within the announced impact', () => {
    // Planned partial outage 02:00–04:00; the window (announced partial outage) runs 01:00–03:00.
    // 02:00–03:00 is excused; 03:00–04:00 counts at half weight: 30 min.
    const work = incident({ started: '2026-11-20T02:00:00Z', resolved: '2026-11-20T04:00:00Z', maintenance: 'db-upgrade', services: [{ id: 'db', impact: 'partial_outage' }] });
    const window = maintenance('2026-11-20T01:00:00Z', '2026-11-20T03:00:00Z', ['db'], false, { id: 'db-upgrade', impact: 'partial_outage' });
    expect(availabilityOver('db', record([work], '2026-11-26T00:00:00Z', [window]), day('2026-11-20')).downtimeMs).toBe(30 * MIN);
  });

  it('ignores a cancelled maintenance window', () => {
    const outage = incident({ started: '2026-11-20T02:00:00Z', resolved: '2026-11-20T04:00:00Z', services: [{ id: 'db', impact: 'major_outage' }] });
    const window = maintenance('2026-11-20T01:00:00Z', '2026-11-20T03:00:00Z', ['db'], true);
    expect(availabilityOver('db', record([outage], '2026-11-26T00:00:00Z', [window]), day('2026-11-20')).downtimeMs).toBe(120 * MIN);
  });

  it('averages a group over its services', () => {
    const outage = incident({ started: '2026-11-20T01:00:00Z', resolved: '2026-11-20T03:24:00Z', services: [{ id: 'api', impact: 'major_outage' }] });
    expect(groupAvailabilityOver(['api', 'auth'], record([outage], '2026-11-26T00:00:00Z'), day('2026-11-20'))).toBeCloseTo(95, 10);
  });
});

describe('daily availability in the site time zone', () => {
  it('splits an outage across Shanghai midnight into the two local days', () => {
    // 23:00 to 01:00 Shanghai time on 20/21 November
    const outage = incident({ started: '2026-11-20T23:00:00+08:00', resolved: '2026-11-21T01:00:00+08:00', services: [{ id: 'api', impact: 'major_outage' }] });
    const days = dailyAvailability('api', record([outage], '2026-11-22T12:00:00+08:00'), 3, 'Asia/Shanghai');
    expect(days.map((entry) => [entry.date, entry.downtimeMs / MIN])).toEqual([
      ['2026-11-20', 60],
      ['2026-11-21', 60],
      ['2026-11-22', 0],
    ]);
    expect(days[0]!.incidentIds).toEqual(['INC-20260101-001']);
    expect(days[2]!.incidentIds).toEqual([]);
  });

  it('measures the 23-hour Berlin spring-forward day against 23 hours', () => {
    const outage = incident({ started: '2026-03-29T12:00:00+02:00', resolved: '2026-03-29T13:09:00+02:00', services: [{ id: 'api', impact: 'major_outage' }] });
    const days = dailyAvailability('api', record([outage], '2026-03-31T12:00:00+02:00'), 3, 'Europe/Berlin');
    expect(days[0]!.date).toBe('2026-03-29');
    expect(days[0]!.end - days[0]!.start).toBe(23 * 60 * MIN);
    // 69 of 1380 minutes lost: exactly 95%
    expect(days[0]!.percent).toBeCloseTo(95, 10);
  });

  it('has a 29 February in a leap year', () => {
    const outage = incident({ started: '2028-02-29T10:00:00Z', resolved: '2028-02-29T10:14:24Z', services: [{ id: 'api', impact: 'major_outage' }] });
    const days = dailyAvailability('api', record([outage], '2028-03-01T12:00:00Z'), 3, 'UTC');
    expect(days.map((entry) => entry.date)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(days[1]!.percent).toBeCloseTo(99, 10);
  });
});

describe('error budget', () => {
  const api = serviceSchema.parse({ id: 'api', name: 'API', group: 'core', rto: '5m', rpo: '1m', availability: '99.9%' });
  const thirtyDays = { start: Date.parse('2026-11-01T00:00:00Z'), end: Date.parse('2026-12-01T00:00:00Z') };

  it('allows 43.2 minutes over 30 days at 99.9%', () => {
    const budget = errorBudgetOver(api, record([], '2026-12-01T00:00:00Z'), thirtyDays);
    expect(budget.allowedMs).toBeCloseTo(43.2 * MIN, 3);
    expect(budget.leftMs).toBeCloseTo(43.2 * MIN, 3);
    expect(budget.exhaustedAt).toBeUndefined();
  });

  it('runs out mid-window and says when', () => {
    // 30 min on the 5th, then a major outage from 10:00 on the 20th: 13.2 more minutes exhaust it at 10:13:12.
    const first = incident({ started: '2026-11-05T08:00:00Z', resolved: '2026-11-05T08:30:00Z', services: [{ id: 'api', impact: 'major_outage' }] });
    const second = incident({ id: 'INC-20260101-002', started: '2026-11-20T10:00:00Z', resolved: '2026-11-20T11:00:00Z', services: [{ id: 'api', impact: 'major_outage' }] });
    const budget = errorBudgetOver(api, record([first, second], '2026-12-01T00:00:00Z'), thirtyDays);
    expect(budget.usedMs).toBe(90 * MIN);
    expect(budget.leftMs).toBeCloseTo(-46.8 * MIN, 3);
    expect(new Date(Math.round(budget.exhaustedAt!)).toISOString()).toBe('2026-11-20T10:13:12.000Z');
  });
});
