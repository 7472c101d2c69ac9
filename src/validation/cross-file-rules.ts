// Rules that need more than one field or file: ids, references, lifecycle order, instants against now.
import { INCIDENT_ID, type AffectedService, type Incident } from '../schemas/incident.ts';
import type { Maintenance } from '../schemas/maintenance.ts';
import type { Postmortem } from '../schemas/postmortem.ts';
import type { ServicesFile } from '../schemas/service.ts';
import { isFinished, statusMoveProblem } from '../lib/incidents/incident-lifecycle.ts';
import { maintenanceMoveProblem } from '../lib/status/maintenance-lifecycle.ts';
import { didYouMean } from './near-miss.ts';
import type { NotificationsFile } from '../schemas/notifications.ts';
import { activePeriods, FINISHED_STATUSES, type DeclaredWindow } from '../lib/incidents/incident-timeline.ts';
import { localDateOf } from '../lib/time/time-zone.ts';
import { firstPlaceholderLine, placeholdersIn } from '../lib/postmortems/placeholders.ts';
import { firstResolution } from '../lib/postmortems/publication.ts';
import type { ContentFiles, SourcedRecord } from './read-content.ts';
import { fieldPath, type Problem } from './problem.ts';
import { instantAsWritten } from './instant-text.ts';
import { dataLossMs } from '../lib/incidents/data-loss.ts';
import { formatCompactDuration } from '../lib/time/durations.ts';


interface RuleContext {
  problems: Problem[];
  nowMs: number;
  timeZone: string;
  /** False when site.yaml has no usable zone: local dates would then be guessed in UTC, so rules on them wait. */
  timeZoneKnown: boolean;
  /** Files refused for their own mistakes: a rule that misses what they hold stays quiet rather than report it missing. */
  refusedFiles: ReadonlySet<string>;
  serviceIds: Set<string>;
  severityIds: string[];
}

/** An instant in a message about a file, as that file writes it (its own text, else its offset). */
function written(context: RuleContext, record: SourcedRecord<unknown>, instant: Date | number): string {
  return instantAsWritten(record.source, instant, context.timeZone);
}

function report(context: RuleContext, record: SourcedRecord<unknown>, path: readonly PropertyKey[], field: string, message: string): void {
  context.problems.push({ file: record.file, line: record.source.lineOf(path), field, message });
}

interface WindowInFile extends DeclaredWindow {
  startPath: readonly PropertyKey[];
  endPath: readonly PropertyKey[];
  startField: string;
  endField: string;
}

/** A service's declared windows with where each start and end stands in the file, for messages at the right line. */
function windowsOf(affected: AffectedService, index: number): WindowInFile[] {
  if (!affected.windows) {
    return [{ start: affected.start, end: affected.end, startPath: ['services', index, 'start'], endPath: ['services', index, 'end'], startField: `services[${index}].start`, endField: `services[${index}].end` }];
  }
  return affected.windows.map((window, position) => ({
    start: window.start,
    end: window.end,
    startPath: ['services', index, 'windows', position, 'start'],
    endPath: ['services', index, 'windows', position, 'end'],
    startField: `services[${index}].windows[${position}].start`,
    endField: `services[${index}].windows[${position}].end`,
  }));
}

