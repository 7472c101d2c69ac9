// Facts read off one incident's record: open or not, its current status, when it was open, each service's impact windows.
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
  /** Still impaired at now: the window has no recovery yet and its end is now. */
  ongoing: boolean;
}

/**
 * When the incident was open: from `started` to the first resolved (or closed) update, then from each
 * `reopened` update to the next one, the last stretch to `resolved:` or, while that is absent, to now. The
 * quiet gap between a resolution and a reopen is no part of the incident. A stretch still open ends at
 * infinity; callers clip to now.
 */
export function activePeriods(incident: Incident): TimeRange[] {
  const periods: TimeRange[] = [];
  let openedAt: number | undefined = incident.started.getTime();
  for (const update of updatesInOrder(incident)) {
    const at = update.at.getTime();
    if (openedAt !== undefined && FINISHED_STATUSES.includes(update.status)) {
      periods.push({ start: openedAt, end: Math.max(openedAt, at) });
      openedAt = undefined;
    } else if (openedAt === undefined && update.status === 'reopened') {
      openedAt = at;
    }
  }
  // The last stretch ends where the record says the incident was resolved, as it did before reopens existed.
  const last = openedAt ?? periods.pop()!.start;
  const finalEnd = incident.resolved?.getTime() ?? Number.POSITIVE_INFINITY;
  periods.push({ start: last, end: Math.max(last, finalEnd) });
  return periods;
}

/** A window as the file declares it: no start means the incident's start, no end means its resolution. */
export interface DeclaredWindow {
  start?: Date | undefined;
  end?: Date | undefined;
}

/** The service's windows as written: its `windows:` list, else the one window its `start`/`end` describe. */
export function declaredWindows(affected: AffectedService): DeclaredWindow[] {
  return affected.windows ?? [{ start: affected.start, end: affected.end }];
}

/** When the service last recovered by its own record (the end of its last window); undefined while it has none. */
export function recoveredAt(affected: AffectedService): Date | undefined {
  return declaredWindows(affected).at(-1)!.end;
}

/**
 * Every window in which one affected service was impaired, oldest first: each window the file declares for it,
 * cut to the incident's active periods (so a window left open across a resolution and reopen is not counted in
 * the quiet gap, and a service that recovered before a reopen stays recovered) and to now. A window still running
 * at now ends at now and is `ongoing`; a finished window of no length is left out. This is the one place a
 * service's windows come from.
 */
export function serviceWindows(incident: Incident, affected: AffectedService, nowMs: number): ServiceImpactWindow[] {
  const periods = activePeriods(incident);
  return declaredWindows(affected).flatMap((declared) => {
    const from = (declared.start ?? incident.started).getTime();
    const until = declared.end?.getTime() ?? Number.POSITIVE_INFINITY;
    return periods.flatMap((period) => {
      const start = Math.max(period.start, from);
      const end = Math.min(period.end, until);
      if (start > nowMs || end < start) return [];
      const ongoing = end > nowMs;
      if (!ongoing && end === start) return [];
      return [{ incidentId: incident.id, serviceId: affected.id, impact: affected.impact, start, end: Math.min(end, nowMs), ongoing }];
    });
  });
}

/** How long a service was impaired over its windows (which never overlap), to now for an ongoing one. */
export function impairedMs(windows: readonly ServiceImpactWindow[]): number {
  return windows.reduce((sum, window) => sum + (window.end - window.start), 0);
}

/** Every impact window of every incident, for one service or all, that began by now. */
export function impactWindows(incidents: readonly Incident[], nowMs: number, serviceId?: string): ServiceImpactWindow[] {
  return incidents.flatMap((incident) =>
    incident.services.filter((affected) => serviceId === undefined || affected.id === serviceId).flatMap((affected) => serviceWindows(incident, affected, nowMs)),
  );
}

/** Newest first by start, then by id, so equal starts keep a stable order. */
export function newestFirst<T extends { started: Date; id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.started.getTime() - a.started.getTime() || b.id.localeCompare(a.id));
}
