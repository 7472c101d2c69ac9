import { describe, expect, it } from 'vitest';
import { compareWithTarget, durationsOf, incidentTargets, median, resolutionSummary, worstComparison } from '../src/lib/reliability/incident-metrics.ts';
import { serviceSchema } from '../src/schemas/service.ts';
import { severityLevelSchema } from '../src/schemas/severity.ts';
import { incident } from './helpers/records.ts';

const MIN = 60_000;
const p1 = severityLevelSchema.parse({ id: 'P1', name: 'High', meaning: 'Core features down.', responseTime: '30m', resolutionTime: '4h', updateCadence: '1h', postmortemDue: '48h', monitoringAfterRecovery: '2h' });
const services = [
  serviceSchema.parse({ id: 'api', name: 'API', group: 'core', rto: '5m', rpo: '1m', availability: '99.95%' }),
  serviceSchema.parse({ id: 'db', name: 'DB', group: 'data', rto: '15m', rpo: '5m', availability: '99.9%' }),
];

// The seed postmortem's shape: started 14:30, alert 14:32, responded 14:35, fixed 16:15, resolved 16:45.
const agentOutage = incident({
  severity: 'P1',
  started: '2025-01-15T14:30:00Z',
  detected: '2025-01-15T14:32:00Z',
  resolved: '2025-01-15T16:45:00Z',
  services: [
    { id: 'api', impact: 'major_outage', end: '2025-01-15T14:34:00Z' },
    { id: 'db', impact: 'partial_outage', dataLoss: '3m' },
  ],
  updates: [
    { at: '2025-01-15T14:32:00Z', status: 'detecting' },
    { at: '2025-01-15T14:35:00Z', status: 'investigating' },
    { at: '2025-01-15T15:20:00Z', status: 'fixing' },
    { at: '2025-01-15T16:15:00Z', status: 'monitoring' },
    { at: '2025-01-15T16:45:00Z', status: 'resolved' },
  ],
});

describe('incident durations', () => {
  it('measures detect, first response, mitigate and resolve from the record', () => {
    expect(durationsOf(agentOutage)).toEqual({ toDetectMs: 2 * MIN, toFirstResponseMs: 3 * MIN, toMitigateMs: 105 * MIN, toResolveMs: 135 * MIN });
  });

  it('leaves resolve unknown while the incident is open', () => {
    const open = incident({ started: '2026-11-26T08:00:00Z', services: [{ id: 'api', impact: 'degraded' }] });
    expect(durationsOf(open).toResolveMs).toBeUndefined();
  });
});

describe('targets per incident', () => {
  const targets = incidentTargets(agentOutage, p1, services, Date.parse('2026-01-01T00:00:00Z'));

  it('meets the P1 response time with 27 minutes to spare and the resolution time with 1h45m', () => {
    expect(targets.response).toEqual({ actualMs: 3 * MIN, targetMs: 30 * MIN, verdict: 'met', marginMs: 27 * MIN });
    expect(targets.resolution).toEqual({ actualMs: 135 * MIN, targetMs: 240 * MIN, verdict: 'met', marginMs: 105 * MIN });
  });

  it('compares each service’s recovery with its RTO and its own data loss with its RPO', () => {
    const api = targets.services.find((row) => row.serviceId === 'api')!;
    const db = targets.services.find((row) => row.serviceId === 'db')!;
    expect(api.recovery.verdict).toBe('met'); // 4 min against 5
    expect(api.recovery.marginMs).toBe(MIN);
    expect(db.recovery.verdict).toBe('missed'); // 135 min against 15
    expect(db.recovery.marginMs).toBe(-120 * MIN);
    expect(api.dataLoss).toEqual({ actualMs: 0, targetMs: MIN, verdict: 'met', marginMs: MIN }); // lost nothing, against 1
    expect(db.dataLoss).toEqual({ actualMs: 3 * MIN, targetMs: 5 * MIN, verdict: 'met', marginMs: 2 * MIN }); // 3 min against 5
  });

  it('calls an open incident already past its target missed, and one within it pending', () => {
    expect(compareWithTarget(undefined, 30 * MIN, 45 * MIN)).toEqual({ targetMs: 30 * MIN, verdict: 'missed', marginMs: -15 * MIN });
    expect(compareWithTarget(undefined, 30 * MIN, 10 * MIN)).toEqual({ targetMs: 30 * MIN, verdict: 'pending' });
  });
});

