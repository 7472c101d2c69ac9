// Whether a written date and time of day exist (Temporal's ISO calendar decides), and why not, for messages.

export interface WrittenDateTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

const monthNames = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });

function two(value: number): string {
  return String(value).padStart(2, '0');
}

/** Why a written date or time does not exist, as data, so each language can say it in its own words. */
export type MissingDateTime =
  | { kind: 'no-such-month'; month: number }
  | { kind: 'no-such-day'; year: number; month: number; days: number }
  | { kind: 'midnight-as-24' }
  | { kind: 'leap-second'; hour: number; minute: number }
  | { kind: 'past-end-of-day'; hour: number; minute: number; second: number };

/**
 * Why the date or time does not exist; undefined when it exists. Nothing rolls over: Sep 31 is not Oct 1, 24:00
 * is not the next day.
 */
export function missingDateTime(fields: WrittenDateTime): MissingDateTime | undefined {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = fields;
  try {
    Temporal.PlainDateTime.from({ year, month, day, hour, minute, second }, { overflow: 'reject' });
    return undefined;
  } catch {
    // A RangeError that does not say which field; the checks below name it.
  }
  if (month < 1 || month > 12) return { kind: 'no-such-month', month };
  const days = Temporal.PlainYearMonth.from({ year, month }).daysInMonth;
  if (day < 1 || day > days) return { kind: 'no-such-day', year, month, days };
  if (hour === 24 && minute === 0 && second === 0) return { kind: 'midnight-as-24' };
  if (second === 60) return { kind: 'leap-second', hour, minute };
  return { kind: 'past-end-of-day', hour, minute, second };
}

/** The English phrase for a missing date or time, for messages ("a date that does not exist: September 2026 has 30 days"). */
export function missingDateTimePhrase(missing: MissingDateTime): string {
  switch (missing.kind) {
    case 'no-such-month':
      return `a date that does not exist: there is no month ${missing.month}`;
    case 'no-such-day':
      return `a date that does not exist: ${monthNames.format(Date.UTC(2000, missing.month - 1, 1))} ${missing.year} has ${missing.days} days`;
    case 'midnight-as-24':
      return 'a time that does not exist: the day ends at 23:59:59 and midnight is 00:00 of the next day';
    case 'leap-second':
      return `a time that does not exist: leap seconds are not written, ${two(missing.hour)}:${two(missing.minute)}:60 is ${two(missing.hour)}:${two(missing.minute)}:59`;
    case 'past-end-of-day':
      return `a time that does not exist: ${two(missing.hour)}:${two(missing.minute)}:${two(missing.second)} is past 23:59:59`;
  }
}

/** Why the date or time does not exist, as an English phrase; undefined when it exists. */
export function nonexistentDateTime(fields: WrittenDateTime): string | undefined {
  const missing = missingDateTime(fields);
  return missing && missingDateTimePhrase(missing);
}

export type ReadInstant = { ms: number } | { problem: 'malformed' | 'no offset' } | { problem: 'nonexistent'; reason: string; missing: MissingDateTime };

const INSTANT_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const INSTANT_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** An instant as the files and AFTERMATH_NOW write it, `2026-11-25T14:32:00+08:00` or `...Z`, to the millisecond. */
export function readInstantWithOffset(text: string): ReadInstant {
  if (INSTANT_WITHOUT_OFFSET.test(text)) return { problem: 'no offset' };
  const match = INSTANT_WITH_OFFSET.exec(text);
  if (!match) return { problem: 'malformed' };
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  // Temporal's ISO parser refuses a date or time that does not exist, except a leap second, which it reads as :59.
  // Trying it first is one parse for the instants nearly every file holds; the reason is worked out only on refusal.
  if (second !== 60) {
    try {
      return { ms: Temporal.Instant.from(text).epochMilliseconds };
    } catch {
      // Below: which field does not exist, or an offset such as +24:00 or +05:60.
    }
  }
  const missing = missingDateTime({ year, month, day, hour, minute, second });
  if (missing) return { problem: 'nonexistent', reason: missingDateTimePhrase(missing), missing };
  try {
    return { ms: Temporal.Instant.from(text).epochMilliseconds };
  } catch {
    // An offset such as +24:00 or +05:60.
    return { problem: 'malformed' };
  }
}

export type ReadCalendarDate = { date: string } | { problem: 'malformed' } | { problem: 'nonexistent'; reason: string };

/** A calendar date `YYYY-MM-DD` that exists. */
export function readCalendarDate(text: string): ReadCalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return { problem: 'malformed' };
  const reason = nonexistentDateTime({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
  return reason ? { problem: 'nonexistent', reason } : { date: text };
}
