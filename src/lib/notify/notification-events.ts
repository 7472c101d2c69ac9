// What a notice can be about, found in the incident record: each incident update (the first one opens the
// incident, a resolved or reopened one says so), each postmortem publication and each maintenance window's
// announcement, start and end. Ids are the feeds' stable ids, so a notice sent once is known by the same id on
// every later run, whatever text was edited since.
import type { Incident, IncidentUpdate } from '../../schemas/incident.ts';
import type { Maintenance } from '../../schemas/maintenance.ts';
import type { NotificationEventKind, NotificationRoute } from '../../schemas/notifications.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import { updateIds } from '../feeds/update-ids.ts';
import { incidentPath, postmortemPath } from '../feeds/feed-items.ts';
import { updatesInOrder } from '../incidents/incident-timeline.ts';
import { siteUrl } from '../model/site-urls.ts';

export type NotificationEvent =
  | { id: string; kind: Exclude<NotificationEventKind, 'postmortem.published' | `maintenance.${string}`>; atMs: number; url: string; incident: Incident; update: IncidentUpdate }
  | { id: string; kind: 'postmortem.published'; atMs: number; url: string; incident: Incident; postmortem: Postmortem }
  | {
      id: string;
      kind: 'maintenance.scheduled' | 'maintenance.started' | 'maintenance.completed';
      /** When it happens: the window's start or end; an announcement is due as soon as the window is on record. */
      atMs: number | undefined;
      url: string;
      maintenance: Maintenance;
    };

function updateKind(update: IncidentUpdate, first: boolean): Extract<NotificationEvent, { update: IncidentUpdate }>['kind'] {
  if (first) return 'incident.created';
  if (update.status === 'resolved') return 'incident.resolved';
  if (update.status === 'reopened') return 'incident.reopened';
  return 'incident.updated';
}

export interface EventSources {
  incidents: readonly Incident[];
  /** Published postmortems with the instant each was published. */
  postmortems: readonly { incident: Incident; postmortem: Postmortem; publishedMs: number }[];
  maintenance: readonly Maintenance[];
  baseUrl: string;
}

/** Every event of the record, oldest first (an announcement, which has no instant, before everything). */
export function notificationEvents(sources: EventSources): NotificationEvent[] {
  const events: NotificationEvent[] = [];
  for (const incident of sources.incidents) {
    const page = siteUrl(sources.baseUrl, incidentPath(incident.id));
    updatesInOrder(incident).forEach((update, index) => {
      const ids = updateIds(incident, update);
      events.push({ id: `${page}#${ids.guidFragment}`, kind: updateKind(update, index === 0), atMs: update.at.getTime(), url: `${page}#${ids.anchor}`, incident, update });
    });
  }
  for (const { incident, postmortem, publishedMs } of sources.postmortems) {
    const url = siteUrl(sources.baseUrl, postmortemPath(incident.id));
    events.push({ id: `${url}#published`, kind: 'postmortem.published', atMs: publishedMs, url, incident, postmortem });
  }
  for (const maintenance of sources.maintenance) {
    // A window called off is announced no further; its start and end never come.
    if (maintenance.cancelled) continue;
    const url = siteUrl(sources.baseUrl, `maintenance/#${maintenance.id}`);
    events.push({ id: `${url}/scheduled`, kind: 'maintenance.scheduled', atMs: undefined, url, maintenance });
    events.push({ id: `${url}/started`, kind: 'maintenance.started', atMs: maintenance.start.getTime(), url, maintenance });
    events.push({ id: `${url}/completed`, kind: 'maintenance.completed', atMs: maintenance.end.getTime(), url, maintenance });
  }
  return events.sort((a, b) => (a.atMs ?? -Infinity) - (b.atMs ?? -Infinity) || a.id.localeCompare(b.id));
}

/** One notice: an event for one channel, in one language. */
export interface Notice {
  /** The event's id and the channel's: what the record of sent notices keeps. */
  key: string;
  event: NotificationEvent;
  channelId: string;
  locale: NotificationRoute['lang'] & string;
}

function incidentOf(event: NotificationEvent): Incident | undefined {
  return 'incident' in event ? event.incident : undefined;
}

/**
 * Whether a route takes an event now, and the events a route's `after` folds away: an incident that lasted less
 * than `after` sends nothing on the route; one that lasted longer sends, of the events before the moment it
 * crossed `after`, only the newest (the state then), and every event after. Maintenance ignores `after`: its
 * notices are about times announced in advance. An announcement is due only while the window has not started.
 */
function routeTakes(route: NotificationRoute, event: NotificationEvent, eventsByIncident: ReadonlyMap<string, readonly NotificationEvent[]>, nowMs: number): boolean {
  if (!route.events.includes(event.kind)) return false;
  if (event.atMs !== undefined && event.atMs > nowMs) return false;
  if ('maintenance' in event) return event.kind !== 'maintenance.scheduled' || event.maintenance.start.getTime() > nowMs;
  const incident = incidentOf(event)!;
  if (route.severities && !route.severities.includes(incident.severity)) return false;
  if (route.after === undefined) return true;
  const crossedMs = incident.started.getTime() + route.after;
  const lastedUntilMs = incident.resolved?.getTime() ?? nowMs;
  if (lastedUntilMs < crossedMs || nowMs < crossedMs) return false;
  if (event.atMs! >= crossedMs) return true;
  const before = (eventsByIncident.get(incident.id) ?? []).filter((other) => route.events.includes(other.kind) && other.atMs! < crossedMs);
  return before.at(-1) === event;
}

/**
 * The notices the routes give at `nowMs`, oldest event first, each event once per channel (the first route that
 * sends it there decides the language); those already sent (by key) are left out.
 */
export function dueNotices(events: readonly NotificationEvent[], routes: readonly NotificationRoute[], nowMs: number, defaultLocale: Notice['locale'], sent: ReadonlySet<string>): Notice[] {
  const notices = new Map<string, Notice>();
  // Each incident's events, oldest first, looked up per event rather than searched for among all of them.
  const eventsByIncident = Map.groupBy(
    events.filter((event) => incidentOf(event) !== undefined),
    (event) => incidentOf(event)!.id,
  );
  for (const event of events) {
    for (const route of routes) {
      if (!routeTakes(route, event, eventsByIncident, nowMs)) continue;
      for (const channelId of route.channels) {
        const key = `${event.id} ${channelId}`;
        if (sent.has(key) || notices.has(key)) continue;
        notices.set(key, { key, event, channelId, locale: route.lang ?? defaultLocale });
      }
    }
  }
  return [...notices.values()];
}
