// How much data each affected service of an incident lost, as a window of time (0: nothing lost).
import type { AffectedService, Incident } from '../../schemas/incident.ts';

/**
 * The service's own `dataLoss:`; else the incident-level one when it is the only affected service (older files
 * wrote it there, and with one service it can mean nothing else); else nothing lost. An incident-level value with
 * several services is ambiguous, and the check refuses it.
 */
export function dataLossMs(incident: Incident, affected: AffectedService): number {
  if (affected.dataLoss !== undefined) return affected.dataLoss;
  if (incident.services.length === 1 && incident.dataLoss !== undefined) return incident.dataLoss;
  return 0;
}

/** Whether any affected service lost data. */
export function lostData(incident: Incident): boolean {
  return incident.services.some((affected) => dataLossMs(incident, affected) > 0);
}

/** The largest loss of any affected service, the incident's data-loss window as a postmortem states it; 0 when none. */
export function largestDataLossMs(incident: Incident): number {
  return Math.max(0, ...incident.services.map((affected) => dataLossMs(incident, affected)));
}

/** The services that lost data and how much, in the incident's order: the incident page's "data loss" fact. */
export function dataLossByService(incident: Incident): { serviceId: string; lostMs: number }[] {
  return incident.services.flatMap((affected) => {
    const lostMs = dataLossMs(incident, affected);
    return lostMs > 0 ? [{ serviceId: affected.id, lostMs }] : [];
  });
}
