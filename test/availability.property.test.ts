// Properties of the availability math over random incident sets, checked with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityOver, type ReliabilityRecord } from '../src/lib/reliability/availability.ts';
import type { Incident, IncidentStatus } from '../src/schemas/incident.ts';
import type { Maintenance } from '../src/schemas/maintenance.ts';
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

/**
 * Incidents with reopens, as the commands write them: open for a while, resolved, quiet, reopened, and so on;
 * the last stretch resolved or still open. Every instant is a whole minute, so a minute is either in or out.
 */
interface ReopenedIncident {
  startMin: number;
  /** Minutes open, then quiet, then open again…: odd entries are the quiet gaps. */
  stretches: number[];
  stillOpen: boolean;
  impact: ImpactLevel;
  /** The service's own start and end, as offsets from the incident's start. */
  serviceStartMin?: number;
  serviceEndMin?: number;
  /** Several windows instead (written as `windows:`), offsets from the incident's start; the last may be open. */
  serviceWindowsMin?: { startMin: number; endMin?: number }[];
  maintenance?: 'm1' | 'm2';
}

interface PlannedWindow {
  id: 'm1' | 'm2';
  startMin: number;
  lengthMin: number;
  impact?: ImpactLevel;
  cancelled: boolean;
  /** Whether the window lists the service at all. */
  coversService: boolean;
}

const reopenedIncident = fc.record(
  {
    startMin: fc.integer({ min: -300, max: 1600 }),
    stretches: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 5 }).map((lengths) => lengths.map((length, index) => (index % 2 === 0 ? length + 1 : length))),
    stillOpen: fc.boolean(),
    impact: fc.constantFrom<ImpactLevel>('degraded', 'partial_outage', 'major_outage'),
    serviceStartMin: fc.integer({ min: 0, max: 600 }),
    serviceEndMin: fc.integer({ min: 1, max: 1200 }),
    maintenance: fc.constantFrom<'m1' | 'm2'>('m1', 'm2'),
    // Gaps and lengths, laid end to end from the incident's start: the windows of a service that recovered and failed again.
    serviceWindowsMin: fc
      .record({ pieces: fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 300 })), { minLength: 1, maxLength: 4 }), lastOpen: fc.boolean() })
      .map(({ pieces, lastOpen }) => {
        let minute = 0;
        return pieces.map(([gap, length], index) => {
          const startMin = minute + (index === 0 ? gap : gap + 1);
          minute = startMin + length;
          return lastOpen && index === pieces.length - 1 ? { startMin } : { startMin, endMin: minute };
        });
      }),
  },
  { requiredKeys: ['startMin', 'stretches', 'stillOpen', 'impact'] },
);

const plannedWindow = fc.record(
  {
    id: fc.constantFrom<'m1' | 'm2'>('m1', 'm2'),
    startMin: fc.integer({ min: -100, max: 1500 }),
    lengthMin: fc.integer({ min: 1, max: 600 }),
    impact: fc.constantFrom<ImpactLevel>('degraded', 'partial_outage', 'major_outage'),
    cancelled: fc.boolean(),
    coversService: fc.boolean(),
  },
  { requiredKeys: ['id', 'startMin', 'lengthMin', 'cancelled', 'coversService'] },
);

/** The record the commands would leave: an update at each change, `resolved:` only when the last stretch ended. */
function reopenedRecord(entry: ReopenedIncident, index: number): Incident {
  const at = (minute: number) => new Date(minute * MIN);
  const updates: Incident['updates'] = [{ at: at(entry.startMin), status: 'investigating', message: 'Looking.' }];
  let minute = entry.startMin;
  entry.stretches.forEach((length, stretch) => {
    minute += length;
    const last = stretch === entry.stretches.length - 1;
    // An open stretch ends with a resolution unless it is the last one and still open; a gap ends with a reopen.
    if (stretch % 2 === 1) updates.push({ at: at(minute), status: 'reopened', message: 'Back.' });
    else if (!(last && entry.stillOpen)) updates.push({ at: at(minute), status: 'resolved', message: 'Fixed.' });
  });
  const finished: IncidentStatus[] = ['resolved', 'closed'];
  const resolvedAt = finished.includes(updates[updates.length - 1]!.status) ? updates[updates.length - 1]!.at : undefined;
  return {
    id: `INC-20260101-${String(index + 1).padStart(3, '0')}`,
    title: 'Random',
    severity: 'P2',
    started: at(entry.startMin),
    detected: at(entry.startMin),
    ...(resolvedAt ? { resolved: resolvedAt } : {}),
    ...(entry.maintenance ? { maintenance: entry.maintenance } : {}),
    services: [
      {
        id: 'svc',
        impact: entry.impact,
        ...(entry.serviceWindowsMin
          ? { windows: entry.serviceWindowsMin.map((window) => ({ start: at(entry.startMin + window.startMin), ...(window.endMin !== undefined ? { end: at(entry.startMin + window.endMin) } : {}) })) }
          : {
              ...(entry.serviceStartMin !== undefined ? { start: at(entry.startMin + entry.serviceStartMin) } : {}),
              ...(entry.serviceEndMin !== undefined ? { end: at(entry.startMin + entry.serviceEndMin) } : {}),
            }),
      },
    ],
    updates,
  };
}

