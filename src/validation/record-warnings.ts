// What the record still owes its readers at "now": the check's warnings, worked out from the loaded site each run.
// They depend on the time, so they are never kept with a file's checked outcome (validation-cache.ts).
import { currentStatus, isOpen, latestUpdate } from '../lib/incidents/incident-timeline.ts';
import { openActionItems, overduePostmortems, postmortemDeadlines } from '../lib/postmortems/compliance.ts';
import { publishedPostmortems } from '../lib/postmortems/postmortems.ts';
import { formatDuration } from '../lib/time/durations.ts';
import { localDateOf } from '../lib/time/time-zone.ts';
import { messageTime } from '../lib/time/written-instants.ts';
import type { Postmortem } from '../schemas/postmortem.ts';
import type { SeverityLevel } from '../schemas/severity.ts';
import type { Site } from '../schemas/site.ts';
import type { IncidentEntry, MaintenanceEntry } from './load-site.ts';

/** The kinds of warning, in the order the check prints them: what readers are waiting for first. */
export const WARNING_KINDS = ['update-overdue', 'maintenance-started', 'maintenance-ended', 'postmortem-overdue', 'action-item-overdue'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export interface RecordWarning {
  kind: WarningKind;
  /** Path relative to the site's root, with forward slashes. */
  file: string;
  /** The field the warning is about, as keys; the check prints the line it is on. */
  at: (string | number)[];
  /** What is late and what would settle it, in one line. */
  message: string;
}

/** The part of a loaded site the warnings read (SiteContent has it). */
export interface WarnedRecord {
  site: Pick<Site, 'timeZone'>;
  severity: { levels: readonly SeverityLevel[] };
  incidents: readonly IncidentEntry[];
  maintenance: readonly MaintenanceEntry[];
  nowMs: number;
}

const DAY_MS = 86_400_000;

/**
 * How long after its end a window is still asked about. Windows take no updates yet, so nothing in a file can
 * answer these warnings but a correction (cancelled, or moved times); a day after its end a window is history.
 */
export const MAINTENANCE_FOLLOW_UP_MS = DAY_MS;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Calendar days from one `YYYY-MM-DD` to a later one (month ends and leap days counted as the calendar has them). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Open incidents whose latest update is older than their level's update cadence: readers were promised the next. */
function overdueUpdates(record: WarnedRecord, levels: ReadonlyMap<string, SeverityLevel>): RecordWarning[] {
  const { nowMs, site } = record;
  return record.incidents.flatMap(({ file, incident }) => {
    const level = levels.get(incident.severity);
    if (!level || !isOpen(incident, nowMs)) return [];
    const latest = latestUpdate(incident);
    // The promise every update makes ("Next update by", src/lib/edits/update-templates.ts): its instant plus the cadence.
    const dueMs = latest.at.getTime() + level.updateCadence;
    if (nowMs <= dueMs) return [];
    return [
      {
        kind: 'update-overdue' as const,
        file,
        at: ['updates', incident.updates.indexOf(latest), 'at'],
        message: `open incident (${currentStatus(incident)}) not updated for ${formatDuration(nowMs - latest.at.getTime())}: ${level.id} asks for an update every ${formatDuration(level.updateCadence)}, so one was due by ${messageTime(dueMs, site.timeZone, nowMs)} (expected a new update: npm run new:update -- ${incident.id})`,
      },
    ];
  });
}

/** Resolved incidents whose postmortem is past its due time and not published, the most recently due first. */
function overduePostmortemWarnings(record: WarnedRecord, levels: ReadonlyMap<string, SeverityLevel>): RecordWarning[] {
  const { nowMs, site } = record;
  const entries = new Map(record.incidents.map((entry) => [entry.incident.id, entry]));
  const postmortems = record.incidents.flatMap((entry) => (entry.postmortem ? [entry.postmortem.postmortem] : []));
  const deadlines = postmortemDeadlines(
    record.incidents.map((entry) => entry.incident),
    postmortems,
    record.severity.levels,
    nowMs,
  );
  return overduePostmortems(deadlines).flatMap(({ incident, dueMs, marginMs }) => {
    const entry = entries.get(incident.id);
    const allowedMs = levels.get(incident.severity)?.postmortemDue;
    // Imported history's postmortems were written (or not) in the old tool: years of them are not owed now.
    if (!entry || allowedMs === undefined || allowedMs === null || (incident.importedFrom !== undefined && !entry.postmortem)) return [];
    const late = `postmortem ${formatDuration(marginMs)} past due: ${incident.severity} asks for one within ${formatDuration(allowedMs)} of resolution, by ${messageTime(dueMs, site.timeZone, nowMs)}`;
    const written = entry.postmortem;
    if (!written) {
      return [{ kind: 'postmortem-overdue' as const, file: entry.file, at: ['resolved'], message: `${late}, and none is written (expected one drafted with npm run new:postmortem -- ${incident.id}, then published)` }];
    }
    const state = written.postmortem.status === 'in_review' ? 'in review' : 'a draft';
    return [{ kind: 'postmortem-overdue' as const, file: written.file, at: ['status'], message: `${late}, and it is still ${state} (expected it reviewed and published: npm run publish:postmortem -- ${incident.id})` }];
  });
}

/** Open action items of published postmortems past their due date in the site's time zone, as the action items page lists them. */
function overdueActionItems(record: WarnedRecord): RecordWarning[] {
  const files = new Map<Postmortem, string>(record.incidents.flatMap((entry) => (entry.postmortem ? [[entry.postmortem.postmortem, entry.postmortem.file] as const] : [])));
  const published = publishedPostmortems({ incidents: record.incidents.map((entry) => entry.incident), postmortems: [...files.keys()] }).map((entry) => entry.postmortem);
  const today = localDateOf(record.nowMs, record.site.timeZone);
  return openActionItems(published, today)
    .filter((open) => open.overdue)
    .flatMap(({ item, kind, postmortem }) => {
      const file = files.get(postmortem);
      if (!file) return [];
      const state = item.status === 'in_progress' ? 'in progress' : 'open';
      return [
        {
          kind: 'action-item-overdue' as const,
          file,
          at: ['actionItems', kind, postmortem.actionItems[kind].indexOf(item), 'due'],
          message: `action item ${item.id} (${item.owner}) still ${state} ${plural(daysBetween(item.due, today), 'day')} after its due date, ${item.due} (expected status: done or wont_do, or a later due: agreed with ${item.owner})`,
        },
      ];
    });
}

/**
 * Windows whose schedule has moved them on while nobody said so: from the start, the status page, the API and the
 * notices say the work is under way, though no update said it started; from the end, that it is completed, though
 * none said it completed. Each gets a reminder to confirm it (or correct it) with npm run maintenance:update,
 * until MAINTENANCE_FOLLOW_UP_MS after the end. Cancelled windows are left alone.
 */
function maintenanceWarnings(record: WarnedRecord): RecordWarning[] {
  const { nowMs, site } = record;
  return record.maintenance.flatMap(({ file, maintenance }): RecordWarning[] => {
    const startMs = maintenance.start.getTime();
    const endMs = maintenance.end.getTime();
    if (maintenance.cancelled || nowMs < startMs || nowMs >= endMs + MAINTENANCE_FOLLOW_UP_MS) return [];
    const said = (status: string) => maintenance.updates.some((update) => update.status === status && update.at.getTime() <= nowMs);
    const time = (ms: number) => messageTime(ms, site.timeZone, nowMs);
    const command = `npm run maintenance:update -- ${maintenance.id}`;
    if (nowMs < endMs) {
      if (said('in_progress')) return [];
      return [{ kind: 'maintenance-started', file, at: ['start'], message: `maintenance window started by its schedule at ${time(startMs)} with no update saying so: readers see it under way until ${time(endMs)} (expected ${command} --action start once the work begins, or --action cancel if it will not run)` }];
    }
    if (said('completed')) return [];
    return [{ kind: 'maintenance-ended', file, at: ['end'], message: `maintenance window ended by its schedule ${formatDuration(nowMs - endMs)} ago, at ${time(endMs)}, with no update saying so: readers see it completed (expected ${command} --action complete --at <when it finished>; if it ran over, record any outage beyond the window as an incident)` }];
  });
}

/** Every warning about the record at its "now", grouped by kind in WARNING_KINDS order. */
export function recordWarnings(record: WarnedRecord): RecordWarning[] {
  const levels = new Map(record.severity.levels.map((level) => [level.id, level]));
  const warnings = [...overdueUpdates(record, levels), ...maintenanceWarnings(record), ...overduePostmortemWarnings(record, levels), ...overdueActionItems(record)];
  // A stable sort: each kind keeps the order its rule gave.
  return warnings.sort((a, b) => WARNING_KINDS.indexOf(a.kind) - WARNING_KINDS.indexOf(b.kind));
}
