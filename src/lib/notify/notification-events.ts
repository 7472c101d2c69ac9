// What a notice can be about, found in the incident record: each incident update (the first one opens the
// incident, a resolved or reopened one says so), each postmortem publication and each maintenance window's
// announcement, start, end, cancellation and the other updates posted to it. Ids are the feeds' stable ids, so a notice sent once is known by the same id on
// every later run, whatever text was edited since.
import type { Incident, IncidentUpdate } from '../../schemas/incident.ts';
import type { Maintenance, MaintenanceUpdate } from '../../schemas/maintenance.ts';
import type { NotificationEventKind, NotificationRoute } from '../../schemas/notifications.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import { maintenanceUpdateFragment, updateIds } from '../feeds/update-ids.ts';
import { incidentPath, postmortemPath } from '../feeds/feed-items.ts';
import { activePeriods, updatesInOrder } from '../incidents/incident-timeline.ts';
import { siteUrl } from '../model/site-urls.ts';
import { maintenanceAnchor } from '../status/status-page.ts';

/**
 * Something a notice can be about. `id` is stable and absolute (the feeds' id, in the site's default language);
 * `path` is the page that tells it, from the site's root, for the notice to link in its own language.
 */
export type NotificationEvent =
  | { id: string; kind: Exclude<NotificationEventKind, 'postmortem.published' | `maintenance.${string}`>; atMs: number; path: string; incident: Incident; update: IncidentUpdate }
  | { id: string; kind: 'postmortem.published'; atMs: number; path: string; incident: Incident; postmortem: Postmortem }
  | {
      id: string;
      kind: 'maintenance.scheduled' | 'maintenance.started' | 'maintenance.completed' | 'maintenance.updated' | 'maintenance.cancelled';
      /**
       * When it happens: the update that says so, else the window's start or end; undefined for an announcement
       * (due as soon as the window is on record) and a cancellation no update tells (due at once).
       */
      atMs: number | undefined;
      path: string;
      maintenance: Maintenance;
      /** The update posted to the window that this notice carries (its message), when there is one. */
      maintenanceUpdate?: MaintenanceUpdate;
      /** On an announcement: the window's notes, what readers were told to expect (its markdown body). */
      notes?: string;
    };

/** What an update says: a resolved update after the resolution is a further note, an update like the others. */
function updateKind(update: IncidentUpdate, first: boolean, alreadyResolved: boolean): Extract<NotificationEvent, { update: IncidentUpdate }>['kind'] {
  if (first) return 'incident.created';
  if (update.status === 'resolved' && !alreadyResolved) return 'incident.resolved';
  if (update.status === 'reopened') return 'incident.reopened';
  return 'incident.updated';
}

export interface EventSources {
  incidents: readonly Incident[];
  /** Published postmortems with the instant each was published. */
  postmortems: readonly { incident: Incident; postmortem: Postmortem; publishedMs: number }[];
  maintenance: readonly Maintenance[];
  /** Each window's notes (its markdown body) by id, which its announcement carries. */
  maintenanceNotes?: ReadonlyMap<string, string>;
  baseUrl: string;
}

/** Every event of the record, oldest first (an announcement, which has no instant, before everything). */
export function notificationEvents(sources: EventSources): NotificationEvent[] {
  const events: NotificationEvent[] = [];
  for (const incident of sources.incidents) {
    const page = siteUrl(sources.baseUrl, incidentPath(incident.id));
    let resolved = false;
    updatesInOrder(incident).forEach((update, index) => {
      const ids = updateIds(incident, update);
      events.push({ id: `${page}#${ids.guidFragment}`, kind: updateKind(update, index === 0, resolved), atMs: update.at.getTime(), path: `${incidentPath(incident.id)}#${ids.anchor}`, incident, update });
      if (update.status === 'resolved') resolved = true;
      if (update.status === 'reopened') resolved = false;
    });
  }
  for (const { incident, postmortem, publishedMs } of sources.postmortems) {
    const path = postmortemPath(incident.id);
    events.push({ id: `${siteUrl(sources.baseUrl, path)}#published`, kind: 'postmortem.published', atMs: publishedMs, path, incident, postmortem });
  }
  for (const maintenance of sources.maintenance) events.push(...maintenanceEvents(maintenance, sources.baseUrl, sources.maintenanceNotes?.get(maintenance.id)));
  return events.sort((a, b) => (a.atMs ?? -Infinity) - (b.atMs ?? -Infinity) || a.id.localeCompare(b.id));
}

type MaintenanceEvent = Extract<NotificationEvent, { maintenance: Maintenance }>;

/**
 * A window's events: its announcement, its start and end, and each update posted to it with its message. The start
 * is told by the clock at the window's start, unless an in_progress update posted by then tells it (the start
 * command posts one, and moves an early start to that instant); likewise the end by the clock or a completed update
 * posted by then. An update posted later than the clock told the same (a note a few minutes into the window) is an
 * update of its own, so its message still goes out, never a second "started". A cancelled window is announced no
 * more and never ends by the clock; it started only if the cancellation came after its start.
 */
