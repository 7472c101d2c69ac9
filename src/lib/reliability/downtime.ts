// Weighted downtime over a time range: overlapping impact merged at the worst weight, maintenance carved out.
import type { TimeRange } from '../time/time-range.ts';

export interface WeightedWindow extends TimeRange {
  /** Share of each minute counted as down: 1 for a major outage. */
  weight: number;
}

export interface DowntimeResult {
  /** Weighted milliseconds of downtime inside the range. */
  downtimeMs: number;
  /** Milliseconds of maintenance inside the range (never counted as downtime). */
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
 * Integrates the worst active weight over the range, so two incidents on one service at the same time
 * count once, at the heavier impact; time inside a maintenance window counts as no downtime at all.
 */
export function downtimeIn(windows: readonly WeightedWindow[], maintenance: readonly TimeRange[], range: TimeRange, budgetMs?: number): DowntimeResult {
  const impact = windows.flatMap((window) => {
    const clipped = clip(window, range);
    return clipped && window.weight > 0 ? [{ ...clipped, weight: window.weight }] : [];
  });
  const excluded = maintenance.flatMap((window) => {
    const clipped = clip(window, range);
    return clipped ? [clipped] : [];
  });
  const boundaries = [...new Set([range.start, range.end, ...impact.flatMap((w) => [w.start, w.end]), ...excluded.flatMap((w) => [w.start, w.end])])].sort((a, b) => a - b);

  let downtimeMs = 0;
  let maintenanceMs = 0;
  let budgetExhaustedAt: number | undefined;
  for (let index = 0; index + 1 < boundaries.length; index += 1) {
    const start = boundaries[index]!;
    const end = boundaries[index + 1]!;
    const covers = (window: TimeRange) => window.start <= start && window.end >= end;
    if (excluded.some(covers)) {
      maintenanceMs += end - start;
      continue;
    }
    const weight = Math.max(0, ...impact.filter(covers).map((window) => window.weight));
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
