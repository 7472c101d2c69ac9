// Reliability trends by quarter and by year: incidents by severity, time to detect, respond and resolve per service
// against the severity policy, each service's availability per month against its target, and the postmortems'
// action items. Every figure comes from the functions the rest of the site uses (durationsOf, compareWithTarget,
// availabilityOver, publishedPostmortems), so a report never disagrees with an incident page or the targets page.
import type { Incident } from '../../schemas/incident.ts';
import type { SeverityLevel } from '../../schemas/severity.ts';
import { availabilityOver } from '../reliability/availability.ts';
import { compareWithTarget, durationsOf, median } from '../reliability/incident-metrics.ts';
import type { SiteModel } from '../model/site-model.ts';
import { publishedPostmortems } from '../postmortems/postmortems.ts';
import { reliabilityRecordOf } from '../status/status-page.ts';
import { addMonths, localDateOf, startOfLocalDate, type LocalDate } from '../time/time-zone.ts';

export type ReportKind = 'year' | 'quarter';

export interface ReportPeriod {
  /** `2026` or `2026-q4`: the page's folder under /reports/. */
  id: string;
  kind: ReportKind;
  year: number;
  /** 1 to 4 for a quarter. */
  quarter?: number;
  /** First day, and the first day after, in the site's zone. */
  from: LocalDate;
  until: LocalDate;
  /** The period's instants, ending at now for the current one. */
  startMs: number;
  endMs: number;
  /** The period has not ended yet: its figures are so far. */
  current: boolean;
}

const pad = (value: number) => String(value).padStart(2, '0');

function periodOf(kind: ReportKind, year: number, quarter: number | undefined, timeZone: string, nowMs: number): ReportPeriod {
  const firstMonth = kind === 'year' ? 1 : (quarter! - 1) * 3 + 1;
  const firstOfPeriod = `${year}-${pad(firstMonth)}`;
  const from = `${firstOfPeriod}-01` as LocalDate;
  const until = `${addMonths(firstOfPeriod, kind === 'year' ? 12 : 3)}-01` as LocalDate;
  const endOfPeriod = startOfLocalDate(until, timeZone);
  return {
    id: kind === 'year' ? String(year) : `${year}-q${quarter}`,
    kind,
    year,
    ...(quarter === undefined ? {} : { quarter }),
    from,
    until,
    startMs: startOfLocalDate(from, timeZone),
    endMs: Math.min(endOfPeriod, nowMs),
    current: nowMs < endOfPeriod,
  };
}

/**
 * Every year and quarter from the first on record (the earliest incident's start) to the current one, newest
 * first; a site with no incident has the current year and quarter only.
 */
export function reportPeriods(model: Pick<SiteModel, 'incidents' | 'nowMs' | 'site'>): ReportPeriod[] {
  const { timeZone } = model.site;
  const today = localDateOf(model.nowMs, timeZone);
  const earliest = model.incidents.reduce((min, incident) => Math.min(min, incident.started.getTime()), model.nowMs);
  const first = localDateOf(earliest, timeZone);
  const periods: ReportPeriod[] = [];
  const [lastYear, lastQuarter] = [Number(today.slice(0, 4)), Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1];
  const [firstYear, firstQuarter] = [Number(first.slice(0, 4)), Math.floor((Number(first.slice(5, 7)) - 1) / 3) + 1];
  for (let year = lastYear; year >= firstYear; year -= 1) {
    periods.push(periodOf('year', year, undefined, timeZone, model.nowMs));
    for (let quarter = year === lastYear ? lastQuarter : 4; quarter >= (year === firstYear ? firstQuarter : 1); quarter -= 1) {
      periods.push(periodOf('quarter', year, quarter, timeZone, model.nowMs));
    }
  }
  return periods;
}

export interface SeverityCount {
  level: string;
  count: number;
}

export interface ServiceResponse {
  serviceId: string;
  incidents: number;
  detectMedianMs?: number;
  respondMedianMs?: number;
  resolveMedianMs?: number;
  /** First responses within the level's responseTime, of those known. */
  respondMet: number;
  respondJudged: number;
  /** Resolutions within the level's resolutionTime, of those finished or already over it. */
  resolveMet: number;
  resolveJudged: number;
}

export interface MonthAvailability {
  /** `2026-10`. */
  month: string;
  percent: number;
  meetsTarget: boolean;
  /** The month lies before the service was tracked, or after now. */
  noData: boolean;
}

export interface ServiceMonths {
  serviceId: string;
  target: number;
  months: MonthAvailability[];
}