function checkIncidentLifecycle(context: RuleContext, record: SourcedRecord<Incident>): void {
  const incident = record.data;
  const started = incident.started.getTime();
  if (incident.detected.getTime() < started) {
    report(context, record, ['detected'], 'detected', `${written(context, record, incident.detected)} is before started ${written(context, record, incident.started)} (expected detection at or after the start)`);
  }
  if (incident.resolved && incident.resolved.getTime() <= started) {
    report(context, record, ['resolved'], 'resolved', `${written(context, record, incident.resolved)} is not after started ${written(context, record, incident.started)} (expected the end after the start)`);
  }
  incident.services.forEach((affected, index) => {
    if (affected.windows && (affected.start || affected.end)) {
      const key = affected.start ? 'start' : 'end';
      report(context, record, ['services', index, key], `services[${index}].${key}`, `given beside windows: (expected either start/end for one window, or windows: listing every window with its own start and end)`);
    }
    let previousEnd: { at: Date; field: string } | undefined;
    const windows = windowsOf(affected, index);
    windows.forEach((window, position) => {
      const start = window.start ?? incident.started;
      if (window.start && window.start.getTime() < started) {
        report(context, record, window.startPath, window.startField, `${written(context, record, window.start)} is before the incident started ${written(context, record, incident.started)} (expected within the incident)`);
      }
      if (previousEnd && window.start && window.start.getTime() < previousEnd.at.getTime()) {
        report(context, record, window.startPath, window.startField, `${written(context, record, window.start)} is before the previous window ended ${written(context, record, previousEnd.at)} at ${previousEnd.field} (expected windows oldest first, each starting after the one before ended)`);
      }
      if (window.end && window.end.getTime() <= start.getTime()) {
        report(context, record, window.endPath, window.endField, `${written(context, record, window.end)} is not after its start ${written(context, record, start)} (expected the end after the start)`);
      }
      if (window.end && incident.resolved && window.end.getTime() > incident.resolved.getTime()) {
        report(context, record, window.endPath, window.endField, `${written(context, record, window.end)} is after the incident resolved ${written(context, record, incident.resolved)} (expected within the incident)`);
      }
      if (!window.end && position < windows.length - 1) {
        report(context, record, window.startPath, window.startField.replace(/\.start$/, ''), `has no end but is not the last window (expected an end on every window but the last, which may run to the resolution)`);
      }
      if (window.end) previousEnd = { at: window.end, field: window.endField };
    });
  });
  const seen = new Set<string>();
  incident.services.forEach((affected, index) => {
    if (seen.has(affected.id)) report(context, record, ['services', index, 'id'], `services[${index}].id`, `service "${affected.id}" is listed twice (expected each affected service once; for a service impaired more than once, list its windows under windows:)`);
    seen.add(affected.id);
  });

  checkWindowsAcrossReopens(context, record);

  let previous: Incident['updates'][number] | undefined;
  incident.updates.forEach((update, index) => {
    const field = `updates[${index}]`;
    if (index === 0 && update.at.getTime() < incident.detected.getTime()) {
      report(context, record, ['updates', index, 'at'], `${field}.at`, `${written(context, record, update.at)} is before detected ${written(context, record, incident.detected)} (expected the first update at or after detection)`);
    }
    if (previous && update.at.getTime() < previous.at.getTime()) {
      report(context, record, ['updates', index, 'at'], `${field}.at`, `${written(context, record, update.at)} is before the previous update ${written(context, record, previous.at)} (expected updates in time order, oldest first)`);
    }
    if (previous) {
      // The same rule the commands apply when they add an update.
      const problem = statusMoveProblem(previous.status, update.status);
      if (problem) report(context, record, ['updates', index, 'status'], `${field}.status`, problem);
    } else if (update.status === 'reopened') {
      report(context, record, ['updates', index, 'status'], `${field}.status`, '"reopened" is the first update (expected reopened only after resolved or closed)');
    }
    previous = update;
  });

  const latest = incident.updates[incident.updates.length - 1]!;
  const finished = isFinished(latest.status);
  if (finished && !incident.resolved) {
    report(context, record, ['updates', incident.updates.length - 1, 'status'], 'resolved', `missing while the latest update is "${latest.status}" (expected a resolved instant on a resolved incident)`);
  }
  if (!finished && incident.resolved) {
    report(context, record, ['resolved'], 'resolved', `set while the latest update is "${latest.status}" (expected no resolved instant on an open incident; add a "resolved" update or remove the field)`);
  }
}

/**
 * A service's own start or end inside the quiet time between a resolution and a reopen says it went down, or
 * came back, while the incident told readers everything was restored: one of the two is wrong.
 */
function checkWindowsAcrossReopens(context: RuleContext, record: SourcedRecord<Incident>): void {
  const periods = activePeriods(record.data);
  const gaps = periods.slice(1).map((period, index) => ({ start: periods[index]!.end, end: period.start }));
  record.data.services.forEach((affected, index) => {
    for (const window of windowsOf(affected, index)) {
      for (const gap of gaps) {
        const resolvedAt = written(context, record, gap.start);
        const reopenedAt = written(context, record, gap.end);
        if (window.start && window.start.getTime() >= gap.start && window.start.getTime() < gap.end) {
          report(context, record, window.startPath, window.startField, `${written(context, record, window.start)} falls between the resolution at ${resolvedAt} and the reopen at ${reopenedAt} (expected a start while the incident was open, such as the reopen)`);
        }
        if (window.end && window.end.getTime() > gap.start && window.end.getTime() < gap.end) {
          report(context, record, window.endPath, window.endField, `${written(context, record, window.end)} falls between the resolution at ${resolvedAt} and the reopen at ${reopenedAt} (expected an end while the incident was open, at the latest the resolution)`);
        }
      }
    }
  });
}

