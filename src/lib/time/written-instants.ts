// Instants as people type them and as the files write them: local wall-clock times in the site's zone, with its offset.
import { missingDateTime, missingDateTimePhrase, nonexistentDateTime, readInstantWithOffset, type MissingDateTime } from './calendar.ts';
import { readDuration } from './durations.ts';
import { isoInstantInZone, offsetSuffix } from './format.ts';
import { localDateOf, wallClockAt, zoneOffsetAt } from './time-zone.ts';

export { offsetSuffix };

const MINUTE = 60_000;

/** An offset as readers see it in messages: `UTC+8`, `UTC-3:30`, `UTC`. */
export function offsetLabel(offsetMs: number): string {
  if (offsetMs === 0) return 'UTC';
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(Math.round(offsetMs / MINUTE));
  const rest = minutes % 60;
  return `UTC${sign}${Math.floor(minutes / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The text a content file stores for an instant: the wall-clock time in the site's zone with that zone's offset
 * at the instant (`2026-11-25T21:14:00+08:00`), to the second, so a reader of the file sees local time.
 */
export function instantText(instantMs: number, timeZone: string): string {
  return isoInstantInZone(toSecond(instantMs), timeZone);
}

/** An instant truncated to the second, the precision the files keep. */
export function toSecond(instantMs: number): number {
  return Math.floor(instantMs / 1000) * 1000;
}

/**
 * How messages name a time: `2026-11-25 21:10 (UTC+8)`, or just `21:10 (UTC+8)` when it falls on the same local
 * day as `referenceMs` (the "next update by" time is nearly always today).
 */
export function messageTime(instantMs: number, timeZone: string, referenceMs?: number): string {
  const wall = wallClockAt(instantMs, timeZone);
  const time = `${two(wall.hour)}:${two(wall.minute)} (${offsetLabel(zoneOffsetAt(instantMs, timeZone))})`;
  const sameDay = referenceMs !== undefined && localDateOf(referenceMs, timeZone) === localDateOf(instantMs, timeZone);
  return sameDay ? time : `${wall.year}-${two(wall.month)}-${two(wall.day)} ${time}`;
}

/** Why a typed time was refused, as data, so a question can say it in the asker's language. */
export type TimeRefusal =
  | { kind: 'unreadable' }
  | { kind: 'missing'; missing: MissingDateTime }
  | { kind: 'skipped' | 'repeated'; clock: string; date: string; timeZone: string; earlier: string; later: string };

/** A typed instant, or the English message and the refusal it says. */
export type TypedInstant = { ms: number } | { error: string; refusal?: TimeRefusal };

/**
 * The instant at which the zone's clocks read the given wall-clock time, or why there is not exactly one: in a
 * daylight-saving change a time the clocks skipped never happened, and one they repeated happened twice. Both are
 * refused with the instants the writer may have meant, written with their offsets, rather than silently moved an
 * hour or given one of two offsets (Temporal tells them apart).
 */
export function instantOfWallClock(date: string, hour: number, minute: number, second: number, timeZone: string): TypedInstant {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wall = Temporal.PlainDateTime.from({ year, month, day, hour, minute, second });
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const later = wall.toZonedDateTime(timeZone, { disambiguation: 'later' });
  if (earlier.epochMilliseconds === later.epochMilliseconds) return { ms: earlier.epochMilliseconds };
  const clock = `${two(hour)}:${two(minute)}${second ? `:${two(second)}` : ''}`;
  const [earlierText, laterText] = [instantText(earlier.epochMilliseconds, timeZone), instantText(later.epochMilliseconds, timeZone)];
  const instants = { clock, date, timeZone, earlier: earlierText, later: laterText };
  if (earlier.toPlainDateTime().equals(wall)) {
    return { error: `${clock} happened twice on ${date} in ${timeZone}, where the clocks were turned back (expected the instant with its offset: ${earlierText} the first time, ${laterText} the second)`, refusal: { kind: 'repeated', ...instants } };
  }
  return { error: `${clock} did not happen on ${date} in ${timeZone}, where the clocks were turned forward past it (expected a time that happened, such as ${earlierText} or ${laterText})`, refusal: { kind: 'skipped', ...instants } };
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const LOCAL_TIME = /^(\d{1,2}):(\d{2})$/;

export const TYPED_INSTANT_EXAMPLES = '"now", "21:10" (today), "2026-11-25 21:10" (in the site\'s time zone) or 2026-11-25T21:10:00+08:00';

/**
 * Reads an instant as a comms lead types it: `now`, `21:10` (today in the site's zone), `2026-11-25 21:10`
 * (in the site's zone), or a full instant with its offset. Returns the instant or what was expected.
 */
export function parseTypedInstant(text: string, timeZone: string, nowMs: number): TypedInstant {
  const trimmed = text.trim();
  const expected = `(expected ${TYPED_INSTANT_EXAMPLES})`;
  if (trimmed.toLowerCase() === 'now') return { ms: toSecond(nowMs) };
  const full = readInstantWithOffset(trimmed);
  if ('ms' in full) return full;
  if (full.problem === 'nonexistent') return { error: `found ${JSON.stringify(text)}, ${full.reason} ${expected}`, refusal: { kind: 'missing', missing: full.missing } };
  const dateTime = LOCAL_DATE_TIME.exec(trimmed);
  const timeOnly = LOCAL_TIME.exec(trimmed);
  if (!dateTime && !timeOnly) return { error: `found ${JSON.stringify(text)} ${expected}`, refusal: { kind: 'unreadable' } };
  const date = dateTime ? `${dateTime[1]}-${dateTime[2]}-${dateTime[3]}` : localDateOf(nowMs, timeZone);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute, second] = dateTime ? [Number(dateTime[4]), Number(dateTime[5]), Number(dateTime[6] ?? 0)] : [Number(timeOnly![1]), Number(timeOnly![2]), 0];
  const missing = missingDateTime({ year, month, day, hour, minute, second });
  if (missing) return { error: `found ${JSON.stringify(text)}, ${missingDateTimePhrase(missing)} ${expected}`, refusal: { kind: 'missing', missing } };
  const instant = instantOfWallClock(date, hour, minute, second, timeZone);
  return 'ms' in instant ? instant : { ...instant, error: `found ${JSON.stringify(text)}: ${instant.error}` };
}

/** How far after now a bare time of day may be before it is read as yesterday's (see parsePastInstant). */
const YESTERDAY_AFTER_MS = 12 * 3_600_000;

/**
 * An instant that has happened (a start, a detection, an update's time), typed as parseTypedInstant reads it,
 * except that a bare time of day more than 12 hours after now means that time yesterday: `23:50` typed at 00:05
 * is ten minutes after the start of the outage, not a day ahead. Nearer than that it stays today's, and the caller
 * refuses it as after now (11:30 typed at 11:00 is more likely a typo than yesterday).
 */
export function parsePastInstant(text: string, timeZone: string, nowMs: number): TypedInstant {
  const parsed = parseTypedInstant(text, timeZone, nowMs);
  const time = LOCAL_TIME.exec(text.trim());
  if (!('ms' in parsed) || !time || parsed.ms - nowMs <= YESTERDAY_AFTER_MS) return parsed;
  return bareTimeOn(text, time, nowMs - 86_400_000, timeZone);
}

/** A bare time of day (`03:30`, matched by LOCAL_TIME) on the local day that holds `dayMs`, refused as typed. */
function bareTimeOn(text: string, time: RegExpExecArray, dayMs: number, timeZone: string): TypedInstant {
  const at = instantOfWallClock(localDateOf(dayMs, timeZone), Number(time[1]), Number(time[2]), 0, timeZone);
  return 'ms' in at ? at : { ...at, error: `found ${JSON.stringify(text)}: ${at.error}` };
}

/**
 * A maintenance window's end as people type it, given its start: a duration (`30m`, `2h`, `1h30m`) after the
 * start; a bare time of day (`03:30`) on the start's day, or the day after when that is not after the start (a
 * window from 23:00 to 01:00); otherwise any instant parseTypedInstant reads. The end must be after the start.
 */
export function parseWindowEnd(text: string, startMs: number, timeZone: string, nowMs: number): TypedInstant {
  const end = readWindowEnd(text, startMs, timeZone, nowMs);
  const shown = (ms: number) => instantText(ms, timeZone);
  if ('ms' in end && end.ms <= startMs) return { error: `${shown(end.ms)} is not after the start, ${shown(startMs)} (expected the end after the start, or a duration such as 2h)` };
  return end;
}

/** The end as parseWindowEnd reads it, before it is compared with the start (a question says that in its own words). */
export function readWindowEnd(text: string, startMs: number, timeZone: string, nowMs: number): TypedInstant {
  const trimmed = text.trim();
  const duration = /^\d/.test(trimmed) && !LOCAL_TIME.test(trimmed) && !LOCAL_DATE_TIME.test(trimmed) ? readDuration(trimmed) : undefined;
  if (duration && 'ms' in duration && duration.ms > 0) return { ms: startMs + duration.ms };
  const time = LOCAL_TIME.exec(trimmed);
  let end: TypedInstant;
  // A time of day that cannot be (25:00) goes to parseTypedInstant, which says why; any date will do to ask.
  if (time && !nonexistentDateTime({ year: 2000, month: 1, day: 1, hour: Number(time[1]), minute: Number(time[2]), second: 0 })) {
    end = bareTimeOn(text, time, startMs, timeZone);
    if ('ms' in end && end.ms <= startMs) end = bareTimeOn(text, time, startMs + 86_400_000, timeZone);
  } else {
    end = parseTypedInstant(text, timeZone, nowMs);
  }
  if ('error' in end) return { ...end, error: end.error.replace(`(expected ${TYPED_INSTANT_EXAMPLES})`, `(expected a duration after the start such as 30m or 2h, a time such as 03:30, or ${TYPED_INSTANT_EXAMPLES})`) };
  return end;
}
