// Weighted downtime over a time range: overlapping impact merged at the worst weight, planned impact excused.
import type { TimeRange } from '../time/time-range.ts';

export interface WeightedWindow extends TimeRange {
  /** Share of each minute counted as down: 1 for a major outage. */
  weight: number;
  /** The maintenance window whose planned work this impact belongs to, when its incident says so. */
  maintenanceId?: string;
}

/** A scheduled maintenance window as the downtime integral sees it. */
export interface MaintenanceWindow extends TimeRange {
  id: string;
  /** The heaviest weight the window announced to readers; 0 when it announced no visible impact. */
  announcedWeight: number;
}

export interface DowntimeResult {
  /** Weighted milliseconds of downtime inside the range. */
  downtimeMs: number;
  /** Milliseconds of maintenance inside the range (downtime in it counts unless the window excuses it). */
  maintenanceMs: number;
  /** First instant at which cumulative downtime reached `budgetMs`, when a budget was given and it ran out. */
  budgetExhaustedAt?: number;
}

function clip(window: TimeRange, range: TimeRange): TimeRange | undefined {
  const start = Math.max(window.start, range.start);
  const end = Math.min(window.end, range.end);
  return end > start ? { start, end } : undefined;
}

/**
 * Whether maintenance excuses an impact over a stretch of time: only the window the incident names as its
 * cause, only while it is open, and only up to the impact it announced. An outage nobody planned counts in
 * full whatever window it falls in, and a window that announced no impact excuses nothing.
 */
function isExcused(impact: WeightedWindow, covering: readonly MaintenanceWindow[]): boolean {
  return impact.maintenanceId !== undefined && covering.some((window) => window.id === impact.maintenanceId && impact.weight <= window.announcedWeight);
}

/**
 * Integrates the worst active weight over the range, so two incidents on one service at the same time count
 * once, at the heavier impact; maintenance excuses only the impact it planned (see isExcused).
 */
export function downtimeIn(windows: readonly WeightedWindow[], maintenance: readonly MaintenanceWindow[], range: TimeRange, budgetMs?: number): DowntimeResult {
  const impact = windows.flatMap((window) => {
    const clipped = clip(window, range);
    return clipped && window.weight > 0 ? [{ ...window, ...clipped }] : [];
  });
  const excluded = maintenance.flatMap((window) => {
    const clipped = clip(window, range);
    return clipped ? [{ ...window, ...clipped }] : [];
  });
  const boundaries = [...new Set([range.start, range.end, ...impact.flatMap((w) => [w.start, w.end]), ...excluded.flatMap((w) => [w.start, w.end])])].sort((a, b) => a - b);

  let downtimeMs = 0;
  let maintenanceMs = 0;
  let budgetExhaustedAt: number | undefined;
  for (let index = 0; index + 1 < boundaries.length; index += 1) {
    const start = boundaries[index]!;
    const end = boundaries[index + 1]!;
    const covers = (window: TimeRange) => window.start <= start && window.end >= end;
    const inMaintenance = excluded.filter(covers);
    if (inMaintenance.length > 0) maintenanceMs += end - start;
    const weight = Math.max(0, ...impact.filter((window) => covers(window) && !isExcused(window, inMaintenance)).map((window) => window.weight));
    if (weight === 0) continue;
    const segmentDowntime = (end - start) * weight;
    if (budgetMs !== undefined && budgetExhaustedAt === undefined && downtimeMs + segmentDowntime >= budgetMs && budgetMs >= 0) {
      budgetExhaustedAt = start + (budgetMs - downtimeMs) / weight;
    }
    downtimeMs += segmentDowntime;
  }
  return budgetExhaustedAt === undefined ? { downtimeMs, maintenanceMs } : { downtimeMs, maintenanceMs, budgetExhaustedAt };
}

/** Availability in percent of a range given its weighted downtime. */
export function availabilityPercent(downtimeMs: number, range: TimeRange): number {
  const length = range.end - range.start;
  if (length <= 0) return 100;
  return Math.min(100, Math.max(0, 100 * (1 - downtimeMs / length)));
}