function maintenanceEvents(maintenance: Maintenance, baseUrl: string, notes: string | undefined): MaintenanceEvent[] {
  // The window's card on the status page, while it is upcoming or under way.
  const path = `#${maintenanceAnchor(maintenance.id)}`;
  const id = siteUrl(baseUrl, path);
  const startMs = maintenance.start.getTime();
  const endMs = maintenance.end.getTime();
  const updates = [...maintenance.updates].sort((a, b) => a.at.getTime() - b.at.getTime());
  const cancelledBy = updates.find((update) => update.status === 'cancelled');
  const startedBy = updates.find((update) => update.status === 'in_progress' && update.at.getTime() <= startMs);
  const completedBy = updates.find((update) => update.status === 'completed' && update.at.getTime() <= endMs);
  const events: MaintenanceEvent[] = [];
  if (maintenance.cancelled) {
    const cancelledMs = cancelledBy?.at.getTime();
    if (!startedBy && cancelledMs !== undefined && cancelledMs > startMs) events.push({ id: `${id}/started`, kind: 'maintenance.started', atMs: startMs, path, maintenance });
    if (!cancelledBy) events.push({ id: `${id}/cancelled`, kind: 'maintenance.cancelled', atMs: undefined, path, maintenance });
  } else {
    events.push({ id: `${id}/scheduled`, kind: 'maintenance.scheduled', atMs: undefined, path, maintenance, ...(notes?.trim() ? { notes } : {}) });
    if (!startedBy) events.push({ id: `${id}/started`, kind: 'maintenance.started', atMs: startMs, path, maintenance });
    if (!completedBy) events.push({ id: `${id}/completed`, kind: 'maintenance.completed', atMs: endMs, path, maintenance });
  }
  const seenInstants = new Map<number, number>();
  for (const update of updates) {
    // Two updates posted at one instant keep apart by their order there.
    const sameInstant = seenInstants.get(update.at.getTime()) ?? 0;
    seenInstants.set(update.at.getTime(), sameInstant + 1);
    const kind = update === startedBy ? 'maintenance.started' : update === completedBy ? 'maintenance.completed' : update === cancelledBy ? 'maintenance.cancelled' : 'maintenance.updated';
    events.push({ id: `${id}/update-${maintenanceUpdateFragment(update.at.getTime())}${sameInstant > 0 ? `-${sameInstant + 1}` : ''}`, kind, atMs: update.at.getTime(), path, maintenance, maintenanceUpdate: update });
  }
  return events;
}

/** One notice: an event for one channel, in one language. */
export interface Notice {
  /** The event's id and the channel's: what the record of sent notices keeps. */
  key: string;
  event: NotificationEvent;
  channelId: string;
  locale: NotificationRoute['lang'] & string;
  /**
   * When it became due: the event's instant, or the moment an incident had lasted a route's `after` for a notice
   * of its state then; undefined for an announcement, due while its window has not started.
   */
  dueMs: number | undefined;
}

/**
 * The instant an incident had been open for `afterMs` in all, counting only the time it was open (not the quiet
 * time between a resolution and a reopen); undefined when it has not, by `nowMs`.
 */
export function crossedAfter(incident: Incident, afterMs: number, nowMs: number): number | undefined {
  let open = 0;
  for (const period of activePeriods(incident)) {
    const end = Math.min(period.end, nowMs);
    if (end <= period.start) continue;
    if (open + (end - period.start) >= afterMs) return period.start + (afterMs - open);
    open += end - period.start;
  }
  return undefined;
}

function incidentOf(event: NotificationEvent): Incident | undefined {
  return 'incident' in event ? event.incident : undefined;
}

/**
 * Whether a route takes an event now, and since when, and the events a route's `after` folds away: an incident
 * open for less than `after` in all sends nothing on the route; one open longer sends, of the events before the
 * moment it crossed `after`, only the newest (the state then, due at that moment), and every event after. Maintenance ignores `after`: its
 * notices are about times announced in advance. An announcement is due only while the window has not started, a
 * cancellation no update tells only while the window would not have ended.
 */
function routeTakes(route: NotificationRoute, event: NotificationEvent, eventsByIncident: ReadonlyMap<string, readonly NotificationEvent[]>, nowMs: number): { dueMs: number | undefined } | undefined {
  if (!route.events.includes(event.kind)) return undefined;
  if (event.atMs !== undefined && event.atMs > nowMs) return undefined;
  if ('maintenance' in event) {
    // Without an instant: an announcement is due until the window starts, a cancellation until it would have ended.
    if (event.atMs === undefined) return (event.kind === 'maintenance.scheduled' ? event.maintenance.start : event.maintenance.end).getTime() > nowMs ? { dueMs: undefined } : undefined;
    return { dueMs: event.atMs };
  }
  const incident = incidentOf(event)!;
  if (route.severities && !route.severities.includes(incident.severity)) return undefined;
  if (route.after === undefined) return { dueMs: event.atMs };
  const crossedMs = crossedAfter(incident, route.after, nowMs);
  if (crossedMs === undefined) return undefined;
  if (event.atMs! >= crossedMs) return { dueMs: event.atMs };
  const before = (eventsByIncident.get(incident.id) ?? []).filter((other) => route.events.includes(other.kind) && other.atMs! < crossedMs);
  return before.at(-1) === event ? { dueMs: crossedMs } : undefined;
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
      const taken = routeTakes(route, event, eventsByIncident, nowMs);
      if (!taken) continue;
      for (const channelId of route.channels) {
        const key = `${event.id} ${channelId}`;
        if (sent.has(key) || notices.has(key)) continue;
        notices.set(key, { key, event, channelId, locale: route.lang ?? defaultLocale, dueMs: taken.dueMs });
      }
    }
  }
  return [...notices.values()];
}
