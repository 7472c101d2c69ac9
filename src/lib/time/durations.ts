// Durations as the files write them (`1h30m`), read and bounded, and as pages and feeds show them ("1 h 30 min").

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The longest duration a file or flag may give. Anything longer is a typo, and would carry instants past what a date can hold. */
export const LONGEST_DURATION_MS = 3650 * DAY;

const DURATION = /^(\d+(?:\.\d+)?(d|h|m|s))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(d|h|m|s)/g;
const UNIT_MS: Record<string, number> = { d: DAY, h: HOUR, m: MINUTE, s: 1000 };

export type ReadDuration = { ms: number } | { problem: 'malformed' | 'too long' };

/** Reads `15m`, `1h30m`, `2d`, `30s` (spaces ignored) into milliseconds, refusing durations over ten years. */
export function readDuration(text: string): ReadDuration {
  const compact = text.replace(/\s+/g, '');
  if (!DURATION.test(compact)) return { problem: 'malformed' };
  let total = 0;
  for (const match of compact.matchAll(DURATION_PART)) total += Number(match[1]) * UNIT_MS[match[2]!]!;
  return total > LONGEST_DURATION_MS ? { problem: 'too long' } : { ms: total };
}

/** Milliseconds of a duration, or undefined when the text is not one or is longer than ten years. */
export function parseDuration(text: string): number | undefined {
  const read = readDuration(text);
  return 'ms' in read ? read.ms : undefined;
}

export interface DurationWords {
  day: string;
  hour: string;
  minute: string;
  second: string;
}

const ENGLISH_UNITS: DurationWords = { day: 'd', hour: 'h', minute: 'min', second: 's' };

/**
 * Formats milliseconds as at most two units, largest first, the rest dropped: "3 d 4 h", "2 h 15 min", "1 min 30 s",
 * "45 s". Seconds count only beside minutes: a 90-second recovery is not "1 min".
 */
export function formatDuration(ms: number, words: DurationWords = ENGLISH_UNITS): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.round(Math.abs(ms) / 1000) * 1000;
  if (rest < MINUTE) return `${sign}${rest / 1000} ${words.second}`;
  const parts: string[] = [];
  for (const [size, word] of [
    [DAY, words.day],
    [HOUR, words.hour],
    [MINUTE, words.minute],
    [1000, words.second],
  ] as const) {
    const count = Math.floor(rest / size);
    if (count > 0 && parts.length < 2) parts.push(`${count} ${word}`);
    else if (parts.length > 0) break;
    rest -= count * size;
  }
  return sign + parts.join(' ');
}

/**
 * An error budget's figure ("43 min", "−6 min"), floored toward minus infinity at the precision shown (seconds
 * under a minute, minutes under a day, hours beyond), so neither what is left nor what is allowed is ever
 * overstated: 5.9 minutes left read "5 min", an overspend of 5.9 minutes reads "−6 min".
 */
export function formatBudgetDuration(ms: number, words: DurationWords = ENGLISH_UNITS): string {
  const magnitude = Math.abs(ms);
  const precision = magnitude < MINUTE ? 1000 : magnitude < DAY ? MINUTE : HOUR;
  const floored = Math.floor(ms / precision) * precision;
  // Flooring a negative figure can carry it into the next unit (−59.5 min to −60 min), which reads as "1 h".
  return floored < 0 ? `\u2212${formatDuration(-floored, words)}` : formatDuration(floored, words);
}

/** Compact form used in data files and tables: `1h30m`, `15m`, `2d`, `30s`. */
export function formatCompactDuration(ms: number): string {
  if (ms === 0) return '0m';
  let rest = Math.round(ms / 1000);
  const parts: string[] = [];
  for (const [size, unit] of [
    [86_400, 'd'],
    [3600, 'h'],
    [60, 'm'],
    [1, 's'],
  ] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return parts.join('');
}
