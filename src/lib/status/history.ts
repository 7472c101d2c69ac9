// The incident history: newest first, grouped by month of the start in the site's time zone.
import type { Incident } from '../../schemas/incident.ts';
import { newestFirst } from '../incidents/incident-timeline.ts';
import { localDateOf } from '../time/time-zone.ts';
import { oncePer } from '../model/once-per.ts';

export interface MonthOfIncidents {
  /** `YYYY-MM` */
  month: string;
  incidents: Incident[];
}

export function incidentsByMonth(incidents: readonly Incident[], timeZone: string): MonthOfIncidents[] {
  const months: MonthOfIncidents[] = [];
  for (const incident of newestFirst(incidents)) {
    const month = localDateOf(incident.started.getTime(), timeZone).slice(0, 7);
    const last = months[months.length - 1];
    if (last && last.month === month) last.incidents.push(incident);
    else months.push({ month, incidents: [incident] });
  }
  return months;
}

/**
 * Incidents per history page. A page of 100 stays near 5 KB gzipped whatever the length of the record, so years
 * of history never make one page a reader on a phone has to wait for.
 */
export const HISTORY_PAGE_SIZE = 100;

export interface HistoryPage {
  /** From 1, newest incidents first. */
  number: number;
  count: number;
  incidents: Incident[];
}

/** How many history pages the record fills: at least one, which says there is nothing yet. */
export function historyPageCount(incidentCount: number): number {
  return Math.max(1, Math.ceil(incidentCount / HISTORY_PAGE_SIZE));
}

/** One page of the history, newest first; page 1 holds the newest HISTORY_PAGE_SIZE. */
export function historyPage(incidents: readonly Incident[], number: number): HistoryPage {
  const count = historyPageCount(incidents.length);
  if (!Number.isInteger(number) || number < 1 || number > count) throw new RangeError(`no history page ${number} (expected 1 to ${count})`);
  const from = (number - 1) * HISTORY_PAGE_SIZE;
  return { number, count, incidents: newestFirstOnce(incidents).slice(from, from + HISTORY_PAGE_SIZE) };
}

/** The record newest first, sorted once for all its pages in every language rather than once per page. */
const newestFirstOnce = oncePer((incidents: readonly Incident[]) => newestFirst(incidents));

/** The page's path below a locale's root: `incidents/` for the first, `incidents/page/2/` after it. */
export function historyPagePath(number: number): string {
  return number === 1 ? 'incidents/' : `incidents/page/${number}/`;
}

/**
 * Where each year starts in the paginated history, newest year first: the page holding its newest incident and
 * that incident's month heading, so the record is browsable by year without JavaScript.
 */
export function historyYearStarts(incidents: readonly Incident[], timeZone: string): { year: string; page: number; month: string; count: number }[] {
  const ordered = newestFirstOnce(incidents);
  const starts: { year: string; page: number; month: string; count: number }[] = [];
  ordered.forEach((incident, index) => {
    const month = localDateOf(incident.started.getTime(), timeZone).slice(0, 7);
    const year = month.slice(0, 4);
    const last = starts[starts.length - 1];
    if (last?.year === year) last.count += 1;
    else starts.push({ year, page: Math.floor(index / HISTORY_PAGE_SIZE) + 1, month, count: 1 });
  });
  return starts;
}
