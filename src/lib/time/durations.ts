// Human-readable durations ("2 h 15 min") for the pages and feeds.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface DurationWords {
  day: string;
  hour: string;
  minute: string;
  second: string;
}

const ENGLISH_UNITS: DurationWords = { day: 'd', hour: 'h', minute: 'min', second: 's' };

/** Formats milliseconds as at most two units, largest first: "3 d 4 h", "2 h 15 min", "45 s". */
export function formatDuration(ms: number, words: DurationWords = ENGLISH_UNITS): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.round(Math.abs(ms) / 1000) * 1000;
  if (rest < MINUTE) return `${sign}${rest / 1000} ${words.second}`;
  const parts: string[] = [];
  for (const [size, word] of [
    [DAY, words.day],
    [HOUR, words.hour],
    [MINUTE, words.minute],
  ] as const) {
    const count = Math.floor(rest / size);
    if (count > 0 && parts.length < 2) parts.push(`${count} ${word}`);
    else if (parts.length > 0) break;
    rest -= count * size;
  }
  return sign + parts.join(' ');
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
