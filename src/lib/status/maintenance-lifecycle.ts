// A maintenance window's lifecycle: where it stands at an instant, which status may follow which, and the updates
// it has had by then. The status page, the feeds, the API and the commands all read a window through these.
import type { Maintenance, MaintenanceStatus, MaintenanceUpdate } from '../../schemas/maintenance.ts';

/** Forward order; `cancelled` may follow anything but `completed`. */
const RANK: Record<MaintenanceStatus, number> = { scheduled: 0, in_progress: 1, verifying: 2, completed: 3, cancelled: 3 };

export const MAINTENANCE_ORDER = 'scheduled, in_progress, verifying, completed (or cancelled)';

/** Why `next` may not follow `previous`, in the check's words; undefined when it may. */
export function maintenanceMoveProblem(previous: MaintenanceStatus, next: MaintenanceStatus): string | undefined {
  if (previous === 'cancelled' && next !== 'cancelled') return `"${next}" cannot follow "cancelled" (expected nothing but further cancelled notes on a cancelled window)`;
  if (previous === 'completed' && next !== 'completed') return `"${next}" cannot follow "completed" (expected nothing but further completed notes on a completed window)`;
  if (RANK[next] < RANK[previous]) return `"${next}" cannot follow "${previous}" (expected statuses to move forward: ${MAINTENANCE_ORDER})`;
  return undefined;
}

/** The updates posted by `nowMs`, oldest first. */
export function updatesBy(window: Pick<Maintenance, 'updates'>, nowMs: number): MaintenanceUpdate[] {
  return window.updates.filter((update) => update.at.getTime() <= nowMs);
}

/**
 * Where the window stands at `nowMs`: cancelled; completed once its end has passed (windows end on their own when
 * nobody says otherwise); in progress from its start, or verifying once an update says so; scheduled before.
 */
export function maintenanceStatusAt(window: Pick<Maintenance, 'start' | 'end' | 'cancelled' | 'updates'>, nowMs: number): MaintenanceStatus {
  if (window.cancelled) return 'cancelled';
  if (nowMs >= window.end.getTime()) return 'completed';
  if (nowMs < window.start.getTime()) return 'scheduled';
  return updatesBy(window, nowMs).some((update) => update.status === 'verifying') ? 'verifying' : 'in_progress';
}

/** How many windows the maintenance history page shows: the newest, as the feeds and the API keep the newest 50. */
export const MAINTENANCE_HISTORY_LIMIT = 50;

/** The maintenance history page: windows newest first (by start), at most the limit, and how many older ones it leaves to the calendar. */
export function maintenanceHistory<W extends Pick<Maintenance, 'id' | 'start'>>(windows: readonly W[]): { shown: W[]; older: number } {
  const newestFirst = [...windows].sort((a, b) => b.start.getTime() - a.start.getTime() || a.id.localeCompare(b.id));
  return { shown: newestFirst.slice(0, MAINTENANCE_HISTORY_LIMIT), older: Math.max(0, newestFirst.length - MAINTENANCE_HISTORY_LIMIT) };
}
