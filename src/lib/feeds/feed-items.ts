// Feed entries: one per incident update and per postmortem publication, newest first, with ids that survive edits to the text.
import type { Incident, IncidentStatus, IncidentUpdate } from '../../schemas/incident.ts';
import type { Maintenance, MaintenanceStatus } from '../../schemas/maintenance.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import type { Service } from '../../schemas/service.ts';
import type { PublishedPostmortem } from '../postmortems/postmortems.ts';
import { postmortemPublishedAt } from '../postmortems/publication.ts';
import { serviceNameOf } from '../model/service-names.ts';
import { siteUrl } from '../model/site-urls.ts';
import { maintenanceUpdateFragment, updateIds } from './update-ids.ts';
import { MAINTENANCE_STATUSES } from '../../schemas/maintenance.ts';
import { maintenanceAnchor } from '../status/status-page.ts';
import { updatesBy } from '../status/maintenance-lifecycle.ts';
import { translator } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/site.ts';

/**
 * An incident update's status, `postmortem` for the publication of the incident's postmortem, or a maintenance
 * window's status for an update posted to the window (the two sets share no word).
 */
export type FeedItemStatus = IncidentStatus | 'postmortem' | MaintenanceStatus;

export interface FeedItem {
  /** Stable: the incident page and the update's ids (see update-ids.ts), or `#published`; editing a message or a title keeps it. */
  guid: string;
  title: string;
  /** Absolute link to the update on the incident page, or to the postmortem. */
  url: string;
  dateMs: number;
  /** The update message or the postmortem's summary as markdown; feeds render it to HTML. */
  markdown: string;
  /** The incident's id, or the maintenance window's. */
  incidentId: string;
  status: FeedItemStatus;
  /** The incident's severity level, or `maintenance`. */
  severity: string;
  serviceIds: string[];
}

export function incidentPath(incidentId: string): string {
  return `incidents/${incidentId}/`;
}

export function postmortemPath(incidentId: string): string {
  return `postmortems/${incidentId}/`;
}

/** A service's page, in whose folder its feeds are too. */
export function servicePath(serviceId: string): string {
  return `services/${serviceId}/`;
}

function serviceNames(incident: Incident, services: readonly Service[]): string[] {
  return incident.services.map((affected) => serviceNameOf(services, affected.id));
}

/** The words of feed titles in the site's language: "API gateway, Cache: monitoring", "API gateway、Cache：观察中". */
export interface FeedTitleWords {
  status: (status: FeedItemStatus) => string;
  /** The tag in place of a severity on maintenance items: "Maintenance", "维护". */
  maintenance: string;
  /** Between service names. */
  listSeparator: string;
  /** Between the services and the status. */
  labelSeparator: string;
}

/**
 * The feed titles' words in a locale. English keeps the lowercase status terms the feeds always carried (chat
 * integrations match on them; the item's categories carry the term in every language).
 */
export function feedTitleWords(locale: Locale): FeedTitleWords {
  const t = translator(locale);
  return {
    status: (status) =>
      status === 'postmortem' ? t('feed.postmortem') : isMaintenanceStatus(status) ? t(`maintenance.status.${status}`).toLocaleLowerCase(locale) : t(`status.${status}`).toLocaleLowerCase(locale),
    maintenance: t('feed.maintenance'),
    listSeparator: t('punct.list'),
    labelSeparator: t('punct.colon'),
  };
}

function isMaintenanceStatus(status: FeedItemStatus): status is MaintenanceStatus {
  return (MAINTENANCE_STATUSES as readonly string[]).includes(status);
}

const ENGLISH_TITLE_WORDS = feedTitleWords('en');

function titleOf(incident: Incident, status: FeedItemStatus, title: string, services: readonly Service[], words: FeedTitleWords): string {
  return `[${incident.severity}] ${serviceNames(incident, services).join(words.listSeparator)}${words.labelSeparator}${words.status(status)} — ${title}`;
}

/** "[P1] API gateway, Cache: monitoring" followed by the incident's title. */
export function updateTitle(incident: Incident, update: IncidentUpdate, services: readonly Service[], words: FeedTitleWords = ENGLISH_TITLE_WORDS): string {
  return titleOf(incident, update.status, incident.title, services, words);
}