function checkIncidentIdentity(context: RuleContext, record: SourcedRecord<Incident>, filesById: Map<string, string[]>): void {
  const incident = record.data;
  const segments = record.file.split('/');
  const folder = segments[2];
  const yearFolder = segments[1];
  if (folder !== incident.id) {
    report(context, record, ['id'], 'id', `"${incident.id}" does not match its folder "${folder}" (expected the folder incidents/${yearFolder}/${incident.id}/)`);
  }
  // Every copy is flagged: which one is the newcomer is for the author to say, not the checker.
  const others = (filesById.get(incident.id) ?? []).filter((file) => file !== record.file);
  if (others.length > 0) report(context, record, ['id'], 'id', `"${incident.id}" is also used by ${others.join(', ')} (expected a unique id; take the next number)`);

  if (!context.timeZoneKnown) return;
  const match = INCIDENT_ID.exec(incident.id);
  const startDate = localDateOf(incident.started.getTime(), context.timeZone);
  if (match && `${match[1]}-${match[2]}-${match[3]}` !== startDate) {
    report(context, record, ['id'], 'id', `date part ${match[1]}${match[2]}${match[3]} does not match the start ${startDate} in ${context.timeZone} (expected INC-${startDate.replaceAll('-', '')}-NNN)`);
  }
  if (yearFolder !== startDate.slice(0, 4)) {
    report(context, record, ['started'], 'started', `in ${startDate.slice(0, 4)} but the file is under incidents/${yearFolder}/ (expected incidents/${startDate.slice(0, 4)}/${incident.id}/)`);
  }
}

function checkIncidentReferences(context: RuleContext, record: SourcedRecord<Incident>): void {
  const incident = record.data;
  if (context.severityIds.length > 0 && !context.severityIds.includes(incident.severity)) {
    report(context, record, ['severity'], 'severity', `found "${incident.severity}" (${didYouMean(incident.severity, context.severityIds)}expected one of: ${context.severityIds.join(', ')})`);
  }
  incident.services.forEach((affected, index) => {
    if (context.serviceIds.size > 0 && !context.serviceIds.has(affected.id)) {
      report(context, record, ['services', index, 'id'], `services[${index}].id`, `unknown service "${affected.id}" (${didYouMean(affected.id, [...context.serviceIds])}expected one of the ids in content/services.yaml: ${[...context.serviceIds].join(', ')})`);
    }
  });
}

/** Channel ids once each; every route's channels and severities name ones that exist. */
function checkNotificationRoutes(context: RuleContext, record: SourcedRecord<NotificationsFile>): void {
  const channelIds: string[] = [];
  record.data.channels.forEach((channel, index) => {
    if (channelIds.includes(channel.id)) report(context, record, ['channels', index, 'id'], `channels[${index}].id`, `"${channel.id}" is used twice (expected unique channel ids)`);
    channelIds.push(channel.id);
  });
  record.data.routes.forEach((route, index) => {
    route.channels.forEach((id, position) => {
      if (!channelIds.includes(id)) report(context, record, ['routes', index, 'channels', position], `routes[${index}].channels[${position}]`, `unknown channel "${id}" (${didYouMean(id, channelIds)}expected one of the channels above: ${channelIds.join(', ')})`);
    });
    // Severities and a delay are about incidents: on a route of maintenance notices only they would do nothing.
    if (route.events.every((event) => event.startsWith('maintenance.'))) {
      for (const field of ['severities', 'after'] as const) {
        if (route[field] !== undefined) report(context, record, ['routes', index, field], `routes[${index}].${field}`, `has no effect on maintenance notices (expected ${field} only on a route with incident or postmortem events)`);
      }
    }
    route.severities?.forEach((level, position) => {
      if (context.severityIds.length > 0 && !context.severityIds.includes(level)) {
        report(context, record, ['routes', index, 'severities', position], `routes[${index}].severities[${position}]`, `unknown level "${level}" (${didYouMean(level, context.severityIds)}expected one of the levels in content/severity.yaml: ${context.severityIds.join(', ')})`);
      }
    });
  });
}

type DatedField = readonly [readonly PropertyKey[], Date | undefined];

