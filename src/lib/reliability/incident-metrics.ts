// Per-incident response figures (detect, respond, mitigate, resolve) against the severity policy and each service's RTO / RPO.
import type { Incident } from '../../schemas/incident.ts';
import type { Service } from '../../schemas/service.ts';
import type { SeverityLevel } from '../../schemas/severity.ts';
import { serviceWindows, updatesInOrder } from '../incidents/incident-timeline.ts';
import { dataLossMs, lostData } from '../incidents/data-loss.ts';

export interface IncidentDurations {
  /** detected - started */
  toDetectMs: number;
  /** First update past "detecting" - detected; undefined until someone responds. */
  toFirstResponseMs?: number;
  /** First "monitoring" (fix in place) or resolution - started. */
  toMitigateMs?: number;
  /** resolved - started; undefined while open. */
  toResolveMs?: number;
}

export function durationsOf(incident: Incident): IncidentDurations {
  const started = incident.started.getTime();
  const detected = incident.detected.getTime();
  const updates = updatesInOrder(incident);
  const response = updates.find((update) => update.status !== 'detecting' && update.at.getTime() >= detected);
  const mitigation = updates.find((update) => update.status === 'monitoring' || update.status === 'resolved' || update.status === 'closed');
  const durations: IncidentDurations = { toDetectMs: detected - started };
  if (response) durations.toFirstResponseMs = response.at.getTime() - detected;
  if (mitigation) durations.toMitigateMs = Math.min(mitigation.at.getTime(), incident.resolved?.getTime() ?? Number.POSITIVE_INFINITY) - started;
  if (incident.resolved) durations.toResolveMs = incident.resolved.getTime() - started;
  return durations;
}

export interface TargetComparison {
  /** What was achieved, in milliseconds; undefined while it cannot be known yet. */
  actualMs?: number;
  targetMs: number;
  /** met: within target; missed: over it; pending: not over yet, not finished either. */
  verdict: 'met' | 'missed' | 'pending';
  /** target - actual: positive is time to spare, negative is the overrun. */
  marginMs?: number;
}

/** Compares a measured duration with its target; an unfinished one already over target is missed. */
export function compareWithTarget(actualMs: number | undefined, targetMs: number, elapsedSoFarMs: number): TargetComparison {
  if (actualMs === undefined) {
    return elapsedSoFarMs > targetMs ? { targetMs, verdict: 'missed', marginMs: targetMs - elapsedSoFarMs } : { targetMs, verdict: 'pending' };
  }
  return { actualMs, targetMs, verdict: actualMs <= targetMs ? 'met' : 'missed', marginMs: targetMs - actualMs };
}

export interface ServiceRecovery {
  serviceId: string;
  /** Time to recover against the RTO in the service's worst window (see worstComparison). */
  recovery: TargetComparison;
  /** Time to recover in each impact window, oldest first; one entry unless the incident was reopened. */
  windows: TargetComparison[];
  /**
   * This service's own data-loss window against its RPO (0, met, when it lost nothing); undefined when no service
   * of the incident lost data, so incidents without loss show no RPO verdicts at all.
   */
  dataLoss?: TargetComparison;
}

const VERDICT_RANK: Record<TargetComparison['verdict'], number> = { met: 0, pending: 1, missed: 2 };

/**
 * The comparison that judges several: missed over pending over met, and among equals the smallest margin
 * (the largest overrun, or the least time to spare). An RTO promises recovery within it every time the
 * service goes down, so one slow recovery is a miss however quick the others were.
 */
export function worstComparison(comparisons: readonly TargetComparison[]): TargetComparison | undefined {
  const margin = (comparison: TargetComparison) => comparison.marginMs ?? Number.POSITIVE_INFINITY;
  return [...comparisons].sort((a, b) => VERDICT_RANK[b.verdict] - VERDICT_RANK[a.verdict] || margin(a) - margin(b))[0];
}

export interface IncidentTargets {
  durations: IncidentDurations;
  response: TargetComparison;
  resolution: TargetComparison;
  services: ServiceRecovery[];
}

export function incidentTargets(incident: Incident, level: SeverityLevel, services: readonly Service[], nowMs: number): IncidentTargets {
  const durations = durationsOf(incident);
  const sinceDetected = nowMs - incident.detected.getTime();
  const sinceStarted = nowMs - incident.started.getTime();
  return {
    durations,
    response: compareWithTarget(durations.toFirstResponseMs, level.responseTime, sinceDetected),
    resolution: compareWithTarget(durations.toResolveMs, level.resolutionTime, sinceStarted),
    services: incident.services.flatMap((affected) => {
      const service = services.find((candidate) => candidate.id === affected.id);
      if (!service) return [];
      // Each window is a separate recovery: the quiet time between a resolution and a reopen is not part of any.
      const windows = serviceWindows(incident, affected, nowMs).map((window) => compareWithTarget(window.ongoing ? undefined : window.end - window.start, service.rto, window.end - window.start));
      const recovery = worstComparison(windows);
      if (!recovery) return [];
      const row: ServiceRecovery = { serviceId: affected.id, recovery, windows };
      if (lostData(incident)) {
        const lostMs = dataLossMs(incident, affected);
        row.dataLoss = compareWithTarget(lostMs, service.rpo, lostMs);
      }
      return [row];
    }),
  };
}

export interface ResolutionSummary {
  count: number;
  resolvedCount: number;
  meanMs?: number;
  medianMs?: number;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Count, mean and median time to resolve of the incidents that started inside [start, end). */
export function resolutionSummary(incidents: readonly Incident[], start: number, end: number): ResolutionSummary {
  const inWindow = incidents.filter((incident) => incident.started.getTime() >= start && incident.started.getTime() < end);
  const times = inWindow.flatMap((incident) => (incident.resolved ? [incident.resolved.getTime() - incident.started.getTime()] : []));
  const summary: ResolutionSummary = { count: inWindow.length, resolvedCount: times.length };
  if (times.length > 0) {
    summary.meanMs = times.reduce((sum, value) => sum + value, 0) / times.length;
    summary.medianMs = median(times)!;
  }
  return summary;
}
