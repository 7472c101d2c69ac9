// A service's 90 days as one image: a bar per day, oldest on the left, coloured as the status page colours the
// day, in the page's light and dark palettes, and counted in words for its text alternative.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DailyAvailability } from '../src/lib/reliability/availability.ts';
import { availabilityBarsSvg, barsSummary, barsVersion, barsWidth } from '../src/lib/status/availability-bars.ts';
import { PROJECT } from './helpers/sites.ts';
import { dayWithDowntime } from './helpers/daily-availability.ts';

// Day `index` of November 2026.
const day = (index: number, downtimeMinutes: number, extra: Partial<DailyAvailability> = {}): DailyAvailability =>
  dayWithDowntime(`2026-11-${String(index + 1).padStart(2, '0')}`, downtimeMinutes, extra);

// No data, a clean day, 10 min down (99.31%), 60 min (95.83%), 120 min (91.67%), and a maintenance-only day.
const days = [day(0, 0, { noData: true }), day(1, 0), day(2, 10), day(3, 60), day(4, 120), day(5, 0, { maintenanceMs: 3_600_000 })];

describe('the bars image', () => {
  const svg = availabilityBarsSvg(days);
  const rects = [...svg.matchAll(/<rect ([^>]*)\/>/g)].map((match) => match[1]!);

  it('draws one bar per day, oldest on the left, 9 units wide with a 1-unit gap', () => {
    expect(rects).toHaveLength(6);
    expect(rects.map((rect) => /class="([^"]+)"/.exec(rect)![1])).toEqual(['no-data', 'none', 'minor', 'partial', 'major', 'maintenance']);
    expect(rects[1]).toContain('x="10"');
    expect(rects[5]).toContain('x="50"');
    expect(barsWidth(90)).toBe(899);
    expect(svg).toContain('viewBox="0 0 59 32"');
  });

  it('outlines a day before tracking began, never fills it as a good day', () => {
    expect(rects[0]).toMatch(/class="no-data"/);
    expect(svg).toMatch(/\.no-data\{fill:none;stroke:#5b6470/);
  });

  it('uses the status page colours, light and dark', () => {
    const layout = readFileSync(path.join(PROJECT, 'src/layouts/Base.astro'), 'utf8');
    const dark = layout.slice(layout.indexOf('@media (prefers-color-scheme: dark)'));
    const light = layout.slice(layout.indexOf(':root {'), layout.indexOf('@media (prefers-color-scheme: dark)'));
    const colour = (theme: string, property: string) => theme.match(new RegExp(`${property}:\\s*(#[0-9a-f]{6})`, 'i'))![1]!.toLowerCase();
    const [lightStyle, darkStyle] = svg.split('@media (prefers-color-scheme:dark)');
    for (const [level, property] of [['none', '--ok'], ['maintenance', '--maint'], ['minor', '--degraded'], ['partial', '--partial'], ['major', '--major']] as const) {
      expect(lightStyle, level).toContain(`.${level}{fill:${colour(light, property)}}`);
      expect(darkStyle, level).toContain(`.${level}{fill:${colour(dark, property)}}`);
    }
  });

  it('is counted for its text: days with downtime, days with maintenance only', () => {
    expect(barsSummary(days)).toEqual({ downtimeDays: 3, maintenanceDays: 1 });
  });

  it('gets a new address when a day changes, so no browser shows yesterday\'s bars', () => {
    expect(barsVersion(svg)).toMatch(/^[0-9a-f]{12}$/);
    expect(barsVersion(availabilityBarsSvg([...days.slice(0, 5), day(5, 1)]))).not.toBe(barsVersion(svg));
  });
});
