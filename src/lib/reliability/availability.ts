// Availability and error budgets per service and group, over rolling windows and per local day.
import type { Incident } from '../../schemas/incident.ts';
import type { Maintenance } from '../../schemas/maintenance.ts';
import type { ImpactLevel } from '../../schemas/primitives.ts';
import type { Service, TrackedSince } from '../../schemas/service.ts';
import type { Site } from '../../schemas/site.ts';
import type { TimeRange } from '../time/time-range.ts';
import { availabilityPercent, downtimeIn, type MaintenanceWindow, type WeightedWindow } from './downtime.ts';
import { impactWindows } from '../incidents/incident-timeline.ts';
import { lastLocalDays, startOfLocalDate, type LocalDate } from '../time/time-zone.ts';

export type ImpactWeights = Site['impactWeights'];

export const DAY_MS = 86_400_000;

export interface ReliabilityRecord {
  incidents: readonly Incident[];
  maintenance: readonly Maintenance[];
  weights: ImpactWeights;
  nowMs: number;
  /** The instant each service's record begins (services.yaml `since`); a service not listed reaches back indefinitely. */
  trackedSince?: ReadonlyMap<string, number>;
}

/** The instant a service's `since` names: a date is its midnight in the site's zone. */
export function trackedSinceMs(since: TrackedSince, timeZone: string): number {
  return 'date' in since ? startOfLocalDate(since.date, timeZone) : since.at.getTime();
}

/** Each service's tracking start, for the services that give one. */
export function trackedSinceByService(services: readonly Service[], timeZone: string): Map<string, number> {
  return new Map(services.flatMap((service) => (service.since ? [[service.id, trackedSinceMs(service.since, timeZone)] as const] : [])));
}

/**
 * The part of a range the service was tracked in: it starts no earlier than the service's `since`, so a figure
 * over 90 days for a service tracked for 10 is over those 10 days. Empty (start = end) when none of it was.
 */
export function trackedPart(serviceId: string, record: ReliabilityRecord, range: TimeRange): TimeRange {
  const since = record.trackedSince?.get(serviceId);
  if (since === undefined || since <= range.start) return range;
  const start = Math.min(since, range.end);
  return { start, end: range.end };
}

export function weightOf(impact: ImpactLevel, weights: ImpactWeights): number {
  return impact === 'major_outage' ? 1 : weights[impact];
}

type ServiceWindows = (WeightedWindow & { incidentId: string })[];

/**
 * Each service's windows, worked out once per record of incidents (and now and weights): the service pages, the
 * reports and the targets page ask for a service's availability over hundreds of months and quarters, and each
 * answer would otherwise walk every incident of years of history again.
 */
const windowsKnown = new WeakMap<readonly Incident[], Map<string, ServiceWindows>>();

function weightedWindowsFor(serviceId: string, record: ReliabilityRecord): ServiceWindows {
  let known = windowsKnown.get(record.incidents);
  if (!known) {
    known = new Map();
    windowsKnown.set(record.incidents, known);
  }
  const key = `${serviceId}\0${record.nowMs}\0${record.weights.degraded}\0${record.weights.partial_outage}`;
  let windows = known.get(key);
  if (!windows) {
    windows = serviceWindowsOf(serviceId, record);
    known.set(key, windows);
  }
  return windows;
}

function serviceWindowsOf(serviceId: string, record: ReliabilityRecord): ServiceWindows {
  const causes = new Map(record.incidents.flatMap((incident) => (incident.maintenance ? [[incident.id, incident.maintenance] as const] : [])));
  return impactWindows(record.incidents, record.nowMs, serviceId).map((window) => {
    const maintenanceId = causes.get(window.incidentId);
    const weighted = { start: window.start, end: window.end, weight: weightOf(window.impact, record.weights), incidentId: window.incidentId };
    return maintenanceId === undefined ? weighted : { ...weighted, maintenanceId };
  });
}

export function maintenanceWindowsFor(serviceId: string, maintenance: readonly Maintenance[], weights: ImpactWeights): MaintenanceWindow[] {
  return maintenance
    .filter((window) => !window.cancelled && window.services.includes(serviceId))
    .map((window) => ({ id: window.id, start: window.start.getTime(), end: window.end.getTime(), announcedWeight: window.impact ? weightOf(window.impact, weights) : 0 }));
}

export interface ServiceAvailability {
  range: TimeRange;
  percent: number;
  downtimeMs: number;
  maintenanceMs: number;
}

