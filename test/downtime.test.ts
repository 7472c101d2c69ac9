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

  const window = (startMin: number, endMin: number, announcedWeight: number, id = 'db-upgrade') => ({ id, start: startMin * MIN, end: endMin * MIN, announcedWeight });
  const planned = (startMin: number, endMin: number, weight: number, maintenanceId = 'db-upgrade') => ({ ...at(startMin, endMin, weight), maintenanceId });

  it('counts an outage nobody planned in full, even inside a maintenance window, and reports the window’s time', () => {
    // Outage 0..60, window 30..90 that announced a major outage: the outage is not the window's work, 60 min count.
    const result = downtimeIn([at(0, 60)], [window(30, 90, 1)], range);
    expect(result.downtimeMs).toBe(60 * MIN);
    expect(result.maintenanceMs).toBe(60 * MIN);
  });

  it('excuses the window’s own planned impact while the window is open, up to what it announced', () => {
    // Planned partial outage (0.5) 30..90 inside a window that announced a partial outage: nothing counts.
    expect(downtimeIn([planned(30, 90, 0.5)], [window(30, 90, 0.5)], range).downtimeMs).toBe(0);
    // The same work running 30 minutes past the window's end: those 30 minutes at half weight = 15 min.
    expect(downtimeIn([planned(30, 120, 0.5)], [window(30, 90, 0.5)], range).downtimeMs).toBe(15 * MIN);
  });

  it('counts planned work that was worse than the window announced in full', () => {
    // A major outage (1) during a window that announced only degraded performance (0.3): all 60 min count.
    expect(downtimeIn([planned(30, 90, 1)], [window(30, 90, 0.3)], range).downtimeMs).toBe(60 * MIN);
  });

  it('excuses nothing in a window that announced no impact', () => {
    expect(downtimeIn([planned(30, 90, 0.3)], [window(30, 90, 0)], range).downtimeMs).toBe(18 * MIN);
  });

  it('excuses only the window the incident names', () => {
    // Linked to "db-upgrade", but the window open at the time is "network-work": 60 min count.
    expect(downtimeIn([planned(30, 90, 1)], [window(30, 90, 1, 'network-work')], range).downtimeMs).toBe(60 * MIN);
  });

  it('counts an unplanned outage that overlaps excused planned work at the worse of the two that count', () => {
    // Planned major 30..90 (excused), unplanned partial (0.5) 60..120: 30 min at half inside + 30 min at half after = 30 min.
    expect(downtimeIn([planned(30, 90, 1), at(60, 120, 0.5)], [window(30, 90, 1)], range).downtimeMs).toBe(30 * MIN);
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
