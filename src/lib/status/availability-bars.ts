// A service's 90 daily bars as one SVG image: the status page shows each service's bars as a single element (a
// link to the service's page, where every day is listed in words), not 90 focusable cells with their own text,
// so the page a reader opens on a phone during an outage stays a few hundred elements whatever the history.
import { createHash } from 'node:crypto';
import { dayLevel, type DailyAvailability, type DayLevel } from '../reliability/availability.ts';

/** The page's state colours (src/layouts/Base.astro), light and dark: an image cannot read the page's variables. */
const DAY_COLOURS: Record<Exclude<DayLevel, 'no-data'>, { light: string; dark: string }> = {
  none: { light: '#1a7f37', dark: '#3fb950' },
  maintenance: { light: '#2f6fdf', dark: '#6ea8fe' },
  minor: { light: '#9a6700', dark: '#d4a72c' },
  partial: { light: '#c2410c', dark: '#f0883e' },
  major: { light: '#c62828', dark: '#f47067' },
};
const NO_DATA_OUTLINE = { light: '#5b6470', dark: '#a5adb8' };

/** Width of a day and the gap after it, in the image's own units; the page scales the image to its width. */
const DAY_WIDTH = 9;
const DAY_GAP = 1;
export const BARS_HEIGHT = 32;

export function barsWidth(dayCount: number): number {
  return dayCount * (DAY_WIDTH + DAY_GAP) - DAY_GAP;
}

/**
 * The bars, oldest day on the left as on the page: a day's colour says how much of it the service was down
 * (under 1%, under 5%, more), maintenance, or nothing; a day before the service was tracked is an outline only.
 */
export function availabilityBarsSvg(days: readonly DailyAvailability[]): string {
  const levels = Object.entries(DAY_COLOURS);
  const style = [
    ...levels.map(([level, colour]) => `.${level}{fill:${colour.light}}`),
    `.no-data{fill:none;stroke:${NO_DATA_OUTLINE.light};stroke-width:1}`,
    `@media (prefers-color-scheme:dark){${levels.map(([level, colour]) => `.${level}{fill:${colour.dark}}`).join('')}.no-data{stroke:${NO_DATA_OUTLINE.dark}}}`,
  ].join('');
  const rects = days.map((day, index) => {
    const x = index * (DAY_WIDTH + DAY_GAP);
    const level = dayLevel(day);
    return level === 'no-data'
      ? `<rect class="no-data" x="${x + 0.5}" y="0.5" width="${DAY_WIDTH - 1}" height="${BARS_HEIGHT - 1}"/>`
      : `<rect class="${level}" x="${x}" width="${DAY_WIDTH}" height="${BARS_HEIGHT}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${barsWidth(days.length)} ${BARS_HEIGHT}" width="${barsWidth(days.length)}" height="${BARS_HEIGHT}" preserveAspectRatio="none"><style>${style}</style>${rects.join('')}</svg>`;
}

/** A short hash of the image, put in its address so a reader's browser never shows yesterday's bars from its cache. */
export function barsVersion(svg: string): string {
  return createHash('sha256').update(svg).digest('hex').slice(0, 12);
}

/** Where a service's bars are, below the site root, with their version: `bars/api.svg?v=3f2a…`. */
export function barsImagePath(serviceId: string, days: readonly DailyAvailability[]): string {
  return `bars/${serviceId}.svg?v=${barsVersion(availabilityBarsSvg(days))}`;
}

/** What the image shows, counted for its text alternative: days with downtime and days with maintenance only. */
export function barsSummary(days: readonly DailyAvailability[]): { downtimeDays: number; maintenanceDays: number } {
  const levels = days.map(dayLevel);
  return {
    downtimeDays: levels.filter((level) => level === 'minor' || level === 'partial' || level === 'major').length,
    maintenanceDays: levels.filter((level) => level === 'maintenance').length,
  };
}
