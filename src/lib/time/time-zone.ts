// Calendar arithmetic in a named time zone: local midnights, local dates and day ranges, without a date library.

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock as the zone's rules say, asked of Intl (a few microseconds each: the costly path). */
function wallClockFromRules(instantMs: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year!,
    month: fields.month!,
    day: fields.day!,
    hour: fields.hour!,
    minute: fields.minute!,
    second: fields.second!,
  };
}

function offsetFromRules(instantMs: number, timeZone: string): number {
  const wall = wallClockFromRules(instantMs, timeZone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(instantMs / 1000) * 1000;
}

const UTC_DAY_MS = 86_400_000;
/** Per zone, per UTC day: the zone's offset all that day, or null for a day its offset changes in. */
const dayOffsets = new Map<string, Map<number, number | null>>();

/**
 * The zone's offset at an instant when it is the same all that UTC day (every day but a few a year), else
 * undefined. Found once per day from the offsets at the day's first and last second: a site with years of history
 * asks for the wall clock of tens of thousands of instants, most of them a few to a day.
 */
function steadyOffset(instantMs: number, timeZone: string): number | undefined {
  let days = dayOffsets.get(timeZone);
  if (!days) {
    days = new Map();
    dayOffsets.set(timeZone, days);
  }
  const day = Math.floor(instantMs / UTC_DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const first = offsetFromRules(day * UTC_DAY_MS, timeZone);
    offset = first === offsetFromRules((day + 1) * UTC_DAY_MS - 1000, timeZone) ? first : null;
    days.set(day, offset);
  }
  return offset ?? undefined;
}

export function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const offset = steadyOffset(instantMs, timeZone);
  if (offset === undefined) return wallClockFromRules(instantMs, timeZone);
  const wall = new Date(Math.floor(instantMs / 1000) * 1000 + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function zoneOffsetAt(instantMs: number, timeZone: string): number {
  return steadyOffset(instantMs, timeZone) ?? offsetFromRules(instantMs, timeZone);
}

/** A calendar date `YYYY-MM-DD`. */
export type LocalDate = string;

export function localDateOf(instantMs: number, timeZone: string): LocalDate {
  const wall = wallClockAt(instantMs, timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

/** The first instant of a local date in the zone (midnight, or the first wall-clock time after a DST gap). */
export function startOfLocalDate(date: LocalDate, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(year, month - 1, day);
  // Two passes settle the offset on both sides of a DST change.
  let guess = wallMidnight - zoneOffsetAt(wallMidnight, timeZone);
  guess = wallMidnight - zoneOffsetAt(guess, timeZone);
  // In a zone whose clocks skip midnight, the day starts at the first instant that reads as this date.
  if (localDateOf(guess, timeZone) !== date) guess += 3_600_000;
  return guess;
}

/** The calendar month `months` after (or before, when negative) a month `YYYY-MM`: `2026-11` + 3 is `2027-02`. */
export function addMonths(month: string, months: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export interface DayRange {
  date: LocalDate;
  start: number;
  end: number;
}

/** The `count` local days ending with the day that contains `nowMs`, oldest first; the last one ends at now. */
export function lastLocalDays(nowMs: number, count: number, timeZone: string): DayRange[] {
  const today = localDateOf(nowMs, timeZone);
  const days: DayRange[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const date = addDays(today, -back);
    const start = startOfLocalDate(date, timeZone);
    const end = back === 0 ? nowMs : startOfLocalDate(addDays(date, 1), timeZone);
    days.push({ date, start, end });
  }
  return days;
}

/** Whether the runtime knows `zone` as a time zone (an IANA name such as Europe/Berlin): site.yaml's rule, and the import's. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