function plannedRecord(window: PlannedWindow): Maintenance {
  return {
    id: window.id,
    title: 'Planned',
    updates: [],
    start: new Date(window.startMin * MIN),
    end: new Date((window.startMin + window.lengthMin) * MIN),
    services: window.coversService ? ['svc'] : ['other'],
    cancelled: window.cancelled,
    ...(window.impact ? { impact: window.impact } : {}),
  };
}

/**
 * Independent reference for reopens and maintenance: for each minute of the day, replay each incident's
 * updates to see whether it was open then, bound by the service's own start and end (or inside one of its windows); a minute inside a
 * maintenance window the incident names counts nothing if the window announced at least that impact.
 */
function minuteByMinuteWithReopens(entries: readonly ReopenedIncident[], planned: readonly PlannedWindow[], nowMin: number): number {
  let lost = 0;
  for (let minute = 0; minute < 1440 && minute < nowMin; minute += 1) {
    let worst = 0;
    for (const entry of entries) {
      if (minute < entry.startMin) continue;
      // Open from the start; each stretch boundary at or before this minute flips it (resolved, then reopened…).
      let open = true;
      let boundary = entry.startMin;
      entry.stretches.forEach((length, stretch) => {
        boundary += length;
        const flips = !(stretch === entry.stretches.length - 1 && stretch % 2 === 0 && entry.stillOpen);
        if (flips && boundary <= minute) open = stretch % 2 === 1;
      });
      if (!open) continue;
      if (entry.serviceWindowsMin) {
        const offset = minute - entry.startMin;
        if (!entry.serviceWindowsMin.some((window) => window.startMin <= offset && (window.endMin === undefined || offset < window.endMin))) continue;
      } else {
        if (entry.serviceStartMin !== undefined && minute < entry.startMin + entry.serviceStartMin) continue;
        if (entry.serviceEndMin !== undefined && minute >= entry.startMin + entry.serviceEndMin) continue;
      }
      const weight = WEIGHT[entry.impact];
      const excused = planned.some(
        (window) =>
          window.id === entry.maintenance &&
          !window.cancelled &&
          window.coversService &&
          window.startMin <= minute &&
          minute < window.startMin + window.lengthMin &&
          weight <= (window.impact ? WEIGHT[window.impact] : 0),
      );
      if (!excused) worst = Math.max(worst, weight);
    }
    lost += worst;
  }
  return 100 * (1 - lost / 1440);
}

describe('availability with reopened incidents and maintenance', () => {
  it('equals a minute-by-minute replay of the updates, with maintenance excusing only the linked incident up to its announced impact', () => {
    fc.assert(
      fc.property(fc.array(reopenedIncident, { maxLength: 5 }), fc.array(plannedWindow, { maxLength: 3 }), (entries, planned) => {
        const record: ReliabilityRecord = { incidents: entries.map(reopenedRecord), maintenance: planned.map(plannedRecord), weights, nowMs: 3000 * MIN };
        expect(availabilityOver('svc', record, RANGE).percent).toBeCloseTo(minuteByMinuteWithReopens(entries, planned, 3000), 9);
      }),
      { numRuns: 300 },
    );
  });

  it('never counts more downtime than one window from the start to the final resolution', () => {
    fc.assert(
      fc.property(reopenedIncident, (entry) => {
        const { maintenance: _unlinked, ...unplanned } = entry;
        const withReopens = reopenedRecord(unplanned, 0);
        // The same incident with its first and last update only: one window from the start to the final resolution.
        const oneWindow: Incident = { ...withReopens, updates: [withReopens.updates[0]!, ...withReopens.updates.slice(1).slice(-1)] };
        expect(availabilityOver('svc', recordOf([withReopens]), RANGE).percent).toBeGreaterThanOrEqual(availabilityOver('svc', recordOf([oneWindow]), RANGE).percent - 1e-9);
      }),
    );
  });
});