function checkNotInFuture(context: RuleContext, record: SourcedRecord<unknown>, instants: readonly DatedField[]): void {
  for (const [path, value] of instants) {
    if (value && value.getTime() > context.nowMs) {
      report(context, record, path, fieldPath(path), `${written(context, record, value)} is after now ${written(context, record, new Date(context.nowMs))} (expected nothing dated in the future except maintenance)`);
    }
  }
}

/** Runs every cross-file rule, appending to `problems`. */
export function checkCrossFileRules(files: ContentFiles, problems: Problem[], nowMs: number): void {
  const context: RuleContext = {
    problems,
    nowMs,
    timeZone: files.site?.data.timeZone ?? 'UTC',
    timeZoneKnown: files.site !== undefined,
    refusedFiles: new Set(files.refusedFiles),
    serviceIds: new Set(files.serviceIds),
    severityIds: files.severityIds,
  };

  if (files.services) {
    const record = files.services;
    const groupIds = new Set<string>();
    record.data.groups.forEach((group, index) => {
      if (groupIds.has(group.id)) report(context, record, ['groups', index, 'id'], `groups[${index}].id`, `"${group.id}" is used twice (expected unique group ids)`);
      groupIds.add(group.id);
    });
    record.data.groups.forEach((group, index) => {
      if (group.parent && !groupIds.has(group.parent)) report(context, record, ['groups', index, 'parent'], `groups[${index}].parent`, `unknown group "${group.parent}" (${didYouMean(group.parent, [...groupIds])}expected one of: ${[...groupIds].join(', ')})`);
    });
    const serviceIds = new Set<string>();
    record.data.services.forEach((service, index) => {
      if (serviceIds.has(service.id)) report(context, record, ['services', index, 'id'], `services[${index}].id`, `"${service.id}" is used twice (expected unique service ids)`);
      serviceIds.add(service.id);
      if (!groupIds.has(service.group)) report(context, record, ['services', index, 'group'], `services[${index}].group`, `unknown group "${service.group}" (${didYouMean(service.group, [...groupIds])}expected one of: ${[...groupIds].join(', ')})`);
    });
    checkTrackedSince(context, record);
  }
  if (files.severity) {
    const record = files.severity;
    const seen = new Set<string>();
    record.data.levels.forEach((level, index) => {
      if (seen.has(level.id)) report(context, record, ['levels', index, 'id'], `levels[${index}].id`, `"${level.id}" is used twice (expected unique level ids)`);
      seen.add(level.id);
    });
  }

  if (files.notifications) checkNotificationRoutes(context, files.notifications);

  const filesById = new Map<string, string[]>();
  for (const record of files.incidents) filesById.set(record.data.id, [...(filesById.get(record.data.id) ?? []), record.file]);
  const incidentsById = new Map<string, SourcedRecord<Incident>>();
  for (const record of files.incidents) {
    checkIncidentIdentity(context, record, filesById);
    checkIncidentReferences(context, record);
    checkIncidentLifecycle(context, record);
    checkIncidentContradictions(context, record);
    checkNotInFuture(context, record, [
      [['started'], record.data.started],
      [['detected'], record.data.detected],
      [['resolved'], record.data.resolved],
      ...record.data.updates.map((update, index) => [['updates', index, 'at'], update.at] as const),
      ...record.data.services.flatMap((affected, index) =>
        windowsOf(affected, index).flatMap((window) => [[window.startPath, window.start] as const, [window.endPath, window.end] as const]),
      ),
    ]);
    incidentsById.set(record.data.id, record);
  }

  for (const record of files.postmortems) {
    const postmortem = record.data;
    const folder = record.file.split('/')[2];
    const incident = incidentsById.get(postmortem.incident);
    if (postmortem.incident !== folder) {
      report(context, record, ['incident'], 'incident', `"${postmortem.incident}" does not match its folder "${folder}" (expected the id of the incident beside it: ${folder})`);
    } else if (!incident && !context.refusedFiles.has(record.file.replace(/postmortem\.md$/, 'index.md'))) {
      // An index.md refused for its own mistakes is reported there; saying here that it is missing would be false.
      report(context, record, ['incident'], 'incident', `no incident "${postmortem.incident}" (expected an index.md beside the postmortem with that id)`);
    }
    if (incident && incident.data.id === postmortem.incident && incident.data.severity !== postmortem.severity) {
      report(context, record, ['severity'], 'severity', `"${postmortem.severity}" differs from the incident's "${incident.data.severity}" (expected the incident's severity)`);
    }
    if (context.severityIds.length > 0 && !context.severityIds.includes(postmortem.severity)) {
      report(context, record, ['severity'], 'severity', `found "${postmortem.severity}" (${didYouMean(postmortem.severity, context.severityIds)}expected one of: ${context.severityIds.join(', ')})`);
    }
    postmortem.impact.technical.services.forEach((id, index) => {
      if (context.serviceIds.size > 0 && !context.serviceIds.has(id)) {
        report(context, record, ['impact', 'technical', 'services', index], `impact.technical.services[${index}]`, `unknown service "${id}" (${didYouMean(id, [...context.serviceIds])}expected one of the ids in content/services.yaml: ${[...context.serviceIds].join(', ')})`);
      }
    });
    const itemIds = new Map<string, string>();
    for (const list of ['immediate', 'longTerm'] as const) {
      postmortem.actionItems[list].forEach((item, index) => {
        const where = `actionItems.${list}[${index}]`;
        const earlier = itemIds.get(item.id);
        if (earlier) report(context, record, ['actionItems', list, index, 'id'], `${where}.id`, `"${item.id}" is already used by ${earlier} (expected unique action item ids within a postmortem)`);
        else itemIds.set(item.id, where);
      });
    }
    checkPostmortemDates(context, record, incident && incident.data.id === postmortem.incident ? incident : undefined);
    checkPostmortemPublication(context, record, incident && incident.data.id === postmortem.incident ? incident : undefined);
    checkNotInFuture(context, record, postmortem.timeline.map((row, index) => [['timeline', index, 'at'], row.at] as const));
    if (postmortem.status === 'published') {
      // The template's review step (审核人员) comes before publication: a report nobody reviewed is a draft.
      if (postmortem.reviewers.length === 0) report(context, record, ['reviewers'], 'reviewers', 'is empty on a published postmortem (expected the people who reviewed it, such as ["@cto", "@sre"], or status: draft until someone has)');
      for (const [path, value] of placeholdersIn(record.source.data)) {
        report(context, record, path, fieldPath(path), `still reads ${JSON.stringify(value.slice(0, 60))} (expected the section written before the postmortem is published, or status: draft)`);
      }
      const bodyLine = firstPlaceholderLine(record.body);
      if (bodyLine !== undefined) {
        const line = record.body.split('\n')[bodyLine - 1]!.trim();
        context.problems.push({ file: record.file, line: record.source.bodyLine + bodyLine - 1, field: 'body', message: `still reads ${JSON.stringify(line.slice(0, 60))} (expected the summary written before the postmortem is published, or status: draft)` });
      }
    }
  }

  const maintenanceIds = new Set<string>();
  for (const record of files.maintenance) {
    const window = record.data;
    const fileId = record.file.split('/').pop()!.replace(/\.md$/, '');
    if (window.id !== fileId) report(context, record, ['id'], 'id', `"${window.id}" does not match the file name "${fileId}.md" (expected id: ${fileId})`);
    if (maintenanceIds.has(window.id)) report(context, record, ['id'], 'id', `"${window.id}" is used twice (expected unique maintenance ids)`);
    maintenanceIds.add(window.id);
    if (window.end.getTime() <= window.start.getTime()) {
      report(context, record, ['end'], 'end', `${written(context, record, window.end)} is not after start ${written(context, record, window.start)} (expected the end after the start)`);
    }
    window.services.forEach((id, index) => {
      if (context.serviceIds.size > 0 && !context.serviceIds.has(id)) {
        report(context, record, ['services', index], `services[${index}]`, `unknown service "${id}" (${didYouMean(id, [...context.serviceIds])}expected one of the ids in content/services.yaml: ${[...context.serviceIds].join(', ')})`);
      }
    });    checkMaintenanceUpdates(context, record);
  }
  for (const record of files.incidents) checkMaintenanceCause(context, record, files.maintenance);
  checkDataLoss(context, files.incidents, files.postmortems);
}

