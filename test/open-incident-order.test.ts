// The status page meets readers with the most severe open incident first: a P2 with a fresh note never sits above
// a P1 that was updated earlier; within one level the most recently updated comes first.
import { describe, expect, it } from 'vitest';
import { mostSevereFirst } from '../src/lib/status/status-page.ts';
import { severityLevelSchema } from '../src/schemas/severity.ts';
import { incident } from './helpers/records.ts';

const levels = ['P0', 'P1', 'P2', 'P3'].map((id) => severityLevelSchema.parse({ id, name: id, meaning: 'Test level.', responseTime: '1h', resolutionTime: '1d', updateCadence: '1h', postmortemDue: '7d', monitoringAfterRecovery: '1h' }));

const open = (id: string, severity: string, lastUpdate: string) =>
  incident({ id, severity, started: '2026-11-27T08:00:00+08:00', services: [{ id: 'api', impact: 'degraded' }], updates: [{ at: '2026-11-27T08:05:00+08:00', status: 'investigating' }, { at: lastUpdate, status: 'fixing' }] });

describe('open incidents on the status page', () => {
  it('come most severe first, then the most recently updated', () => {
    const p2Fresh = open('INC-20261127-001', 'P2', '2026-11-27T09:50:00+08:00');
    const p1Older = open('INC-20261127-002', 'P1', '2026-11-27T08:30:00+08:00');
    const p1Newer = open('INC-20261127-003', 'P1', '2026-11-27T09:10:00+08:00');
    const p3 = open('INC-20261127-004', 'P3', '2026-11-27T09:55:00+08:00');
    expect(mostSevereFirst([p2Fresh, p3, p1Older, p1Newer], levels).map((entry) => entry.id)).toEqual(['INC-20261127-003', 'INC-20261127-002', 'INC-20261127-001', 'INC-20261127-004']);
  });
});
