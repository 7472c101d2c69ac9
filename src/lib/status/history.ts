// The incident history: newest first, grouped by month of the start in the site's time zone.
import type { Incident } from '../../schemas/incident.ts';
import { newestFirst } from '../incidents/incident-timeline.ts';
import { localDateOf } from '../time/time-zone.ts';

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
