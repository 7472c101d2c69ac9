import { describe, expect, it } from 'vitest';
import { availabilityPercent, downtimeIn } from '../src/lib/reliability/downtime.ts';

const MIN = 60_000;
const range = { start: 0, end: 1000 * MIN };
const at = (startMin: number, endMin: number, weight = 1) => ({ start: startMin * MIN, end: endMin * MIN, weight });

describe('downtime over a range', () => {
  it('counts two overlapping outages once', () => {
    expect(downtimeIn([at(0, 60), at(30, 90)], [], range).downtimeMs).toBe(90 * MIN);
  });

  it('counts a nested partial outage only where the major one is not running', () => {
    // major 10..60 inside partial 0..120 at half weight: 50 min full + 70 min half = 85 min
    expect(downtimeIn([at(0, 120, 0.5), at(10, 60, 1)], [], range).downtimeMs).toBe(85 * MIN);
  });

  it('clips windows that cross the range start and end', () => {
    const window = { start: 100 * MIN, end: 200 * MIN };
    expect(downtimeIn([at(50, 120), at(180, 400)], [], window).downtimeMs).toBe(40 * MIN);
  });

  it('counts only the inside of an outage that began before the range and ended after it', () => {
    expect(downtimeIn([at(10, 900, 0.5)], [], { start: 100 * MIN, end: 200 * MIN }).downtimeMs).toBe(50 * MIN);
  });

  it('does not count time inside maintenance, and reports it separately', () => {
    const result = downtimeIn([at(0, 60)], [{ start: 30 * MIN, end: 90 * MIN }], range);
    expect(result.downtimeMs).toBe(30 * MIN);
    expect(result.maintenanceMs).toBe(60 * MIN);
  });

  it('finds the instant the error budget ran out', () => {
    // 45 min budget; a half-weight outage from minute 100 burns it in 90 minutes.
    const result = downtimeIn([at(100, 400, 0.5)], [], range, 45 * MIN);
    expect(result.budgetExhaustedAt).toBe(190 * MIN);
  });

  it('leaves the budget intact when downtime stays under it', () => {
    expect(downtimeIn([at(0, 10)], [], range, 45 * MIN).budgetExhaustedAt).toBeUndefined();
  });

  it('turns 1 lost minute in 1000 into 99.9%', () => {
    expect(availabilityPercent(MIN, range)).toBeCloseTo(99.9, 10);
    expect(availabilityPercent(0, range)).toBe(100);
  });
});