export interface ActionItemCounts {
  /** Items of the postmortems dated in the period. */
  opened: number;
  /** Of those, done or won't do. */
  closed: number;
  /** Of those, open or in progress past their due date (today in the site's zone). */
  overdue: number;
}

export interface PeriodReport {
  period: ReportPeriod;
  /** Incidents that started in the period. */
  incidents: Incident[];
  bySeverity: SeverityCount[];
  responses: ServiceResponse[];
  availability: ServiceMonths[];
  actionItems: ActionItemCounts;
}

function months(period: ReportPeriod): string[] {
  const count = period.kind === 'year' ? 12 : 3;
  return Array.from({ length: count }, (_, index) => addMonths(period.from.slice(0, 7), index));
}

function levelOf(levels: readonly SeverityLevel[], id: string): SeverityLevel | undefined {
  return levels.find((level) => level.id === id);
}

/** One period's report, all from the record as of the model's now. */
export function periodReport(model: SiteModel, period: ReportPeriod): PeriodReport {
  const { timeZone } = model.site;
  const incidents = model.incidents.filter((incident) => incident.started.getTime() >= period.startMs && incident.started.getTime() < period.endMs);
  const bySeverity = model.levels.map((level) => ({ level: level.id, count: incidents.filter((incident) => incident.severity === level.id).length }));

  const responses = model.services.map((service): ServiceResponse => {
    const touching = incidents.filter((incident) => incident.services.some((affected) => affected.id === service.id));
    const durations = touching.map((incident) => ({ incident, durations: durationsOf(incident), level: levelOf(model.levels, incident.severity) }));
    const known = (values: (number | undefined)[]) => values.filter((value): value is number => value !== undefined);
    const respond = durations.flatMap(({ incident, durations: measured, level }) => (level ? [compareWithTarget(measured.toFirstResponseMs, level.responseTime, model.nowMs - incident.detected.getTime())] : []));
    const resolve = durations.flatMap(({ incident, durations: measured, level }) => (level ? [compareWithTarget(measured.toResolveMs, level.resolutionTime, model.nowMs - incident.started.getTime())] : []));
    const judged = (comparisons: typeof respond) => comparisons.filter((comparison) => comparison.verdict !== 'pending');
    const response: ServiceResponse = {
      serviceId: service.id,
      incidents: touching.length,
      respondMet: respond.filter((comparison) => comparison.verdict === 'met').length,
      respondJudged: judged(respond).length,
      resolveMet: resolve.filter((comparison) => comparison.verdict === 'met').length,
      resolveJudged: judged(resolve).length,
    };
    const detect = median(durations.map(({ durations: measured }) => measured.toDetectMs));
    const first = median(known(durations.map(({ durations: measured }) => measured.toFirstResponseMs)));
    const resolved = median(known(durations.map(({ durations: measured }) => measured.toResolveMs)));
    return { ...response, ...(detect === undefined ? {} : { detectMedianMs: detect }), ...(first === undefined ? {} : { respondMedianMs: first }), ...(resolved === undefined ? {} : { resolveMedianMs: resolved }) };
  });

  const record = reliabilityRecordOf(model);
  const availability = model.services.map((service): ServiceMonths => ({
    serviceId: service.id,
    target: service.availability,
    months: months(period).map((month) => {
      const start = startOfLocalDate(`${month}-01` as LocalDate, timeZone);
      const range = { start, end: Math.min(startOfLocalDate(`${addMonths(month, 1)}-01`, timeZone), model.nowMs) };
      if (range.end <= range.start) return { month, percent: 100, meetsTarget: true, noData: true };
      const measured = availabilityOver(service.id, record, range);
      const noData = measured.range.end <= measured.range.start;
      return { month, percent: measured.percent, meetsTarget: noData || measured.percent >= service.availability, noData };
    }),
  }));

  const today = localDateOf(model.nowMs, timeZone);
  const items = publishedPostmortems(model)
    .filter(({ postmortem }) => postmortem.date >= period.from && postmortem.date < period.until)
    .flatMap(({ postmortem }) => [...postmortem.actionItems.immediate, ...postmortem.actionItems.longTerm]);
  const actionItems = {
    opened: items.length,
    closed: items.filter((item) => item.status === 'done' || item.status === 'wont_do').length,
    overdue: items.filter((item) => (item.status === 'open' || item.status === 'in_progress') && item.due < today).length,
  };

  return { period, incidents, bySeverity, responses, availability, actionItems };
}
