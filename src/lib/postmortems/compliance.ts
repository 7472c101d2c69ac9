// Postmortem compliance: which resolved incidents are past their postmortem deadline, and open action items.
import type { Incident } from '../../schemas/incident.ts';
import type { ActionItem, Postmortem } from '../../schemas/postmortem.ts';
import type { SeverityLevel } from '../../schemas/severity.ts';

export interface PostmortemDue {
  incident: Incident;
  dueMs: number;
  /** published: out by now; overdue: past the deadline without a published postmortem; pending: not due yet. */
  state: 'published' | 'overdue' | 'pending';
  /** How far past the deadline (overdue) or how long until it (pending), in milliseconds. */
  marginMs: number;
}

/** Every resolved incident's postmortem deadline (resolution + the severity's postmortemDue) and where it stands; levels that need no postmortem have none. */
export function postmortemDeadlines(incidents: readonly Incident[], postmortems: readonly Postmortem[], levels: readonly SeverityLevel[], nowMs: number): PostmortemDue[] {
  // A set, not a search of every postmortem for every incident: years of history make that quadratic.
  const publishedFor = new Set(postmortems.filter((postmortem) => postmortem.status === 'published').map((postmortem) => postmortem.incident));
  return incidents.flatMap((incident) => {
    const level = levels.find((candidate) => candidate.id === incident.severity);
    if (!incident.resolved || !level || level.postmortemDue === null || incident.resolved.getTime() > nowMs) return [];
    const dueMs = incident.resolved.getTime() + level.postmortemDue;
    const published = publishedFor.has(incident.id);
    const state = published ? 'published' : nowMs > dueMs ? 'overdue' : 'pending';
    return [{ incident, dueMs, state, marginMs: state === 'overdue' ? nowMs - dueMs : dueMs - nowMs }];
  });
}

/** The postmortems past their deadline, the most recently due first: the ones a team can still write from fresh memory. */
export function overduePostmortems(deadlines: readonly PostmortemDue[]): PostmortemDue[] {
  return deadlines.filter((deadline) => deadline.state === 'overdue').sort((a, b) => b.dueMs - a.dueMs);
}

/** How many overdue postmortems the archive lists by name; the rest are counted, so the page stays small at any length of history. */
export const OVERDUE_LISTED = 50;

export interface OpenActionItem {
  item: ActionItem;
  kind: 'immediate' | 'longTerm';
  postmortem: Postmortem;
  overdue: boolean;
}

const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/**
 * Action items not done and not dropped, across all postmortems: overdue first (oldest due date first),
 * then by due date, then by priority. `today` is the local date in the site's time zone (`YYYY-MM-DD`).
 */
export function openActionItems(postmortems: readonly Postmortem[], today: string): OpenActionItem[] {
  return postmortems
    .flatMap((postmortem) =>
      (['immediate', 'longTerm'] as const).flatMap((kind) =>
        postmortem.actionItems[kind].filter((item) => item.status === 'open' || item.status === 'in_progress').map((item) => ({ item, kind, postmortem, overdue: item.due < today })),
      ),
    )
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.item.due.localeCompare(b.item.due) || PRIORITY_ORDER[a.item.priority] - PRIORITY_ORDER[b.item.priority] || a.item.id.localeCompare(b.item.id));
}
