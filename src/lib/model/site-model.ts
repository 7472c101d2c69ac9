// The whole validated record as plain data, the input of every page's view model.
import type { Incident } from '../../schemas/incident.ts';
import type { Maintenance } from '../../schemas/maintenance.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import type { Service, ServiceGroup } from '../../schemas/service.ts';
import type { SeverityLevel } from '../../schemas/severity.ts';
import type { Site } from '../../schemas/site.ts';

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
