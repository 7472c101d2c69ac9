// Feed entries: one per incident update, newest first, with ids that survive edits to the text.
import type { Incident, IncidentUpdate } from '../schemas/incident.ts';
import type { Service } from '../schemas/service.ts';
import { isoInstant } from './format.ts';

export interface FeedItem {
  /** Stable: the incident id, the update's instant and status; editing a message or a title keeps it. */
  guid: string;
  title: string;
  /** Absolute link to the update on the incident page. */
  url: string;
  dateMs: number;
  /** The update message as markdown; feeds render it to HTML. */
  markdown: string;
  incidentId: string;
  status: IncidentUpdate['status'];
  severity: string;
  serviceIds: string[];
}

export function updateAnchor(update: IncidentUpdate): string {
  return `update-${isoInstant(update.at.getTime()).replace(/[:]/g, '').toLowerCase()}`;
}

export function incidentPath(incidentId: string): string {
  return `incidents/${incidentId}/`;
}

export function absoluteUrl(baseUrl: string, relative: string): string {
  return new URL(relative, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}

/** "[P1] API gateway, Cache: monitoring" followed by the incident's title. */
export function updateTitle(incident: Incident, update: IncidentUpdate, services: readonly Service[]): string {
  const names = incident.services.map((affected) => services.find((service) => service.id === affected.id)?.name ?? affected.id);
  return `[${incident.severity}] ${names.join(', ')}: ${update.status} — ${incident.title}`;
}

export function incidentUpdateItems(incidents: readonly Incident[], services: readonly Service[], baseUrl: string): FeedItem[] {
  return incidents
    .flatMap((incident) =>
      incident.updates.map((update): FeedItem => ({
        guid: `${absoluteUrl(baseUrl, incidentPath(incident.id))}#${updateAnchor(update)}-${update.status}`,
        title: updateTitle(incident, update, services),
        url: `${absoluteUrl(baseUrl, incidentPath(incident.id))}#${updateAnchor(update)}`,
        dateMs: update.at.getTime(),
        markdown: update.message,
        incidentId: incident.id,
        status: update.status,
        severity: incident.severity,
        serviceIds: incident.services.map((affected) => affected.id),
      })),
    )
    .sort((a, b) => b.dateMs - a.dateMs || a.guid.localeCompare(b.guid));
}
