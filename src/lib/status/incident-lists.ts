// The record browsable without JavaScript by severity and by service: each level's and each service's incidents,
// newest first, as compact lists of pages (a line per incident, so years of history stay a few pages each).
import type { Incident } from '../../schemas/incident.ts';
import type { SiteModel } from '../model/site-model.ts';
import { newestFirst } from '../incidents/incident-timeline.ts';

/** Incidents a page lists: a line each (about 150 bytes), so a page stays near 20 KB gzipped. */
export const LIST_PAGE_SIZE = 500;

export type Facet = 'severity' | 'service';

export interface FacetList {
  facet: Facet;
  /** A level id or a service id. */
  value: string;
  incidents: Incident[];
  pageCount: number;
}

/** Every level and every service with its incidents, newest first, in the order the site lists them. */
export function facetLists(model: Pick<SiteModel, 'incidents' | 'levels' | 'services'>): FacetList[] {
  const ordered = newestFirst(model.incidents);
  const list = (facet: Facet, value: string, incidents: Incident[]): FacetList => ({ facet, value, incidents, pageCount: Math.max(1, Math.ceil(incidents.length / LIST_PAGE_SIZE)) });
  return [
    ...model.levels.map((level) => list('severity', level.id, ordered.filter((incident) => incident.severity === level.id))),
    ...model.services.map((service) => list('service', service.id, ordered.filter((incident) => incident.services.some((affected) => affected.id === service.id)))),
  ];
}

/** One page of a list: `number` from 1. */
export function facetPage(list: FacetList, number: number): Incident[] {
  if (!Number.isInteger(number) || number < 1 || number > list.pageCount) throw new RangeError(`no page ${number} of the ${list.facet} ${list.value} list (expected 1 to ${list.pageCount})`);
  return list.incidents.slice((number - 1) * LIST_PAGE_SIZE, number * LIST_PAGE_SIZE);
}

/** `incidents/by/severity/P1/`, `incidents/by/service/cache/page/2/`, below a locale's root. */
export function facetPagePath(facet: Facet, value: string, number = 1): string {
  return `incidents/by/${facet}/${value}/${number === 1 ? '' : `page/${number}/`}`;
}
