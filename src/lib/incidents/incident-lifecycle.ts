// The incident lifecycle as the commands apply it: which status may follow which, and which one to offer next.
import { INCIDENT_STATUSES, type IncidentStatus } from '../../schemas/incident.ts';
import { FINISHED_STATUSES } from './incident-timeline.ts';

/**
 * Forward order; `reopened` ranks with investigating because work resumes from there. The check's
 * cross-file rule (src/validation/cross-file-rules.ts) applies the same order to files written by hand.
 */
const RANK: Record<IncidentStatus, number> = { detecting: 0, investigating: 1, reopened: 1, fixing: 2, monitoring: 3, resolved: 4, closed: 5 };

export const FORWARD_ORDER = 'detecting, investigating, fixing, monitoring, resolved, closed';

export function isFinished(status: IncidentStatus): boolean {
  return FINISHED_STATUSES.includes(status);
}

/** Why `next` may not follow `previous`, in the check's words; undefined when it may. */
export function statusMoveProblem(previous: IncidentStatus, next: IncidentStatus): string | undefined {
  if (next === 'reopened') {
    return isFinished(previous) ? undefined : `"reopened" cannot follow "${previous}" (expected reopened only after resolved or closed)`;
  }
  if (RANK[next] < RANK[previous]) {
    return `"${next}" cannot follow "${previous}" (expected statuses to move forward: ${FORWARD_ORDER}; use "reopened" to go back after resolved)`;
  }
  return undefined;
}

/** Every status that may follow `current`, in lifecycle order. */
export function statusesAfter(current: IncidentStatus): IncidentStatus[] {
  return INCIDENT_STATUSES.filter((status) => statusMoveProblem(current, status) === undefined);
}

/**
 * The status to offer for the next update: one step forward. After resolved that is closed only once the
 * postmortem is published (closing means the postmortem is out); until then a further resolved note.
 * A closed incident gets a further closed note: reopening is a deliberate choice, never a default.
 */
export function nextStatus(current: IncidentStatus, postmortemPublished: boolean): IncidentStatus {
  switch (current) {
    case 'detecting':
      return 'investigating';
    case 'investigating':
    case 'reopened':
      return 'fixing';
    case 'fixing':
      return 'monitoring';
    case 'monitoring':
      return 'resolved';
    case 'resolved':
      return postmortemPublished ? 'closed' : 'resolved';
    case 'closed':
      return 'closed';
  }
}