/**
 * Data loss is judged per service against its RPO, so it is written under the service that lost data. An
 * incident-level `dataLoss:` is read only where it is unambiguous (one affected service, without its own). A
 * postmortem states the loss again (`impact.technical.dataLoss`); the two must agree, its window being the
 * largest loss of any service, and the message names both files' lines.
 */
function checkDataLoss(context: RuleContext, incidents: readonly SourcedRecord<Incident>[], postmortems: readonly SourcedRecord<Postmortem>[]): void {
  const unambiguous = new Set<SourcedRecord<Incident>>();
  for (const record of incidents) {
    const incident = record.data;
    const ids = incident.services.map((affected) => affected.id);
    if (incident.dataLoss !== undefined && incident.services.length > 1) {
      report(context, record, ['dataLoss'], 'dataLoss', `${formatCompactDuration(incident.dataLoss)} is written for the whole incident, which affects ${ids.length} services (${ids.join(', ')}) (expected dataLoss: under each service that lost data, as services[0].dataLoss; a service without it lost nothing)`);
    } else if (incident.dataLoss !== undefined && incident.services[0]?.dataLoss !== undefined) {
      report(context, record, ['dataLoss'], 'dataLoss', `${formatCompactDuration(incident.dataLoss)} is written for the whole incident and again under "${ids[0]}" (expected it once, under the service)`);
    } else {
      unambiguous.add(record);
    }
  }
  // Looked up by the file beside the postmortem, once per postmortem: a site has thousands of each.
  const incidentsByFile = new Map(incidents.map((record) => [record.file, record]));
  for (const record of postmortems) {
    const incident = incidentsByFile.get(record.file.replace(/postmortem\.md$/, 'index.md'));
    if (!incident || incident.data.id !== record.data.incident || !unambiguous.has(incident)) continue;
    const stated = record.data.impact.technical.dataLoss;
    const losses = incident.data.services.map((affected, index) => ({ affected, lostMs: dataLossMs(incident.data, affected), path: affected.dataLoss !== undefined ? ['services', index, 'dataLoss'] : ['dataLoss'] }));
    const largest = losses.filter((loss) => loss.lostMs > 0).sort((a, b) => b.lostMs - a.lostMs)[0];
    const where = (path: readonly PropertyKey[]) => `${incident.file}:${incident.source.lineOf(path)}`;
    if (stated.lost && !largest) {
      report(context, record, ['impact', 'technical', 'dataLoss', 'lost'], 'impact.technical.dataLoss.lost', `true, but no affected service of ${incident.data.id} lost data (${where(['services'])} has no dataLoss:) (expected lost: false, or dataLoss: under the service that lost data in the incident)`);
    } else if (!stated.lost && largest) {
      report(context, record, ['impact', 'technical', 'dataLoss', 'lost'], 'impact.technical.dataLoss.lost', `false, but "${largest.affected.id}" lost ${formatCompactDuration(largest.lostMs)} at ${where(largest.path)} (expected lost: true with window: ${formatCompactDuration(largest.lostMs)}, or no dataLoss: in the incident)`);
    } else if (stated.lost && largest && stated.window !== undefined && stated.window !== largest.lostMs) {
      report(context, record, ['impact', 'technical', 'dataLoss', 'window'], 'impact.technical.dataLoss.window', `${formatCompactDuration(stated.window)} differs from the incident's largest loss, "${largest.affected.id}" ${formatCompactDuration(largest.lostMs)} at ${where(largest.path)} (expected the same window in both files)`);
    }
  }
}

