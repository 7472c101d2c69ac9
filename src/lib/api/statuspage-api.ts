// The documents of the Statuspage-compatible API under /api/v2/: the same field names, value sets and nesting as Atlassian Statuspage's public API.
import type { Incident } from '../../schemas/incident.ts';
import type { Maintenance } from '../../schemas/maintenance.ts';
import type { Service } from '../../schemas/service.ts';
import { incidentPath } from '../feeds/feed-items.ts';
import { siteUrl } from '../model/site-urls.ts';
import { postmortemPublishedAt } from '../postmortems/publication.ts';
import { isoInstantInZone } from '../time/format.ts';
import { markdownToPlainText } from '../markdown/markdown-html.ts';
import { updateIds } from '../feeds/update-ids.ts';
import { isOpen, latestUpdate, newestFirst, serviceWindows, updatesInOrder } from '../incidents/incident-timeline.ts';
import { publishedPostmortemOf } from '../postmortems/postmortems.ts';
import type { MarkdownBodies, SiteModel } from '../model/site-model.ts';
import { overallState, serviceStatesNow } from '../status/status.ts';
import { maintenanceStatusAt as windowStatusAt, updatesBy } from '../status/maintenance-lifecycle.ts';
import {
  COMPONENT_STATUS,
  impactOf,
  incidentStatusOf,
  PAGE_STATUS,
  statuspageId,
  type StatuspageComponentStatus,
  type StatuspageImpact,
  type StatuspageIncidentStatus,
  type StatuspageIndicator,
  type StatuspageMaintenanceStatus,
} from './statuspage-mapping.ts';

/** Statuspage lists at most this many incidents or maintenances in its "all" endpoints. */
export const STATUSPAGE_LIST_LIMIT = 50;

