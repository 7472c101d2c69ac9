// The reliability targets page: each service's RTO, RPO and availability target beside what was achieved.
import type { Incident } from '../../schemas/incident.ts';
import type { Service } from '../../schemas/service.ts';
import { availabilityOver, errorBudgetOver, trailingDays, type ErrorBudget } from '../reliability/availability.ts';
import { incidentTargets, resolutionSummary, type ResolutionSummary, type ServiceRecovery } from '../reliability/incident-metrics.ts';
import { newestFirst } from '../incidents/incident-timeline.ts';
import type { SiteModel } from '../model/site-model.ts';
import { reliabilityRecordOf, trackedSinceWithin } from './status-page.ts';
import type { LocalDate } from '../time/time-zone.ts';
import type { TimeRange } from '../time/time-range.ts';

export const TARGET_WINDOWS_DAYS = [30, 90, 365] as const;

/**
 * The recoveries listed per service are those of incidents in the longest window the page reports (and any still
 * open): years of history would make the page megabytes long (7.7 MB at 10,000 incidents); the history has the rest.
 */
export const RECOVERY_DAYS = 365;

/**
 * At most this many recoveries are listed per service, the newest; the rest of the window is counted (how many, how
 * many within the RTO). A busy service's year of incidents still made the page 2 MB at 10,000 incidents.
 */
export const RECOVERIES_LISTED = 25;

export interface RecoveryRow extends ServiceRecovery {
  incidentId: string;
  incidentTitle: string;
  startedMs: number;
}

export interface ServiceTargets {
  service: Service;
  /** Achieved availability per window, in the order of TARGET_WINDOWS_DAYS; `trackedSince` when the window was clipped to it. */
  achieved: ({ days: number; percent: number; meetsTarget: boolean } & TrackedSinceNote)[];
  budget30: ErrorBudget & TrackedSinceNote;
  /** The newest RECOVERIES_LISTED recoveries of the window. */
  recoveries: RecoveryRow[];
  /** Every recovery of the window: how many, and how many were within the RTO. */
  recoveryCount: number;
  recoveriesMet: number;
}

interface TrackedSinceNote {
  /** The local date tracking began, when the window reaches back before it: the figure is over the time since. */
  trackedSince?: LocalDate;
}

export function serviceTargets(model: SiteModel): ServiceTargets[] {
  const record = reliabilityRecordOf(model);
  const since = (serviceId: string, window: TimeRange) => withTrackedSince(trackedSinceWithin(serviceId, record, window, model.site.timeZone));
  const recoveryWindow = trailingDays(RECOVERY_DAYS, model.nowMs);
  // Started in the window, or started before it and not resolved until inside it (or not yet).
  const recentIncidents = model.incidents.filter((incident) => incident.started.getTime() < recoveryWindow.end && (incident.resolved?.getTime() ?? Number.POSITIVE_INFINITY) >= recoveryWindow.start);
  return model.services.map((service) => ({
    service,
    achieved: TARGET_WINDOWS_DAYS.map((days) => {
      const window = trailingDays(days, model.nowMs);
      const percent = availabilityOver(service.id, record, window).percent;
      return { days, percent, meetsTarget: percent >= service.availability, ...since(service.id, window) };
    }),
    budget30: { ...errorBudgetOver(service, record, trailingDays(30, model.nowMs)), ...since(service.id, trailingDays(30, model.nowMs)) },
    ...recoveriesOf(model, service.id, recentIncidents),
  }));
}

function recoveriesOf(model: SiteModel, serviceId: string, recentIncidents: readonly Incident[]): Pick<ServiceTargets, 'recoveries' | 'recoveryCount' | 'recoveriesMet'> {
  const all = newestFirst(recentIncidents.filter((incident) => incident.services.some((affected) => affected.id === serviceId))).flatMap((incident) => {
    const level = model.levels.find((candidate) => candidate.id === incident.severity);
    if (!level) return [];
    const row = incidentTargets(incident, level, model.services, model.nowMs).services.find((candidate) => candidate.serviceId === serviceId);
    return row ? [{ ...row, incidentId: incident.id, incidentTitle: incident.title, startedMs: incident.started.getTime() }] : [];
  });
  return { recoveries: all.slice(0, RECOVERIES_LISTED), recoveryCount: all.length, recoveriesMet: all.filter((row) => row.recovery.verdict === 'met').length };
}

function withTrackedSince(since: LocalDate | undefined): { trackedSince?: LocalDate } {
  return since === undefined ? {} : { trackedSince: since };
}

export interface ResolutionRow extends ResolutionSummary {
  key: string;
}

export interface ResolutionStats {
  bySeverity: ResolutionRow[];
  byService: ResolutionRow[];
}

/** Count, mean and median time to resolve per severity level and per affected service, for incidents started in the last `days` days. */
export function resolutionStats(model: SiteModel, days: number): ResolutionStats {
  const window = trailingDays(days, model.nowMs);
  const summarise = (key: string, incidents: SiteModel['incidents']) => ({ key, ...resolutionSummary(incidents, window.start, window.end) });
  return {
    bySeverity: model.levels.map((level) => summarise(level.id, model.incidents.filter((incident) => incident.severity === level.id))),
    byService: model.services.map((service) => summarise(service.id, model.incidents.filter((incident) => incident.services.some((affected) => affected.id === service.id)))),
  };
}
