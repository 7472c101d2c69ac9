// Properties of the availability math over random incident sets, checked with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityOver, type ReliabilityRecord } from '../src/lib/reliability/availability.ts';
import type { Incident } from '../src/schemas/incident.ts';
import type { ImpactLevel } from '../src/schemas/primitives.ts';

const MIN = 60_000;
const RANGE = { start: 0, end: 1440 * MIN };
const weights = { degraded: 0.25, partial_outage: 0.5 };
const WEIGHT: Record<ImpactLevel, number> = { degraded: 0.25, partial_outage: 0.5, major_outage: 1 };

const window = fc
  .record({ startMin: fc.integer({ min: -300, max: 1700 }), lengthMin: fc.integer({ min: 1, max: 900 }), impact: fc.constantFrom<ImpactLevel>('degraded', 'partial_outage', 'major_outage') })
  .map(({ startMin, lengthMin, impact }) => ({ start: startMin * MIN, end: (startMin + lengthMin) * MIN, impact }));

function incidentsFrom(windows: { start: number; end: number; impact: ImpactLevel }[]): Incident[] {
  return windows.map((entry, index) => ({
    id: `INC-20260101-${String(index + 1).padStart(3, '0')}`,
    title: 'Random',
    severity: 'P2',
    started: new Date(entry.start),
    detected: new Date(entry.start),
    resolved: new Date(entry.end),
    services: [{ id: 'svc', impact: entry.impact }],
    updates: [{ at: new Date(entry.end), status: 'resolved', message: 'Done.' }],
  }));
}

const recordOf = (incidents: Incident[]): ReliabilityRecord => ({ incidents, maintenance: [], weights, nowMs: 3000 * MIN });

/** Independent reference: walk the day minute by minute, taking the worst weight covering each minute. */
function minuteByMinute(windows: { start: number; end: number; impact: ImpactLevel }[]): number {
  let lost = 0;
  for (let minute = 0; minute < 1440; minute += 1) {
    const at = minute * MIN;
    lost += Math.max(0, ...windows.filter((entry) => entry.start <= at && entry.end >= at + MIN).map((entry) => WEIGHT[entry.impact]));
  }
  return 100 * (1 - lost / 1440);
}

describe('availability properties', () => {
  it('stays within 0..100', () => {
    fc.assert(
      fc.property(fc.array(window, { maxLength: 12 }), (windows) => {
        const percent = availabilityOver('svc', recordOf(incidentsFrom(windows)), RANGE).percent;
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('never rises when an incident is added', () => {
    fc.assert(
      fc.property(fc.array(window, { maxLength: 10 }), window, (windows, extra) => {
        const before = availabilityOver('svc', recordOf(incidentsFrom(windows)), RANGE).percent;
        const after = availabilityOver('svc', recordOf(incidentsFrom([...windows, extra])), RANGE).percent;
        expect(after).toBeLessThanOrEqual(before + 1e-9);
      }),
    );
  });

  it('equals 100 minus the merged, weighted share of the range', () => {
    fc.assert(
      fc.property(fc.array(window, { maxLength: 8 }), (windows) => {
        expect(availabilityOver('svc', recordOf(incidentsFrom(windows)), RANGE).percent).toBeCloseTo(minuteByMinute(windows), 9);
      }),
    );
  });
});