export interface StatuspagePage {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

export interface StatuspageComponent {
  id: string;
  name: string;
  status: StatuspageComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** Group components only: their members' ids. */
  components?: string[];
}

export interface StatuspageAffectedComponent {
  code: string;
  name: string;
  old_status: StatuspageComponentStatus;
  new_status: StatuspageComponentStatus;
}

export interface StatuspageIncidentUpdate {
  id: string;
  status: StatuspageIncidentStatus | StatuspageMaintenanceStatus;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: StatuspageAffectedComponent[] | null;
  deliver_notifications: boolean;
  custom_tweet: string | null;
  tweet_id: string | null;
}

interface StatuspageEvent {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: StatuspageIncidentUpdate[];
  components: StatuspageComponent[];
}

export interface StatuspageIncident extends StatuspageEvent {
  status: StatuspageIncidentStatus;
  impact: StatuspageImpact;
}

export interface StatuspageMaintenance extends StatuspageEvent {
  status: StatuspageMaintenanceStatus;
  impact: 'maintenance';
  scheduled_for: string;
  scheduled_until: string;
}

export interface StatuspageStatus {
  indicator: StatuspageIndicator;
  description: string;
}

/** Everything the documents are cut from, computed once per build. */
export interface StatuspageSnapshot {
  page: StatuspagePage;
  status: StatuspageStatus;
  components: StatuspageComponent[];
  /** Newest first, all of them. */
  incidents: StatuspageIncident[];
  unresolvedIncidents: StatuspageIncident[];
  /** Newest first (latest `scheduled_for` first), cancelled windows left out. */
  maintenances: StatuspageMaintenance[];
}

/** Maintenance lifecycle at now, in Statuspage's words (cancelled windows are left out of the API). */
export function maintenanceStatusAt(window: Maintenance, nowMs: number): StatuspageMaintenanceStatus {
  const status = windowStatusAt(window, nowMs);
  return status === 'cancelled' ? 'completed' : status;
}

/**
 * Components carry no creation instant in our files: they date from the earliest instant on record (the first
 * incident or maintenance window), or now for an empty record.
 */
export function recordStartMs(model: Pick<SiteModel, 'incidents' | 'maintenance' | 'nowMs'>): number {
  const instants = [...model.incidents.map((incident) => incident.started.getTime()), ...model.maintenance.map((window) => window.start.getTime())];
  return Math.min(model.nowMs, ...instants);
}

/**
 * The last instant by now at which the service's state changed: an impact window or a maintenance window
 * opening or closing. A window still open has only its start; undefined when nothing ever happened.
 */
export function serviceChangedAt(serviceId: string, model: Pick<SiteModel, 'incidents' | 'maintenance' | 'nowMs'>): number | undefined {
  const edges = [
    ...model.incidents.flatMap((incident) =>
      incident.services.filter((affected) => affected.id === serviceId).flatMap((affected) => serviceWindows(incident, affected, model.nowMs).flatMap((window) => (window.ongoing ? [window.start] : [window.start, window.end]))),
    ),
    ...model.maintenance.filter((window) => !window.cancelled && window.services.includes(serviceId)).flatMap((window) => [window.start.getTime(), window.end.getTime()]),
  ].filter((instant): instant is number => instant !== undefined && instant <= model.nowMs);
  return edges.length > 0 ? Math.max(...edges) : undefined;
}

/** Groups become group components (`group: true`, member ids in `components`), each followed by its services; positions count from 1 in that order. */
export function statuspageComponents(model: SiteModel, pageId: string): StatuspageComponent[] {
  const at = (ms: number) => isoInstantInZone(ms, model.site.timeZone);
  const createdMs = recordStartMs(model);
  const stateOf = serviceStatesNow(model);
  const changedOf = (services: readonly Service[]) => Math.max(createdMs, ...services.map((service) => serviceChangedAt(service.id, model) ?? createdMs));
  const components: StatuspageComponent[] = [];
  for (const group of model.groups) {
    const members = model.services.filter((service) => service.group === group.id);
    if (members.length === 0) continue;
    const groupId = statuspageId('group', group.id);
    components.push({
      id: groupId,
      name: group.name,
      status: COMPONENT_STATUS[overallState(members.map((service) => stateOf.get(service.id)!))],
      created_at: at(createdMs),
      updated_at: at(changedOf(members)),
      position: components.length + 1,
      description: group.description ?? null,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: pageId,
      group: true,
      only_show_if_degraded: false,
      components: members.map((service) => statuspageId('component', service.id)),
    });
    for (const service of members) {
      components.push({
        id: statuspageId('component', service.id),
        name: service.name,
        status: COMPONENT_STATUS[stateOf.get(service.id)!],
        created_at: at(createdMs),
        updated_at: at(changedOf([service])),
        position: components.length + 1,
        description: service.description ?? null,
        showcase: true,
        start_date: null,
        group_id: groupId,
        page_id: pageId,
        group: false,
        only_show_if_degraded: service.showOnlyWhenImpaired === true,
      });
    }
  }
  return components;
}

/**
 * What each update did to the incident's services, as Statuspage records it on the update: a service whose
 * impact window (from this incident) began or ended since the previous update. `null` when nothing changed.
 */
export function affectedComponentsByUpdate(incident: Incident, components: readonly StatuspageComponent[]): (StatuspageAffectedComponent[] | null)[] {
  const statusAt = (affected: Incident['services'][number], atMs: number): StatuspageComponentStatus => {
    // Every window as recorded, whatever now is: an update's effect on the page does not depend on when it is read.
    const windows = serviceWindows(incident, affected, Number.POSITIVE_INFINITY);
    return windows.some((window) => window.start <= atMs && atMs < window.end) ? COMPONENT_STATUS[affected.impact] : 'operational';
  };
  let previous = new Map(incident.services.map((affected) => [affected.id, 'operational' as StatuspageComponentStatus]));
  return updatesInOrder(incident).map((update) => {
    const current = new Map(incident.services.map((affected) => [affected.id, statusAt(affected, update.at.getTime())]));
    const changes = incident.services.flatMap((affected): StatuspageAffectedComponent[] => {
      const oldStatus = previous.get(affected.id)!;
      const newStatus = current.get(affected.id)!;
      if (oldStatus === newStatus) return [];
      const code = statuspageId('component', affected.id);
      return [{ code, name: components.find((component) => component.id === code)?.name ?? affected.id, old_status: oldStatus, new_status: newStatus }];
    });
    previous = current;
    return changes.length > 0 ? changes : null;
  });
}

/** An incident's last change: its latest update, or its postmortem's publication when that came later. */
function incidentUpdatedMs(incident: Incident, model: SiteModel): number {
  const published = publishedPostmortemOf(model, incident.id);
  const postmortemMs = published ? postmortemPublishedAt(published.postmortem, incident, model.site.timeZone) : 0;
  return Math.max(latestUpdate(incident).at.getTime(), postmortemMs);
}

export function statuspageIncident(incident: Incident, model: SiteModel, pageId: string, components: readonly StatuspageComponent[]): StatuspageIncident {
  const at = (ms: number) => isoInstantInZone(ms, model.site.timeZone);
  const id = statuspageId('incident', incident.id);
  const published = publishedPostmortemOf(model, incident.id);
  const updates = updatesInOrder(incident);
  const transitions = affectedComponentsByUpdate(incident, components);
  const open = isOpen(incident, model.nowMs);
  const latest = updates[updates.length - 1]!;
  const updatedMs = incidentUpdatedMs(incident, model);
  const monitoring = updates.find((update) => update.status === 'monitoring');
  // The check keeps the last update and the resolution instant in step; the resolution decides, as on the status page.
  const status: StatuspageIncidentStatus = open ? incidentStatusOf(latest.status, false) : published ? 'postmortem' : 'resolved';
  const componentIds = new Set(incident.services.map((affected) => statuspageId('component', affected.id)));
  return {
    id,
    name: incident.title,
    status,
    created_at: at(updates[0]!.at.getTime()),
    updated_at: at(updatedMs),
    monitoring_at: monitoring ? at(monitoring.at.getTime()) : null,
    resolved_at: !open && incident.resolved ? at(incident.resolved.getTime()) : null,
    impact: impactOf(incident.severity, model.levels),
    shortlink: siteUrl(model.site.baseUrl, incidentPath(incident.id)),
    started_at: at(incident.started.getTime()),
    page_id: pageId,
    incident_updates: updates
      .map((update, index): StatuspageIncidentUpdate => ({
        // The same basis as the feed item's guid: editing the message keeps the id.
        id: statuspageId('update', updateIds(incident, update).apiKey),
        status: incidentStatusOf(update.status, published !== undefined),
        // Statuspage bodies are plain text; the same sanitised text the page shows, never the markdown as written.
        body: markdownToPlainText(update.message, { siteBase: model.site.baseUrl }),
        incident_id: id,
        created_at: at(update.at.getTime()),
        updated_at: at(update.at.getTime()),
        display_at: at(update.at.getTime()),
        affected_components: transitions[index] ?? null,
        deliver_notifications: true,
        custom_tweet: null,
        tweet_id: null,
      }))
      .reverse(),
    components: components.filter((component) => componentIds.has(component.id)),
  };
}

/** Statuspage's wording for the updates it posts itself when a window starts and ends. */
export const MAINTENANCE_PHASE_BODIES = {
  in_progress: 'Scheduled maintenance is currently in progress. We will provide updates as necessary.',
  completed: 'The scheduled maintenance has been completed.',
} as const;

/**
 * A maintenance window. The `scheduled` update, whose body is the window's description, dates from the first
 * update posted to it, else from its start (the file keeps no announcement instant); the updates posted since
 * follow, and where nobody posted one, Statuspage's own `in_progress` and `completed` updates at the window's start
 * and end once now has passed them.
 */
export function statuspageMaintenance(window: Maintenance, model: SiteModel, pageId: string, components: readonly StatuspageComponent[], description: string | undefined): StatuspageMaintenance {
  const at = (ms: number) => isoInstantInZone(ms, model.site.timeZone);
  const id = statuspageId('maintenance', window.id);
  const status = maintenanceStatusAt(window, model.nowMs);
  const startMs = window.start.getTime();
  const endMs = window.end.getTime();
  const posted = updatesBy(window, model.nowMs).filter((update) => update.status !== 'cancelled');
  const announcedMs = Math.min(startMs, ...posted.map((update) => update.at.getTime()));
  const plain = (markdown: string) => markdownToPlainText(markdown, { siteBase: model.site.baseUrl });
  const phases: { key: string; status: StatuspageMaintenanceStatus; ms: number; body: string }[] = [{ key: 'scheduled', status: 'scheduled', ms: announcedMs, body: (description && plain(description)) || window.title }];
  posted.forEach((update, index) => phases.push({ key: `${index}`, status: update.status as StatuspageMaintenanceStatus, ms: update.at.getTime(), body: plain(update.message) }));
  const has = (wanted: StatuspageMaintenanceStatus) => posted.some((update) => update.status === wanted);
  if (status !== 'scheduled' && !has('in_progress')) phases.push({ key: 'in_progress', status: 'in_progress', ms: startMs, body: MAINTENANCE_PHASE_BODIES.in_progress });
  if (status === 'completed' && !has('completed')) phases.push({ key: 'completed', status: 'completed', ms: endMs, body: MAINTENANCE_PHASE_BODIES.completed });
  phases.sort((a, b) => a.ms - b.ms);
  const componentIds = new Set(window.services.map((serviceId) => statuspageId('component', serviceId)));
  return {
    id,
    name: window.title,
    status,
    created_at: at(announcedMs),
    updated_at: at(phases[phases.length - 1]!.ms),
    monitoring_at: null,
    resolved_at: status === 'completed' ? at(endMs) : null,
    impact: 'maintenance',
    shortlink: siteUrl(model.site.baseUrl, ''),
    started_at: at(startMs),
    page_id: pageId,
    scheduled_for: at(startMs),
    scheduled_until: at(endMs),
    incident_updates: phases
      .map((phase): StatuspageIncidentUpdate => ({
        id: statuspageId('update', `${window.id}/${phase.key}`),
        status: phase.status,
        body: phase.body,
        incident_id: id,
        created_at: at(phase.ms),
        updated_at: at(phase.ms),
        display_at: at(phase.ms),
        affected_components: null,
        deliver_notifications: true,
        custom_tweet: null,
        tweet_id: null,
      }))
      .reverse(),
    components: components.filter((component) => componentIds.has(component.id)),
  };
}

/** The page object: `updated_at` is the last change on record by now, not the build time, so an unchanged record reads unchanged. */
export function statuspageSnapshot(model: SiteModel, bodies: MarkdownBodies): StatuspageSnapshot {
  const pageId = statuspageId('page', model.site.baseUrl);
  const components = statuspageComponents(model, pageId);
  // Only what a document lists is built: the newest STATUSPAGE_LIST_LIMIT, and every unresolved one however old.
  const incidents = newestFirst(model.incidents)
    .filter((incident, index) => index < STATUSPAGE_LIST_LIMIT || isOpen(incident, model.nowMs))
    .map((incident) => statuspageIncident(incident, model, pageId, components));
  const maintenances = model.maintenance
    .filter((window) => !window.cancelled)
    .sort((a, b) => b.start.getTime() - a.start.getTime() || a.id.localeCompare(b.id))
    .map((window) => statuspageMaintenance(window, model, pageId, components, bodies.maintenance[window.id]));
  const changes = [
    recordStartMs(model),
    ...model.services.map((service) => serviceChangedAt(service.id, model) ?? 0),
    // Every incident's last change, listed or not: a postmortem published today for an old incident is news.
    ...model.incidents.map((incident) => incidentUpdatedMs(incident, model)),
    ...maintenances.map((window) => Date.parse(window.updated_at)),
  ].filter((ms) => ms <= model.nowMs);
  const overall = overallState([...serviceStatesNow(model).values()]);
  return {
    page: { id: pageId, name: model.site.name, url: model.site.baseUrl, time_zone: model.site.timeZone, updated_at: isoInstantInZone(Math.max(...changes), model.site.timeZone) },
    status: PAGE_STATUS[overall],
    components,
    incidents,
    unresolvedIncidents: incidents.filter((incident) => incident.status !== 'resolved' && incident.status !== 'postmortem'),
    maintenances,
  };
}

const soonestFirst = (a: StatuspageMaintenance, b: StatuspageMaintenance) => Date.parse(a.scheduled_for) - Date.parse(b.scheduled_for);

/** Every file under /api/v2/, by its path there, as the object to serialise. */
export function statuspageDocuments(snapshot: StatuspageSnapshot): Record<StatuspageDocumentPath, object> {
  const { page } = snapshot;
  const upcoming = snapshot.maintenances.filter((window) => window.status === 'scheduled').sort(soonestFirst);
  const active = snapshot.maintenances.filter((window) => window.status === 'in_progress' || window.status === 'verifying').sort(soonestFirst);
  return {
    'summary.json': { page, components: snapshot.components, incidents: snapshot.unresolvedIncidents, scheduled_maintenances: [...active, ...upcoming], status: snapshot.status },
    'status.json': { page, status: snapshot.status },
    'components.json': { page, components: snapshot.components },
    'incidents.json': { page, incidents: snapshot.incidents.slice(0, STATUSPAGE_LIST_LIMIT) },
    'incidents/unresolved.json': { page, incidents: snapshot.unresolvedIncidents },
    'scheduled-maintenances.json': { page, scheduled_maintenances: snapshot.maintenances.slice(0, STATUSPAGE_LIST_LIMIT) },
    'scheduled-maintenances/upcoming.json': { page, scheduled_maintenances: upcoming },
    'scheduled-maintenances/active.json': { page, scheduled_maintenances: active },
  };
}

export const STATUSPAGE_DOCUMENT_PATHS = [
  'summary.json',
  'status.json',
  'components.json',
  'incidents.json',
  'incidents/unresolved.json',
  'scheduled-maintenances.json',
  'scheduled-maintenances/upcoming.json',
  'scheduled-maintenances/active.json',
] as const;
export type StatuspageDocumentPath = (typeof STATUSPAGE_DOCUMENT_PATHS)[number];
