// How this project's severities, statuses and service states read in Atlassian Statuspage's vocabulary, and the opaque ids the API gives them.
import { createHash } from 'node:crypto';
import type { IncidentStatus } from '../../schemas/incident.ts';
import type { SeverityLevel } from '../../schemas/severity.ts';
import type { ServiceState } from '../status/status.ts';

export type StatuspageImpact = 'none' | 'minor' | 'major' | 'critical';
export type StatuspageIndicator = StatuspageImpact | 'maintenance';
export type StatuspageComponentStatus = 'operational' | 'under_maintenance' | 'degraded_performance' | 'partial_outage' | 'major_outage';
export type StatuspageIncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved' | 'postmortem';
export type StatuspageMaintenanceStatus = 'scheduled' | 'in_progress' | 'verifying' | 'completed';

export const COMPONENT_STATUS: Record<ServiceState, StatuspageComponentStatus> = {
  operational: 'operational',
  maintenance: 'under_maintenance',
  degraded: 'degraded_performance',
  partial_outage: 'partial_outage',
  major_outage: 'major_outage',
};

/**
 * The page's rollup for its worst service state, worded as Statuspage words a page whose worst component is in
 * that state. It follows the components, like the banner on our status page, not open incidents' impact.
 */
export const PAGE_STATUS: Record<ServiceState, { indicator: StatuspageIndicator; description: string }> = {
  operational: { indicator: 'none', description: 'All Systems Operational' },
  maintenance: { indicator: 'maintenance', description: 'Service Under Maintenance' },
  degraded: { indicator: 'minor', description: 'Partially Degraded Service' },
  partial_outage: { indicator: 'major', description: 'Partial System Outage' },
  major_outage: { indicator: 'critical', description: 'Major System Outage' },
};

/**
 * An update's status in Statuspage's incident lifecycle. `closed` (we close an incident when its postmortem is
 * published) reads `postmortem` when that postmortem is public, `resolved` otherwise.
 */
export function incidentStatusOf(status: IncidentStatus, postmortemPublished: boolean): StatuspageIncidentStatus {
  switch (status) {
    case 'detecting':
    case 'investigating':
    case 'reopened':
      return 'investigating';
    case 'fixing':
      return 'identified';
    case 'monitoring':
      return 'monitoring';
    case 'resolved':
      return 'resolved';
    case 'closed':
      return postmortemPublished ? 'postmortem' : 'resolved';
  }
}

/**
 * A severity level's Statuspage impact: `statuspageImpact` in content/severity.yaml when set; otherwise by rank
 * (levels are listed most severe first): the first level is critical, the second major, every other minor.
 * An unknown level (the check rejects them) reads minor.
 */
export function impactOf(levelId: string, levels: readonly Pick<SeverityLevel, 'id' | 'statuspageImpact'>[]): StatuspageImpact {
  const rank = levels.findIndex((level) => level.id === levelId);
  const level = levels[rank];
  if (level?.statuspageImpact) return level.statuspageImpact;
  if (rank === 0) return 'critical';
  if (rank === 1) return 'major';
  return 'minor';
}

export type StatuspageIdKind = 'page' | 'component' | 'group' | 'incident' | 'update' | 'maintenance';

/**
 * Statuspage ids are opaque 12-character strings of lower-case letters and digits. Ours are the first 12 base-36
 * digits of SHA-256 over "<kind>:<our id>": stable while our id is, and a group never collides with a service.
 */
export function statuspageId(kind: StatuspageIdKind, ourId: string): string {
  const digest = createHash('sha256').update(`${kind}:${ourId}`).digest();
  return BigInt(`0x${digest.toString('hex')}`).toString(36).padStart(12, '0').slice(0, 12);
}