/**
 * A window's updates tell its story in order, moving forward, none after now; the first saying the work started is
 * not before the window's start, and the first saying it completed not before its end (work begun early or done
 * early moves start or end with it, as the commands do; a note posted a few minutes into the window, or after it,
 * is simply later), and only a window marked `cancelled: true` says it was cancelled.
 */
function checkMaintenanceUpdates(context: RuleContext, record: SourcedRecord<Maintenance>): void {
  const window = record.data;
  checkNotInFuture(context, record, window.updates.map((update, index) => [['updates', index, 'at'], update.at] as const));
  let previous: Maintenance['updates'][number] | undefined;
  window.updates.forEach((update, index) => {
    const field = `updates[${index}]`;
    if (previous && update.at.getTime() < previous.at.getTime()) {
      report(context, record, ['updates', index, 'at'], `${field}.at`, `${written(context, record, update.at)} is before the previous update ${written(context, record, previous.at)} (expected updates in time order, oldest first)`);
    }
    const problem = previous ? maintenanceMoveProblem(previous.status, update.status) : undefined;
    if (problem) report(context, record, ['updates', index, 'status'], `${field}.status`, problem);
    if (update.status === 'in_progress' && previous?.status !== 'in_progress' && update.at.getTime() < window.start.getTime()) {
      report(context, record, ['updates', index, 'at'], `${field}.at`, `${written(context, record, update.at)} says the work started, before start ${written(context, record, window.start)} (expected start: to be when the work began; npm run maintenance:update -- ${window.id} --action start sets both)`);
    }
    if (update.status === 'completed' && previous?.status !== 'completed' && update.at.getTime() < window.end.getTime()) {
      report(context, record, ['updates', index, 'at'], `${field}.at`, `${written(context, record, update.at)} says the work completed, before end ${written(context, record, window.end)} (expected end: to be when the work completed; npm run maintenance:update -- ${window.id} --action complete sets both)`);
    }
    if (update.status === 'cancelled' && !window.cancelled) {
      report(context, record, ['updates', index, 'status'], `${field}.status`, 'says the window was cancelled, but cancelled: is not true (expected cancelled: true beside it; npm run maintenance:update -- <id> --action cancel sets both)');
    }
    previous = update;
  });
}