describe('data loss per affected service against its RPO', () => {
  const at = Date.parse('2026-01-01T00:00:00Z');
  const dbDown = { started: '2025-06-01T10:00:00Z', resolved: '2025-06-01T11:00:00Z' };

  it('misses the RPO of the service that lost 10 minutes and meets that of the one that lost nothing', () => {
    const lostDb = incident({ ...dbDown, services: [{ id: 'db', impact: 'major_outage', dataLoss: '10m' }, { id: 'api', impact: 'partial_outage' }] });
    const rows = incidentTargets(lostDb, p1, services, at).services;
    // db: RPO 5 min, lost 10 min → 5 - 10 = -5 min, missed by 5 min
    expect(rows.find((row) => row.serviceId === 'db')!.dataLoss).toEqual({ actualMs: 10 * MIN, targetMs: 5 * MIN, verdict: 'missed', marginMs: (5 - 10) * MIN });
    // api: RPO 1 min, nothing lost → 1 - 0 = 1 min to spare, met
    expect(rows.find((row) => row.serviceId === 'api')!.dataLoss).toEqual({ actualMs: 0, targetMs: MIN, verdict: 'met', marginMs: (1 - 0) * MIN });
  });

  it('reads an older file’s incident-level data loss as the loss of its only service', () => {
    const older = incident({ ...dbDown, dataLoss: '10m', services: [{ id: 'db', impact: 'major_outage' }] });
    expect(incidentTargets(older, p1, services, at).services[0]!.dataLoss).toMatchObject({ actualMs: 10 * MIN, verdict: 'missed' });
  });

  it('gives no RPO verdict when no service lost data', () => {
    const noLoss = incident({ ...dbDown, services: [{ id: 'db', impact: 'major_outage' }, { id: 'api', impact: 'degraded' }] });
    expect(incidentTargets(noLoss, p1, services, at).services.map((row) => row.dataLoss)).toEqual([undefined, undefined]);
  });
});

