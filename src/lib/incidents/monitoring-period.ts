// How long an incident was watched after its last recovery before it was resolved, against its level's
// monitoringAfterRecovery: the comms lead is told when an incident is resolved too early.
import type { Incident } from '../../schemas/incident.ts';
import { recoveredAt } from './incident-timeline.ts';

/**
 * When the incident last recovered, as of a resolution at `resolvedMs`: the latest recovery of a service (the
 * `end` of its last window, or now for services recovered by the resolution itself), else the latest `monitoring` update (the team
 * saw it recover), else the resolution itself.
 */
export function lastRecoveryMs(incident: Incident, recoveredAtResolution: readonly string[], resolvedMs: number): number {
  if (recoveredAtResolution.length > 0) return resolvedMs;
  const serviceEnds = incident.services.flatMap((affected) => recoveredAt(affected)?.getTime() ?? []);
  if (serviceEnds.length === incident.services.length) return Math.max(...serviceEnds);
  const monitoring = incident.updates.filter((update) => update.status === 'monitoring').map((update) => update.at.getTime());
  return monitoring.length > 0 ? Math.max(...monitoring) : resolvedMs;
}

/** How much shorter than the level asks the watch after the last recovery was; 0 when it was long enough. */
export function monitoringShortfallMs(watchedFromMs: number, resolvedMs: number, monitoringAfterRecoveryMs: number): number {
  return Math.max(0, monitoringAfterRecoveryMs - Math.max(0, resolvedMs - watchedFromMs));
}