/**
 * An incident that names a maintenance window as its cause has its downtime inside that window excused, so the
 * link must point at a real, held window that the incident overlaps. A service the window did not announce is
 * not excused by it (its downtime counts in full), which needs no message.
 */
function checkMaintenanceCause(context: RuleContext, record: SourcedRecord<Incident>, maintenance: readonly SourcedRecord<Maintenance>[]): void {
  const incident = record.data;
  if (incident.maintenance === undefined) return;
  const windowRecord = maintenance.find((candidate) => candidate.data.id === incident.maintenance);
  const window = windowRecord?.data;
  if (!windowRecord && context.refusedFiles.has(`content/maintenance/${incident.maintenance}.md`)) return;
  if (!windowRecord || !window) {
    const ids = maintenance.map((candidate) => candidate.data.id);
    report(context, record, ['maintenance'], 'maintenance', `unknown maintenance window "${incident.maintenance}" (expected the id of a file in content/maintenance/${ids.length > 0 ? `: ${ids.join(', ')}` : ', and there is none'})`);
    return;
  }
  if (window.cancelled) {
    report(context, record, ['maintenance'], 'maintenance', `"${window.id}" was cancelled, so no planned work ran (expected the window whose work caused this incident, or no maintenance field)`);
    return;
  }
  const end = incident.resolved ?? new Date(context.nowMs);
  if (incident.started.getTime() >= window.end.getTime() || end.getTime() <= window.start.getTime()) {
    report(context, record, ['maintenance'], 'maintenance', `"${window.id}" ran ${written(context, windowRecord, window.start)} to ${written(context, windowRecord, window.end)}, which this incident does not overlap (expected the window whose work caused it)`);
  }
}

/**
 * Facts an incident states twice must agree: `resolved:` is the instant of the "resolved" update that ended the incident, detection
 * comes before the resolution, and a service's impact that starts at or after the resolution (its end defaults
 * to it) would be a window that ends before it starts.
 */
function checkIncidentContradictions(context: RuleContext, record: SourcedRecord<Incident>): void {
  const incident = record.data;
  const resolved = incident.resolved;
  const latest = incident.updates[incident.updates.length - 1]!;
  if (!resolved) return;
  // Asked only for a message: a kept file's lines are read again from its text when asked.
  const resolvedLine = () => record.source.lineOf(['resolved']);
  // The resolution is the first resolved update since the last reopening: a later one is a further note on a
  // resolved incident (new:update without --status), which leaves the resolution where it was.
  const lastReopenIndex = incident.updates.findLastIndex((update) => update.status === 'reopened');
  const resolutionIndex = incident.updates.findIndex((update, index) => index > lastReopenIndex && update.status === 'resolved');
  if (isFinished(latest.status) && resolutionIndex >= 0) {
    const update = incident.updates[resolutionIndex]!;
    if (update.at.getTime() !== resolved.getTime()) {
      report(context, record, ['resolved'], 'resolved', `${written(context, record, resolved)} differs from the resolved update at line ${record.source.lineOf(['updates', resolutionIndex, 'at'])} (${written(context, record, update.at)}) (expected the instant of the resolved update that ended the incident)`);
    }
  }
  // A resolution at or before the start is already reported against `resolved`, which is then the likely typo.
  if (resolved.getTime() > incident.started.getTime() && incident.detected.getTime() > resolved.getTime()) {
    report(context, record, ['detected'], 'detected', `${written(context, record, incident.detected)} is after the incident resolved at line ${resolvedLine()} (${written(context, record, resolved)}) (expected detection before the resolution)`);
  }
  incident.services.forEach((affected, index) => {
    const last = windowsOf(affected, index).at(-1)!;
    if (last.start && !last.end && last.start.getTime() >= resolved.getTime()) {
      report(context, record, last.startPath, last.startField, `${written(context, record, last.start)} is at or after the incident resolved at line ${resolvedLine()} (${written(context, record, resolved)}), so its impact would end before it starts (expected a start before the resolution, or its own end)`);
    }
  });
}

