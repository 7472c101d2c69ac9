// The whole validated record as plain data, the input of every page's view model.
import type { Incident } from '../../schemas/incident.ts';
import type { Maintenance } from '../../schemas/maintenance.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import type { Service, ServiceGroup } from '../../schemas/service.ts';
import type { SeverityLevel } from '../../schemas/severity.ts';
import type { Site } from '../../schemas/site.ts';
import type { SiteContent } from '../../validation/load-site.ts';

export interface SiteModel {
  site: Site;
  nowMs: number;
  groups: ServiceGroup[];
  services: Service[];
  /** Most severe first. */
  levels: SeverityLevel[];
  incidents: Incident[];
  postmortems: Postmortem[];
  maintenance: Maintenance[];
}

/**
 * The markdown bodies of the record's files, by id (incident id, the postmortem's incident id, maintenance id).
 * Kept apart from SiteModel because only feeds, the calendar and the API print them.
 */
export interface MarkdownBodies {
  incidents: Record<string, string>;
  postmortems: Record<string, string>;
  maintenance: Record<string, string>;
}

export const NO_BODIES: MarkdownBodies = { incidents: {}, postmortems: {}, maintenance: {} };

/**
 * The model of a checked site. The pages (src/data/site-model.ts) and what the build writes beside them (the
 * markdown twins, src/cli/markdown-twins.ts) both take it from here, so they show the same record.
 */
export function siteModelOf(content: SiteContent): SiteModel {
  return {
    site: content.site,
    nowMs: content.nowMs,
    groups: content.services.groups,
    services: content.services.services,
    levels: content.severity.levels,
    incidents: content.incidents.map((entry) => entry.incident),
    postmortems: content.incidents.flatMap((entry) => (entry.postmortem ? [entry.postmortem.postmortem] : [])),
    maintenance: content.maintenance.map((entry) => entry.maintenance),
  };
}

/** The markdown bodies of a checked site, trimmed, by id. */
export function markdownBodiesOf(content: SiteContent): MarkdownBodies {
  return {
    incidents: Object.fromEntries(content.incidents.map((entry) => [entry.incident.id, entry.body.trim()])),
    postmortems: Object.fromEntries(content.incidents.flatMap((entry) => (entry.postmortem ? [[entry.postmortem.postmortem.incident, entry.postmortem.body.trim()]] : []))),
    maintenance: Object.fromEntries(content.maintenance.map((entry) => [entry.maintenance.id, entry.body.trim()])),
  };
}
