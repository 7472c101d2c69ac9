// Facts read off one incident's record: open or not, its current status, its per-service impact windows.
import type { AffectedService, Incident, IncidentStatus, IncidentUpdate } from '../../schemas/incident.ts';
import type { ImpactLevel } from '../../schemas/primitives.ts';
import type { TimeRange } from '../time/time-range.ts';

/** Statuses after which the incident no longer affects anyone. */
export const FINISHED_STATUSES: readonly IncidentStatus[] = ['resolved', 'closed'];

/** An incident is open until it has a resolution instant at or before now. */
export function isOpen(incident: Incident, nowMs: number): boolean {
  return incident.resolved === undefined || incident.resolved.getTime() > nowMs;
}

/** Updates in time order (the file keeps them so; sorting guards hand edits that the check would flag). */
export function updatesInOrder(incident: Incident): IncidentUpdate[] {
  return [...incident.updates].sort((a, b) => a.at.getTime() - b.at.getTime());
}

export function latestUpdate(incident: Incident): IncidentUpdate {
  const updates = updatesInOrder(incident);
  return updates[updates.length - 1]!;
}

export function currentStatus(incident: Incident): IncidentStatus {
  return latestUpdate(incident).status;
}

export interface ServiceImpactWindow extends TimeRange {
  incidentId: string;
  serviceId: string;
  impact: ImpactLevel;
}

/** When one affected service was impacted: its own start/end, else the incident's, else still going at now. */
export function impactWindowOf(incident: Incident, affected: AffectedService, nowMs: number): ServiceImpactWindow {
  const start = (affected.start ?? incident.started).getTime();
  const end = Math.min(nowMs, (affected.end ?? incident.resolved)?.getTime() ?? nowMs);
  return { incidentId: incident.id, serviceId: affected.id, impact: affected.impact, start, end: Math.max(start, end) };
}

/** Every impact window of every incident, for one service or all, that began by now. */
export function impactWindows(incidents: readonly Incident[], nowMs: number, serviceId?: string): ServiceImpactWindow[] {
  return incidents.flatMap((incident) =>
    incident.services
      .filter((affected) => serviceId === undefined || affected.id === serviceId)
      .map((affected) => impactWindowOf(incident, affected, nowMs))
      .filter((window) => window.start <= nowMs),
  );
}

/** Newest first by start, then by id, so equal starts keep a stable order. */
export function newestFirst<T extends { started: Date; id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.started.getTime() - a.started.getTime() || b.id.localeCompare(a.id));
}
