// The targets page lists each service's recoveries for the last 365 days only, so it stays the same size however
// long the history grows; the incidents' own pages and the history keep the rest.
import { describe, expect, it } from 'vitest';
import { RECOVERIES_LISTED, RECOVERY_DAYS, serviceTargets } from '../src/lib/status/targets-page.ts';
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

  it("lists a busy service's 25 newest recoveries and counts them all, with how many were within the RTO", async () => {
    const { model } = await loadModel(EXAMPLE_FIXTURE, '2026-11-26T00:00:00Z');
    // File storage (RTO 30 min) out for 48 minutes on 8 January 2026; thirty copies a day apart from 1 February, the
    // even ones recovered after 20 minutes (within the RTO), the odd ones after 48 (over it): 15 of 30 met.
    const original = model.incidents.find((incident) => incident.id === 'INC-20260108-001')!;
    const DAY = 86_400_000;
    const shift = (date: Date, days: number) => new Date(date.getTime() + days * DAY);
    const copies = Array.from({ length: 30 }, (_, index) => {
      const days = 24 + index;
      const end = index % 2 === 0 ? new Date(original.started.getTime() + 20 * 60_000) : original.services[0]!.end!;
      return {
        ...original,
        id: `INC-202602${String(index + 1).padStart(2, '0')}-009`,
        started: shift(original.started, days),
        detected: shift(original.detected!, days),
        resolved: shift(original.resolved!, days),
        services: [{ ...original.services[0]!, end: shift(end, days) }],
        updates: original.updates.map((update) => ({ ...update, at: shift(update.at, days) })),
      };
    });
    const storage = serviceTargets({ ...model, incidents: copies }).find((row) => row.service.id === 'file-storage')!;
    expect(RECOVERIES_LISTED).toBe(25);
    expect(storage.recoveryCount).toBe(30);
    expect(storage.recoveriesMet).toBe(15);
    expect(storage.recoveries.map((row) => row.incidentId)).toEqual(copies.slice(5).reverse().map((incident) => incident.id));
  });
});
