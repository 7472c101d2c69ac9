// How long an incident was watched after its last recovery before it was resolved, against its level's
// monitoringAfterRecovery: the comms lead is told when an incident is resolved too early.
import type { Incident } from '../../schemas/incident.ts';
import { recoveredAt, updatesInOrder } from './incident-timeline.ts';

/**
 * When the incident last recovered, as of a resolution at `resolvedMs`, counting only the stretch since the last
 * reopen (what came before it was already resolved once): services recovered by the resolution itself recover
 * now; a service whose window is still open recovered at the latest `monitoring` update of the stretch (the team
 * saw it come back), else with the resolution; a service that recovered on its own in the stretch, at its `end`.
 * A service whose last window ended before the stretch began was not impaired in it and does not count.
 */
export function lastRecoveryMs(incident: Incident, recoveredAtResolution: readonly string[], resolvedMs: number): number {
  if (recoveredAtResolution.length > 0) return resolvedMs;
  const updates = updatesInOrder(incident);
  const stretchStart = updates.findLast((update) => update.status === 'reopened')?.at.getTime() ?? incident.started.getTime();
  const monitoringMs = updates
    .filter((update) => update.status === 'monitoring' && update.at.getTime() >= stretchStart && update.at.getTime() <= resolvedMs)
    .map((update) => update.at.getTime())
    .at(-1);
  const recoveries = incident.services.flatMap((affected) => {
    const end = recoveredAt(affected)?.getTime();
    if (end === undefined) return [monitoringMs ?? resolvedMs];
    return end >= stretchStart ? [end] : [];
  });
  return recoveries.length > 0 ? Math.max(...recoveries) : (monitoringMs ?? resolvedMs);
}

/** How much shorter than the level asks the watch after the last recovery was; 0 when it was long enough. */
export function monitoringShortfallMs(watchedFromMs: number, resolvedMs: number, monitoringAfterRecoveryMs: number): number {
  return Math.max(0, monitoringAfterRecoveryMs - Math.max(0, resolvedMs - watchedFromMs));
}