/** "[P1] API gateway, Cache: postmortem" followed by the postmortem's title. */
export function postmortemTitle(postmortem: Postmortem, incident: Incident, services: readonly Service[], words: FeedTitleWords = ENGLISH_TITLE_WORDS): string {
  return titleOf(incident, 'postmortem', postmortem.title, services, words);
}

/** Newest first; equal instants in a fixed order so the feed does not reshuffle between builds. */
export function newestItemsFirst(items: readonly FeedItem[]): FeedItem[] {
  return [...items].sort((a, b) => b.dateMs - a.dateMs || a.guid.localeCompare(b.guid));
}

export function incidentUpdateItems(incidents: readonly Incident[], services: readonly Service[], baseUrl: string, words: FeedTitleWords = ENGLISH_TITLE_WORDS): FeedItem[] {
  return newestItemsFirst(
    incidents.flatMap((incident) =>
      incident.updates.map((update): FeedItem => {
        const page = siteUrl(baseUrl, incidentPath(incident.id));
        const ids = updateIds(incident, update);
        return {
          guid: `${page}#${ids.guidFragment}`,
          title: updateTitle(incident, update, services, words),
          url: `${page}#${ids.anchor}`,
          dateMs: update.at.getTime(),
          markdown: update.message,
          incidentId: incident.id,
          status: update.status,
          severity: incident.severity,
          serviceIds: incident.services.map((affected) => affected.id),
        };
      }),
    ),
  );
}

/**
 * One item per published postmortem. The text is the postmortem's summary (its markdown body), or its
 * user-impact sentence when the body is empty; `summaries` is keyed by incident id.
 */
export function postmortemItems(published: readonly PublishedPostmortem[], services: readonly Service[], baseUrl: string, timeZone: string, summaries: Readonly<Record<string, string>>, words: FeedTitleWords = ENGLISH_TITLE_WORDS): FeedItem[] {
  return newestItemsFirst(
    published.map(({ postmortem, incident }): FeedItem => {
      const url = siteUrl(baseUrl, postmortemPath(incident.id));
      return {
        guid: `${url}#published`,
        title: postmortemTitle(postmortem, incident, services, words),
        url,
        dateMs: postmortemPublishedAt(postmortem, incident, timeZone),
        markdown: summaries[incident.id]?.trim() || postmortem.userImpact,
        incidentId: incident.id,
        status: 'postmortem',
        severity: incident.severity,
        serviceIds: incident.services.map((affected) => affected.id),
      };
    }),
  );
}

/** The maintenance history page, where every window keeps its card (the status page drops it once it is over). */
export const MAINTENANCE_HISTORY_PATH = 'maintenance/';

/**
 * One item per update posted to a maintenance window by now: "[Maintenance] File storage: in progress — title",
 * linking to the window's card on the maintenance history page; the guid is the window and the update's instant.
 */
export function maintenanceUpdateItems(windows: readonly Maintenance[], services: readonly Service[], baseUrl: string, nowMs: number, words: FeedTitleWords = ENGLISH_TITLE_WORDS): FeedItem[] {
  const page = siteUrl(baseUrl, MAINTENANCE_HISTORY_PATH);
  return newestItemsFirst(
    windows.flatMap((window) =>
      updatesBy(window, nowMs).map((update): FeedItem => {
        const names = window.services.map((id) => serviceNameOf(services, id)).join(words.listSeparator);
        return {
          guid: `${page}#${maintenanceAnchor(window.id)}-${maintenanceUpdateFragment(update.at.getTime())}`,
          title: `[${words.maintenance}] ${names}${words.labelSeparator}${words.status(update.status)} — ${window.title}`,
          url: `${page}#${maintenanceAnchor(window.id)}`,
          dateMs: update.at.getTime(),
          markdown: update.message,
          incidentId: window.id,
          status: update.status,
          severity: 'maintenance',
          serviceIds: [...window.services],
        };
      }),
    ),
  );
}
