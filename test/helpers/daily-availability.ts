// A day of a service's 90 for tests: a whole local day (UTC here) with so many minutes of downtime out of 1,440.
import type { DailyAvailability } from '../../src/lib/reliability/availability.ts';

const DAY = 86_400_000;

export function dayWithDowntime(date: string, downtimeMinutes: number, extra: Partial<DailyAvailability> = {}): DailyAvailability {
  const start = Date.parse(`${date}T00:00:00Z`);
  return {
    date: date as DailyAvailability['date'],
    start,
    end: start + DAY,
    percent: 100 * (1 - downtimeMinutes / 1440),
    downtimeMs: downtimeMinutes * 60_000,
    maintenanceMs: 0,
    incidentIds: [],
    noData: false,
    ...extra,
  };
}