/**
 * Dates in a postmortem the feeds and pages take as facts: no action item is due before the incident began, and
 * the postmortem is not dated in the future (it would sit at the top of every feed until that day).
 */
function checkPostmortemDates(context: RuleContext, record: SourcedRecord<Postmortem>, incident: SourcedRecord<Incident> | undefined): void {
  const postmortem = record.data;
  if (!context.timeZoneKnown) return;
  const today = localDateOf(context.nowMs, context.timeZone);
  if (postmortem.date > today) {
    report(context, record, ['date'], 'date', `${postmortem.date} is after today, ${today} in ${context.timeZone} (expected the day the postmortem was written, not a future date)`);
  }
  if (!incident) return;
  const startDate = localDateOf(incident.data.started.getTime(), context.timeZone);
  const startedAt = () => `${incident.file}:${incident.source.lineOf(['started'])}`;
  for (const list of ['immediate', 'longTerm'] as const) {
    postmortem.actionItems[list].forEach((item, index) => {
      if (item.due < startDate) {
        report(context, record, ['actionItems', list, index, 'due'], `actionItems.${list}[${index}].due`, `${item.due} is before the incident started on ${startDate} (${startedAt()}) (expected a due date on or after the incident's start)`);
      }
    });
  }
}

/**
 * `published` is the instant the feeds date the postmortem by, so it must be one that happened: on a published
 * postmortem only, not after now, and not before the incident was first resolved (a postmortem explains an
 * outage that is over). The first resolution, so a later reopen does not make an honest instant wrong.
 */
function checkPostmortemPublication(context: RuleContext, record: SourcedRecord<Postmortem>, incident: SourcedRecord<Incident> | undefined): void {
  const published = record.data.published;
  if (!published) return;
  if (record.data.status !== 'published') {
    report(context, record, ['published'], 'published', `set on a postmortem with status "${record.data.status}" (expected published only with status: published; npm run publish:postmortem sets both)`);
    return;
  }
  if (published.getTime() > context.nowMs) {
    report(context, record, ['published'], 'published', `${written(context, record, published)} is after now ${written(context, record, context.nowMs)} (expected the instant the postmortem was published, not a future one)`);
  }
  if (!incident) return;
  const resolution = firstResolution(incident.data);
  if (!resolution) {
    report(context, record, ['published'], 'published', `${written(context, record, published)} is before the incident was resolved: ${incident.data.id} has no resolved update yet (${incident.file}) (expected the postmortem published after the resolution)`);
    return;
  }
  if (published.getTime() < resolution.getTime()) {
    const index = incident.data.updates.findIndex((update) => update.at.getTime() === resolution.getTime() && FINISHED_STATUSES.includes(update.status));
    const line = incident.source.lineOf(index >= 0 ? ['updates', index, 'at'] : ['resolved']);
    report(context, record, ['published'], 'published', `${written(context, record, published)} is before the incident was resolved at ${incident.file}:${line} (${written(context, incident, resolution)}) (expected the postmortem published after the resolution)`);
  }
}

/**
 * A service tracked from a future day would show no data at all, and its figures would be over nothing: `since`
 * is when tracking began, so it is today at the latest.
 */
function checkTrackedSince(context: RuleContext, record: SourcedRecord<ServicesFile>): void {
  record.data.services.forEach((service, index) => {
    const since = service.since;
    if (!since) return;
    const path = ['services', index, 'since'];
    if ('at' in since && since.at.getTime() > context.nowMs) {
      report(context, record, path, fieldPath(path), `${written(context, record, since.at)} is after now ${written(context, record, context.nowMs)} (expected when tracking began, not a future instant)`);
    }
    if ('date' in since && context.timeZoneKnown) {
      const today = localDateOf(context.nowMs, context.timeZone);
      if (since.date > today) report(context, record, path, fieldPath(path), `${since.date} is after today, ${today} in ${context.timeZone} (expected the day tracking began, not a future date)`);
    }
  });
}