/** A service's availability over a range; a service with no incidents there is 100%. */
export function availabilityOver(serviceId: string, record: ReliabilityRecord, wholeRange: TimeRange): ServiceAvailability {
  const range = trackedPart(serviceId, record, wholeRange);
  const result = downtimeIn(weightedWindowsFor(serviceId, record), maintenanceWindowsFor(serviceId, record.maintenance, record.weights), range);
  return { range, percent: availabilityPercent(result.downtimeMs, range), downtimeMs: result.downtimeMs, maintenanceMs: result.maintenanceMs };
}

/** The rolling window of `days` days ending at now. */
export function trailingDays(days: number, nowMs: number): TimeRange {
  return { start: nowMs - days * DAY_MS, end: nowMs };
}

export interface ErrorBudget {
  /** Downtime the target allows over the range, in milliseconds. */
  allowedMs: number;
  usedMs: number;
  /** Negative when overspent. */
  leftMs: number;
  /** Share of the budget used, 0..∞ (above 1 when overspent). */
  usedShare: number;
  exhaustedAt?: number;
}

export function errorBudgetOver(service: Service, record: ReliabilityRecord, wholeRange: TimeRange): ErrorBudget {
  const range = trackedPart(service.id, record, wholeRange);
  const allowedMs = ((100 - service.availability) / 100) * (range.end - range.start);
  const result = downtimeIn(weightedWindowsFor(service.id, record), maintenanceWindowsFor(service.id, record.maintenance, record.weights), range, allowedMs);
  const budget: ErrorBudget = {
    allowedMs,
    usedMs: result.downtimeMs,
    leftMs: allowedMs - result.downtimeMs,
    usedShare: allowedMs === 0 ? (result.downtimeMs > 0 ? Number.POSITIVE_INFINITY : 0) : result.downtimeMs / allowedMs,
  };
  return result.budgetExhaustedAt === undefined ? budget : { ...budget, exhaustedAt: result.budgetExhaustedAt };
}

export interface DailyAvailability {
  date: LocalDate;
  start: number;
  end: number;
  percent: number;
  downtimeMs: number;
  maintenanceMs: number;
  /** Incidents that touched this service on this day, in the order they started. */
  incidentIds: string[];
  /** The whole day lies before the service was tracked: nothing is known of it, and it reads as no data. */
  noData: boolean;
}

/** One entry per local day in the site's time zone, oldest first, the last day ending at now. */
export function dailyAvailability(serviceId: string, record: ReliabilityRecord, days: number, timeZone: string): DailyAvailability[] {
  const windows = weightedWindowsFor(serviceId, record);
  const maintenance = maintenanceWindowsFor(serviceId, record.maintenance, record.weights);
  return lastLocalDays(record.nowMs, days, timeZone).map((day) => {
    const since = record.trackedSince?.get(serviceId);
    const tracked = trackedPart(serviceId, record, day);
    if (since !== undefined && since >= day.end) return { ...day, percent: 0, downtimeMs: 0, maintenanceMs: 0, incidentIds: [], noData: true };
    const result = downtimeIn(windows, maintenance, tracked);
    const incidentIds = [...new Set(windows.filter((window) => window.start < tracked.end && window.end > tracked.start).sort((a, b) => a.start - b.start).map((window) => window.incidentId))];
    // A day tracked from part-way through is measured over the tracked part, like every other window.
    return { ...day, percent: availabilityPercent(result.downtimeMs, tracked), downtimeMs: result.downtimeMs, maintenanceMs: result.maintenanceMs, incidentIds, noData: false };
  });
}

/** A group's availability: the mean of its services', so each service counts equally. */
export function groupAvailabilityOver(serviceIds: readonly string[], record: ReliabilityRecord, range: TimeRange): number {
  if (serviceIds.length === 0) return 100;
  const total = serviceIds.reduce((sum, id) => sum + availabilityOver(id, record, range).percent, 0);
  return total / serviceIds.length;
}

export type DayLevel = 'none' | 'minor' | 'partial' | 'major' | 'maintenance' | 'no-data';

/** How a day's bar is drawn: full availability, a small loss, a large one, a very large one, maintenance only, not tracked. */
export function dayLevel(day: DailyAvailability): DayLevel {
  if (day.noData) return 'no-data';
  if (day.downtimeMs === 0) return day.maintenanceMs > 0 ? 'maintenance' : 'none';
  if (day.percent >= 99) return 'minor';
  if (day.percent >= 95) return 'partial';
  return 'major';
}
