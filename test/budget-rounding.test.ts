// Error budget figures as the targets page shows them: floored toward minus infinity at the precision shown.
import { describe, expect, it } from 'vitest';
import { errorBudgetOver, type ReliabilityRecord } from '../src/lib/reliability/availability.ts';
import { formatBudgetDuration } from '../src/lib/time/durations.ts';
import { serviceSchema } from '../src/schemas/service.ts';
import { incident } from './helpers/records.ts';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('a budget figure', () => {
  it('shows what is left floored: 5.9 minutes left read 5 min', () => {
    expect(formatBudgetDuration(5.9 * MIN)).toBe('5 min');
    // 5 min 59.6 s would round to 6 min; a budget never promises the 0.4 s it does not have
    expect(formatBudgetDuration(5 * MIN + 59.6 * SEC)).toBe('5 min');
  });

  it('shows an overspend of 5.9 minutes as −6 min, not −5 min', () => {
    expect(formatBudgetDuration(-5.9 * MIN)).toBe('\u22126 min');
    expect(formatBudgetDuration(-5 * MIN)).toBe('\u22125 min');
  });

  it('floors at the unit shown: seconds under a minute, minutes under a day, hours beyond', () => {
    expect(formatBudgetDuration(-30.5 * SEC)).toBe('\u221231 s');
    // 3 h 19 min 30 s left: minutes are the finest unit shown
    expect(formatBudgetDuration(199.5 * MIN)).toBe('3 h 19 min');
    expect(formatBudgetDuration(-(199.5 * MIN))).toBe('\u22123 h 20 min');
    // 1 d 2 h 30 min: hours are the finest unit shown past a day
    expect(formatBudgetDuration(DAY + 2.5 * HOUR)).toBe('1 d 2 h');
    expect(formatBudgetDuration(-(DAY + 2.5 * HOUR))).toBe('\u22121 d 3 h');
  });

  it('carries an overspend floored past a unit into the next one', () => {
    // −59.5 min floors to −60 min, which is −1 h
    expect(formatBudgetDuration(-59.5 * MIN)).toBe('\u22121 h');
  });

  it('shows an untouched budget and a zero one plainly', () => {
    expect(formatBudgetDuration(0)).toBe('0 s');
    expect(formatBudgetDuration(43.2 * MIN)).toBe('43 min');
  });
});

describe('an overspent 30-day budget, end to end', () => {
  it('is 43 min allowed and −6 min left after 49.1 minutes of downtime at 99.9%', () => {
    const api = serviceSchema.parse({ id: 'api', name: 'API', group: 'core', rto: '5m', rpo: '1m', availability: '99.9%' });
    const thirtyDays = { start: Date.parse('2026-11-01T00:00:00Z'), end: Date.parse('2026-12-01T00:00:00Z') };
    // 49 min 6 s of major outage: allowed (100 − 99.9) / 100 × 43,200 min = 43.2 min; left 43.2 − 49.1 = −5.9 min
    const outage = incident({ started: '2026-11-20T10:00:00Z', resolved: '2026-11-20T10:49:06Z', services: [{ id: 'api', impact: 'major_outage' }] });
    const record: ReliabilityRecord = { incidents: [outage], maintenance: [], weights: { degraded: 0.25, partial_outage: 0.5 }, nowMs: thirtyDays.end };
    const budget = errorBudgetOver(api, record, thirtyDays);
    expect(budget.leftMs).toBeCloseTo(-5.9 * MIN, 3);
    expect(formatBudgetDuration(budget.leftMs)).toBe('\u22126 min');
    expect(formatBudgetDuration(budget.allowedMs)).toBe('43 min');
  });
});
