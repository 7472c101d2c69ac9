// A service's page beyond its 90 days: twelve months of days as a calendar, each month's availability against the
// target with its error budget, and the incidents that touched the service, all from the same reliability
// functions as the status page and the targets page.
import type { Incident } from '../../schemas/incident.ts';
import type { ImpactLevel } from '../../schemas/primitives.ts';
import type { Service } from '../../schemas/service.ts';
import { impairedMs, serviceWindows } from '../incidents/incident-timeline.ts';
import { availabilityOver, dailyAvailability, dayLevel, errorBudgetOver, type DailyAvailability, type DayLevel, type ErrorBudget } from '../reliability/availability.ts';
import type { SiteModel } from '../model/site-model.ts';
import { reliabilityRecordOf } from './status-page.ts';
import { addDays, addMonths, localDateOf, startOfLocalDate, type LocalDate } from '../time/time-zone.ts';

/** How many months the calendar and the monthly table show, the current one included. */
export const SERVICE_MONTHS = 12;
/** How many of the service's incidents its page lists, newest first; the history has the rest. */
export const SERVICE_INCIDENT_LIMIT = 50;

export interface CalendarDay {
  date: LocalDate;
  /** 1 to 31. */
  dayOfMonth: number;
  level: DayLevel;
  percent: number;
  downtimeMs: number;
  incidentIds: string[];
  /** A day after today in the current month: drawn empty, never a figure. */
  future: boolean;
}

export interface ServiceMonth {
  /** `2026-11`. */
  month: string;
  /** Monday-first weeks, `null` for the days before the 1st and after the month's last day. */
  weeks: (CalendarDay | null)[][];
  /** Availability over the part of the month tracked by now, against the target. */
  percent: number;
  meetsTarget: boolean;
  budget: ErrorBudget;
  /** The month lies wholly before the service was tracked. */
  noData: boolean;
  daysWithDowntime: number;
}

function monthOf(date: LocalDate): string {
  return date.slice(0, 7);
}

/** The first day of the month `back` months before the one holding `date`. */
function monthStart(date: LocalDate, back: number): LocalDate {
  return `${addMonths(date.slice(0, 7), -back)}-01`;
}

/** 0 for Monday … 6 for Sunday, of a calendar date (no zone: dates are dates). */
function weekdayOf(date: LocalDate): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * The last SERVICE_MONTHS calendar months in the site's zone, oldest first, each as Monday-first weeks of days
 * (the days of the current month after today left empty) with its availability and error budget over the part of
 * it that has passed: the same daily and range figures as the status page and the targets page.
 */
export function serviceMonths(model: SiteModel, service: Service, months = SERVICE_MONTHS): ServiceMonth[] {
  const timeZone = model.site.timeZone;
  const record = reliabilityRecordOf(model);
  const today = localDateOf(model.nowMs, timeZone);
  const first = monthStart(today, months - 1);
  const dayCount = Math.round((startOfLocalDate(today, timeZone) - startOfLocalDate(first, timeZone)) / 86_400_000) + 1;
  const days = new Map(dailyAvailability(service.id, record, dayCount, timeZone).map((day) => [day.date, day] as const));
  const result: ServiceMonth[] = [];
  for (let back = months - 1; back >= 0; back -= 1) {
    const start = monthStart(today, back);
    const next = monthStart(today, back - 1);
    const range = { start: startOfLocalDate(start, timeZone), end: Math.min(startOfLocalDate(next, timeZone), model.nowMs) };
    const monthDays: CalendarDay[] = [];
    for (let date = start; monthOf(date) === monthOf(start); date = addDays(date, 1)) {
      const day: DailyAvailability | undefined = days.get(date);
      monthDays.push({
        date,
        dayOfMonth: Number(date.slice(8, 10)),
        level: day ? dayLevel(day) : 'no-data',
        percent: day?.percent ?? 0,
        downtimeMs: day?.downtimeMs ?? 0,
        incidentIds: day?.incidentIds ?? [],
        future: day === undefined,
      });
    }
    const weeks: (CalendarDay | null)[][] = [];
    let week: (CalendarDay | null)[] = Array.from({ length: weekdayOf(start) }, () => null);
    for (const day of monthDays) {
      week.push(day);
      if (week.length === 7) {
        weeks.push(week);
        week = [];
      }
    }
    if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
    const availability = availabilityOver(service.id, record, range);
    const noData = availability.range.end <= availability.range.start;
    result.push({
      month: monthOf(start),
      weeks,
      percent: availability.percent,
      meetsTarget: availability.percent >= service.availability,
      budget: errorBudgetOver(service, record, range),
      noData,
      daysWithDowntime: monthDays.filter((day) => day.downtimeMs > 0).length,
    });
  }
  return result;
}

export interface ServiceIncident {
  incident: Incident;
  impact: ImpactLevel;
  /** How long this service was impaired in the incident (its own windows, while the incident was open). */
  impairedMs: number;
}

/** The incidents that affected the service, newest first, at most SERVICE_INCIDENT_LIMIT, and how many in all. */
export function serviceIncidents(model: SiteModel, serviceId: string, limit = SERVICE_INCIDENT_LIMIT): { shown: ServiceIncident[]; total: number } {
  const touching = model.incidents.filter((incident) => incident.services.some((affected) => affected.id === serviceId)).sort((a, b) => b.started.getTime() - a.started.getTime() || b.id.localeCompare(a.id));
  const shown = touching.slice(0, limit).map((incident) => {
    const affected = incident.services.find((entry) => entry.id === serviceId)!;
    // The incident page's figure for the service: its windows while the incident was open.
    return { incident, impact: affected.impact, impairedMs: impairedMs(serviceWindows(incident, affected, model.nowMs)) };
  });
  return { shown, total: touching.length };
}
