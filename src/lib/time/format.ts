// Formatting at the edge: instants in the site's time zone with the zone named, percentages, relative phrases.
import type { Locale } from '../../schemas/site.ts';
import { zoneOffsetAt } from './time-zone.ts';

const instantFormatters = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let formatter = instantFormatters.get(key);
  if (!formatter) {
    formatter = make();
    instantFormatters.set(key, formatter);
  }
  return formatter;
}

const zoneComesLast = new WeakMap<Intl.DateTimeFormat, boolean>();

const formattedInstants = new WeakMap<Intl.DateTimeFormat, Map<number, string>>();

/**
 * The same text as zoneAfterTime's, remembered per formatter: an incident's instants are shown on its page, its
 * postmortem, the history and the lists by severity and service, and Intl takes microseconds each time.
 */
function zoneAfterTimeKept(formatter: Intl.DateTimeFormat, instantMs: number): string {
  let known = formattedInstants.get(formatter);
  if (!known) {
    known = new Map();
    formattedInstants.set(formatter, known);
  }
  let text = known.get(instantMs);
  if (text === undefined) {
    text = zoneAfterTime(formatter, instantMs);
    known.set(instantMs, text);
  }
  return text;
}

/**
 * The formatted instant with its zone after the time in every language: Chinese formats put the zone between the
 * date and the time ("2026年11月27日 GMT+8 09:10"), which reads as if the zone belonged to the date.
 */
function zoneAfterTime(formatter: Intl.DateTimeFormat, instantMs: number): string {
  let zoneLast = zoneComesLast.get(formatter);
  if (zoneLast === undefined) {
    zoneLast = formatter.formatToParts(new Date(0)).at(-1)?.type === 'timeZoneName';
    zoneComesLast.set(formatter, zoneLast);
  }
  // English already ends with the zone: the plain format is the same text, and several times faster.
  if (zoneLast) return formatter.format(new Date(instantMs));
  const parts = formatter.formatToParts(new Date(instantMs));
  const zone = parts.find((part) => part.type === 'timeZoneName')?.value;
  const rest = parts
    .filter((part) => part.type !== 'timeZoneName')
    .map((part) => part.value)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return zone === undefined ? rest : `${rest} ${zone}`;
}

/** "Nov 25, 2026, 21:14 GMT+8" ("2026年11月25日 21:14 GMT+8"): date, 24-hour time and the zone, so nobody guesses which clock. */
export function formatInstant(instantMs: number, timeZone: string, locale: Locale): string {
  return zoneAfterTimeKept(
    cached(`instant|${timeZone}|${locale}`, () => new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' })),
    instantMs,
  );
}

/** "21:14 GMT+8" for timelines where the date is shown once above. */
export function formatTimeOfDay(instantMs: number, timeZone: string, locale: Locale): string {
  return zoneAfterTimeKept(cached(`time|${timeZone}|${locale}`, () => new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' })), instantMs);
}

/** "Nov 25, 2026" for a local date `YYYY-MM-DD` (read as that calendar day, not an instant). */
export function formatLocalDate(date: string, locale: Locale): string {
  return cached(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' })).format(new Date(`${date}T00:00:00Z`));
}

/** "November 2026" for a month key `YYYY-MM`. */
export function formatMonth(month: string, locale: Locale): string {
  return cached(`month|${locale}`, () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' })).format(new Date(`${month}-01T00:00:00Z`));
}

/** "Nov" ("11月") for a month key `YYYY-MM`, where the year is shown once beside it. */
export function formatMonthShort(month: string, locale: Locale): string {
  return cached(`month-short|${locale}`, () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short' })).format(new Date(`${month}-01T00:00:00Z`));
}

/** The machine-readable form for `<time datetime>` and feeds: UTC with an explicit Z. */
export function isoInstant(instantMs: number): string {
  return new Date(instantMs).toISOString().replace('.000Z', 'Z');
}

/**
 * The same instant on the site's wall clock with its offset, "2026-11-25T22:35:00+08:00", for machine readers
 * that show it to people (feeds, the Statuspage API): the offset keeps it exact, the wall clock keeps it familiar.
 */
export function isoInstantInZone(instantMs: number, timeZone: string): string {
  return isoInstantAtOffset(instantMs, zoneOffsetAt(instantMs, timeZone));
}

/** The instant on a fixed offset's clock, "2026-11-25T22:35:00+08:00", as a file written in that offset has it. */
export function isoInstantAtOffset(instantMs: number, offsetMs: number): string {
  // Offsets with seconds (local mean time before 1900) cannot be written as ±hh:mm; UTC stays exact.
  if (offsetMs === 0 || offsetMs % 60_000 !== 0) return isoInstant(instantMs);
  const wallClock = new Date(instantMs + offsetMs).toISOString().replace('.000Z', '').replace('Z', '');
  return `${wallClock}${offsetSuffix(offsetMs)}`;
}

/** An offset in milliseconds as an ISO 8601 suffix: `+08:00`, `-05:00`, `+05:30`. */
export function offsetSuffix(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(Math.round(offsetMs / 60_000));
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Every percentage on the site, achieved or target, with the same three decimals, so figures line up and compare at
 * a glance (99.950% target, 99.981% achieved; a P0 budget needs the third), floored: a service that lost one
 * minute must not read "100%".
 */
const PERCENT_DIGITS = 3;

// One formatter per language: making one costs far more than formatting with it, and the status, service and
// report pages format thousands of percentages.
const percentFormats = new Map<Locale, Intl.NumberFormat>();

export function formatPercent(percent: number, locale: Locale): string {
  const factor = 10 ** PERCENT_DIGITS;
  const floored = Math.floor(percent * factor) / factor;
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: PERCENT_DIGITS, maximumFractionDigits: PERCENT_DIGITS });
    percentFormats.set(locale, format);
  }
  return `${format.format(floored)}%`;
}