describe('recovery per impact window after a reopen', () => {
  // Down 09:30, resolved 10:30, reopened 11:00, recovered 11:20; the job queue's RTO is 15 minutes.
  const queue = serviceSchema.parse({ id: 'queue', name: 'Job queue', group: 'core', rto: '15m', rpo: '5m', availability: '99.9%' });
  const updates = [
    { at: '2026-03-10T09:35:00Z', status: 'investigating' },
    { at: '2026-03-10T10:30:00Z', status: 'resolved' },
    { at: '2026-03-10T11:00:00Z', status: 'reopened' },
    { at: '2026-03-10T11:20:00Z', status: 'resolved' },
  ];
  const reopened = incident({ started: '2026-03-10T09:30:00Z', resolved: '2026-03-10T11:20:00Z', services: [{ id: 'queue', impact: 'partial_outage' }], updates });

  it('judges each window against the RTO and the service by its worst: missed by 45 minutes, not 1 h 35 min', () => {
    const [row] = incidentTargets(reopened, p1, [queue], Date.parse('2026-03-11T00:00:00Z')).services;
    // 09:30–10:30 is 60 min, 45 over the 15-minute RTO; 11:00–11:20 is 20 min, 5 over.
    expect(row!.windows).toEqual([
      { actualMs: 60 * MIN, targetMs: 15 * MIN, verdict: 'missed', marginMs: -45 * MIN },
      { actualMs: 20 * MIN, targetMs: 15 * MIN, verdict: 'missed', marginMs: -5 * MIN },
    ]);
    expect(row!.recovery).toEqual({ actualMs: 60 * MIN, targetMs: 15 * MIN, verdict: 'missed', marginMs: -45 * MIN });
  });

  it('misses the RTO when one window is slow even if the other was quick', () => {
    const quickThenSlow = incident({
      started: '2026-03-10T09:30:00Z',
      resolved: '2026-03-10T11:40:00Z',
      services: [{ id: 'queue', impact: 'partial_outage' }],
      updates: [
        { at: '2026-03-10T09:35:00Z', status: 'investigating' },
        { at: '2026-03-10T09:40:00Z', status: 'resolved' },
        { at: '2026-03-10T11:00:00Z', status: 'reopened' },
        { at: '2026-03-10T11:40:00Z', status: 'resolved' },
      ],
    });
    const [row] = incidentTargets(quickThenSlow, p1, [queue], Date.parse('2026-03-11T00:00:00Z')).services;
    // 10 min (met, 5 to spare) then 40 min (missed by 25).
    expect(row!.windows.map((window) => window.verdict)).toEqual(['met', 'missed']);
    expect(row!.recovery).toMatchObject({ actualMs: 40 * MIN, verdict: 'missed', marginMs: -25 * MIN });
  });

  it('keeps a reopened window still running pending until it passes the RTO', () => {
    const reopenedNow = incident({ started: '2026-03-10T09:30:00Z', services: [{ id: 'queue', impact: 'partial_outage' }], updates: updates.slice(0, 3) });
    const rowAt = (now: string) => incidentTargets(reopenedNow, p1, [queue], Date.parse(now)).services[0]!;
    // 10 minutes into the reopen: the first window (60 min) already missed, the running one pending.
    expect(rowAt('2026-03-10T11:10:00Z').windows.map((window) => window.verdict)).toEqual(['missed', 'pending']);
    // 25 minutes into the reopen: 10 over the RTO and counting, still better than the first window's 45.
    expect(rowAt('2026-03-10T11:25:00Z').windows[1]).toEqual({ targetMs: 15 * MIN, verdict: 'missed', marginMs: -10 * MIN });
    expect(rowAt('2026-03-10T11:25:00Z').recovery.marginMs).toBe(-45 * MIN);
  });

  it('ranks missed over pending over met, then the smaller margin', () => {
    const met = compareWithTarget(10 * MIN, 15 * MIN, 10 * MIN);
    const tight = compareWithTarget(14 * MIN, 15 * MIN, 14 * MIN);
    const pending = compareWithTarget(undefined, 15 * MIN, 5 * MIN);
    expect(worstComparison([met, tight])).toBe(tight);
    expect(worstComparison([met, pending])).toBe(pending);
    expect(worstComparison([])).toBeUndefined();
  });
});

describe('resolution summaries', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('counts incidents started in the window and averages the resolved ones', () => {
    const a = incident({ started: '2026-11-01T00:00:00Z', resolved: '2026-11-01T01:00:00Z', services: [{ id: 'api', impact: 'degraded' }] });
    const b = incident({ started: '2026-11-02T00:00:00Z', resolved: '2026-11-02T03:00:00Z', services: [{ id: 'api', impact: 'degraded' }] });
    const open = incident({ started: '2026-11-03T00:00:00Z', services: [{ id: 'api', impact: 'degraded' }] });
    const outside = incident({ started: '2026-10-01T00:00:00Z', resolved: '2026-10-01T09:00:00Z', services: [{ id: 'api', impact: 'degraded' }] });
    const summary = resolutionSummary([a, b, open, outside], Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-12-01T00:00:00Z'));
    expect(summary).toEqual({ count: 3, resolvedCount: 2, meanMs: 120 * MIN, medianMs: 120 * MIN });
  });
});
