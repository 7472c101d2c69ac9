// The targets page lists each service's recoveries for the last 365 days only, so it stays the same size however
// long the history grows; the incidents' own pages and the history keep the rest.
import { describe, expect, it } from 'vitest';
import { RECOVERY_DAYS, serviceTargets } from '../src/lib/status/targets-page.ts';
import { loadModel } from './helpers/models.ts';
import { EXAMPLE_FIXTURE } from './helpers/sites.ts';

describe('recoveries on the targets page', () => {
  it('are those of incidents in the last 365 days, newest first', async () => {
    const { model } = await loadModel(EXAMPLE_FIXTURE, '2026-11-26T00:00:00Z');
    // The example's incidents, started from January 2025 on; 365 days before 26 November 2026 is 26 November 2025.
    const cutoff = Date.parse('2025-11-26T00:00:00Z');
    expect(RECOVERY_DAYS).toBe(365);
    const listed = new Set(serviceTargets(model).flatMap((row) => row.recoveries.map((recovery) => recovery.incidentId)));
    const recent = model.incidents.filter((incident) => (incident.resolved?.getTime() ?? Infinity) >= cutoff).map((incident) => incident.id);
    const older = model.incidents.filter((incident) => (incident.resolved?.getTime() ?? Infinity) < cutoff).map((incident) => incident.id);
    expect(older.length).toBeGreaterThan(0);
    expect(older.filter((id) => listed.has(id))).toEqual([]);
    expect(recent.filter((id) => !listed.has(id))).toEqual([]);
  });
});
