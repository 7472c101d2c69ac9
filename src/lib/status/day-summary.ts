// A day of a service's 90 in words, one wording for the service page's list of days and for the status page's bar,
// where a keyboard or screen-reader reader steps through the days with the arrow keys and hears each one.
import { bracketed, durationWords, type Translate } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/site.ts';
import type { DailyAvailability } from '../reliability/availability.ts';
import { formatDuration } from '../time/durations.ts';
import { formatLocalDate, formatPercent } from '../time/format.ts';

export interface DaySummary {
  /** "Nov 27, 2026" / "2026年11月27日". */
  date: string;
  /** "99.950%, downtime 3 min, maintenance 1 h" or "No data (not tracked yet)". */
  facts: string;
  /** Incidents that touched the service that day, in the order they started. */
  incidentIds: string[];
}

export function daySummary(day: DailyAvailability, locale: Locale, t: Translate): DaySummary {
  const date = formatLocalDate(day.date, locale);
  if (day.noData) return { date, facts: `${t('home.noData')}${bracketed(t, t('home.notTracked'))}`, incidentIds: [] };
  const words = durationWords(t);
  const facts = [
    formatPercent(day.percent, locale),
    day.downtimeMs > 0 ? `${t('home.downtime')} ${formatDuration(day.downtimeMs, words)}` : t('home.noDowntime'),
    ...(day.maintenanceMs > 0 ? [`${t('home.maintenanceTime')} ${formatDuration(day.maintenanceMs, words)}`] : []),
  ].join(t('punct.comma'));
  return { date, facts, incidentIds: day.incidentIds };
}

/** The whole day as one sentence: "Nov 27, 2026: 99.950%, downtime 3 min. INC-20261127-001". */
export function daySentence(summary: DaySummary, t: Translate): string {
  const incidents = summary.incidentIds.length > 0 ? `${t('punct.sentenceEnd')}${summary.incidentIds.join(t('punct.list'))}` : '';
  return `${summary.date}${t('punct.colon')}${summary.facts}${incidents}`;
}

/**
 * The days as the status page's bar carries them for the enhancements script (src/components/enhancements.js), in a
 * data attribute rather than 90 elements: the first day's date, each distinct wording of the facts once, each day's
 * index into them, and the incidents of the days that had any. The script formats the dates the way
 * formatLocalDate does and joins the parts the way daySentence does, with the punctuation the page gives it.
 */
export interface DayBarsData {
  first: string;
  facts: string[];
  days: number[];
  incidents: Record<number, string[]>;
}

export function dayBarsData(days: readonly DailyAvailability[], locale: Locale, t: Translate): DayBarsData {
  const facts: string[] = [];
  const factIndex = new Map<string, number>();
  const incidents: Record<number, string[]> = {};
  const indexes = days.map((day, position) => {
    const summary = daySummary(day, locale, t);
    if (summary.incidentIds.length > 0) incidents[position] = summary.incidentIds;
    let index = factIndex.get(summary.facts);
    if (index === undefined) {
      index = facts.push(summary.facts) - 1;
      factIndex.set(summary.facts, index);
    }
    return index;
  });
  return { first: days[0]?.date ?? '', facts, days: indexes, incidents };
}
