// The status page's content: banner, services by group with state and 90-day bars, open incidents, maintenance.
import type { Incident, IncidentUpdate } from '../../schemas/incident.ts';
import type { ImpactLevel } from '../../schemas/primitives.ts';
import type { Maintenance } from '../../schemas/maintenance.ts';
import type { Service, ServiceGroup } from '../../schemas/service.ts';
import type { SeverityLevel } from '../../schemas/severity.ts';
import { availabilityOver, dailyAvailability, groupAvailabilityOver, trackedSinceByService, trailingDays, type DailyAvailability, type ReliabilityRecord } from '../reliability/availability.ts';
import { localDateOf, type LocalDate } from '../time/time-zone.ts';
import type { TimeRange } from '../time/time-range.ts';
import { isOpen, latestUpdate, serviceWindows } from '../incidents/incident-timeline.ts';
import type { SiteModel } from '../model/site-model.ts';
import { isMaintenanceActive, isMaintenanceUpcoming, overallState, serviceStateAt, type ServiceState } from './status.ts';
import { oncePer } from '../model/once-per.ts';

export const BAR_DAYS = 90;

export interface ServiceRow {
  service: Service;
  state: ServiceState;
  availability90: number;
  meetsTarget: boolean;
  days: DailyAvailability[];
  /** The local date tracking began, when that is inside the 90 days: the figure is then "since" that date. */
  trackedSince?: LocalDate;
}

export interface GroupSection {
  group: ServiceGroup;
  services: ServiceRow[];
  /** The worst state among the group's services. */
  state: ServiceState;
  /** The mean of its services' availability over the last 90 days. */
  availability90: number;
}

/** An affected service as an open incident's card shows it now: still impaired, or recovered and since when. */
export interface ServiceOnCard {
  id: string;
  impact: ImpactLevel;
  /** When the service recovered, if it is no longer impaired (the incident may still be monitoring). */
  recoveredAt?: number;
}

export interface OpenIncident {
  incident: Incident;
  latest: IncidentUpdate;
  services: ServiceOnCard[];
}

/**
 * Each affected service of an open incident as it stands now, so the card agrees with the banner and the rows:
 * a service whose last window has ended shows as recovered, with the time.
 */
export function servicesOnCard(incident: Incident, nowMs: number): ServiceOnCard[] {
  return incident.services.map((affected) => {
    const windows = serviceWindows(incident, affected, nowMs);
    const impairedNow = windows.length === 0 || windows.some((window) => window.ongoing);
    return impairedNow ? { id: affected.id, impact: affected.impact } : { id: affected.id, impact: affected.impact, recoveredAt: Math.max(...windows.map((window) => window.end)) };
  });
}

export interface StatusPage {
  overall: ServiceState;
  /** Every group with every service: the figures, the service pages. */
  groups: GroupSection[];
  /** What the status page lists: a service marked showOnlyWhenImpaired only while it is not operational. */
  shownGroups: GroupSection[];
  openIncidents: OpenIncident[];
  activeMaintenance: Maintenance[];
  upcomingMaintenance: Maintenance[];
}

export function reliabilityRecordOf(model: SiteModel): ReliabilityRecord {
  return { incidents: model.incidents, maintenance: model.maintenance, weights: model.site.impactWeights, nowMs: model.nowMs, trackedSince: trackedSinceByService(model.services, model.site.timeZone) };
}

/** The local date a service's tracking began, when it began inside `window` (so figures over it are "since" then). */
export function trackedSinceWithin(serviceId: string, record: ReliabilityRecord, window: TimeRange, timeZone: string): LocalDate | undefined {
  const since = record.trackedSince?.get(serviceId);
  return since !== undefined && since > window.start ? localDateOf(since, timeZone) : undefined;
}

/** The status page of a model, worked out once for the page, its service pages and each service's bars. */
export const statusPage = oncePer(statusPageOf);

/** One service's row: its state, availability and 90 days, as the status page shows them. */
/** Whether the status page lists a service now: always, or, for one marked showOnlyWhenImpaired, while it is not operational. */
export function isShownOnStatusPage(row: Pick<ServiceRow, 'service' | 'state'>): boolean {
  return row.service.showOnlyWhenImpaired !== true || row.state !== 'operational';
}

export function serviceRowOf(model: SiteModel, serviceId: string): ServiceRow {
  const row = statusPage(model).groups.flatMap((section) => section.services).find((candidate) => candidate.service.id === serviceId);
  if (!row) throw new Error(`no service "${serviceId}" in content/services.yaml`);
  return row;
}

function statusPageOf(model: SiteModel): StatusPage {
  const record = reliabilityRecordOf(model);
  const window90 = trailingDays(BAR_DAYS, model.nowMs);
  const rows = model.services.map((service): ServiceRow => {
    const availability90 = availabilityOver(service.id, record, window90).percent;
    const row: ServiceRow = {
      service,
      state: serviceStateAt(service.id, model.incidents, model.maintenance, model.nowMs),
      availability90,
      meetsTarget: availability90 >= service.availability,
      days: dailyAvailability(service.id, record, BAR_DAYS, model.site.timeZone),
    };
    const since = trackedSinceWithin(service.id, record, window90, model.site.timeZone);
    return since === undefined ? row : { ...row, trackedSince: since };
  });
  const groups = model.groups
    .map((group) => {
      const services = rows.filter((row) => row.service.group === group.id);
      const availability90 = groupAvailabilityOver(services.map((row) => row.service.id), record, window90);
      return { group, services, state: overallState(services.map((row) => row.state)), availability90 };
    })
    .filter((section) => section.services.length > 0);
  const byStart = (a: Maintenance, b: Maintenance) => a.start.getTime() - b.start.getTime();
  return {
    overall: overallState(rows.map((row) => row.state)),
    groups,
    shownGroups: groups.map((section) => ({ ...section, services: section.services.filter(isShownOnStatusPage) })).filter((section) => section.services.length > 0),
    openIncidents: mostSevereFirst(model.incidents.filter((incident) => isOpen(incident, model.nowMs)), model.levels).map((incident) => ({ incident, latest: latestUpdate(incident), services: servicesOnCard(incident, model.nowMs) })),
    activeMaintenance: model.maintenance.filter((window) => isMaintenanceActive(window, model.nowMs)).sort(byStart),
    upcomingMaintenance: model.maintenance.filter((window) => isMaintenanceUpcoming(window, model.nowMs)).sort(byStart),
  };
}

/**
 * Open incidents as a reader should meet them: the most severe level first (the levels file lists them most severe
 * first), and within a level the one updated most recently; a P2 with a fresh note never sits above a P1.
 */
export function mostSevereFirst(incidents: readonly Incident[], levels: readonly SeverityLevel[]): Incident[] {
  const rank = (incident: Incident) => {
    const index = levels.findIndex((level) => level.id === incident.severity);
    return index < 0 ? levels.length : index;
  };
  return [...incidents].sort((a, b) => rank(a) - rank(b) || latestUpdate(b).at.getTime() - latestUpdate(a).at.getTime() || a.id.localeCompare(b.id));
}

/** The element id of a maintenance window's card on the status page, which notices about the window link to. */
export function maintenanceAnchor(windowId: string): string {
  return `maintenance-${windowId}`;
}
