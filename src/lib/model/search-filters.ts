// The facets the site search offers on incident and postmortem pages: severity, the affected services by name
// (in the page's language) and the year the incident started in the site's zone.
import type { Incident } from '../../schemas/incident.ts';
import { localDateOf } from '../time/time-zone.ts';

/** The filters' names as readers see them in the page's language, each language's pages indexed on their own. */
export interface SearchFilterNames {
  severity: string;
  service: string;
  year: string;
}

export function searchFiltersOf(incident: Incident, serviceName: (id: string) => string, timeZone: string, names: SearchFilterNames): Record<string, string[]> {
  return {
    [names.severity]: [incident.severity],
    [names.service]: incident.services.map((affected) => serviceName(affected.id)),
    [names.year]: [localDateOf(incident.started.getTime(), timeZone).slice(0, 4)],
  };
}
