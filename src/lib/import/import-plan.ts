// From another status page's record (source-record.ts) to aftermath files: which services and groups to add,
// each incident's id, severity, services, updates and resolution as the check's rules want them, each maintenance
// window, and a note for everything the source says that the files cannot keep as it was.
import { posix } from 'node:path';
import { stringify } from 'yaml';
import type { IncidentStatus } from '../../schemas/incident.ts';
import type { MaintenanceStatus } from '../../schemas/maintenance.ts';
import { maintenanceMoveProblem } from '../status/maintenance-lifecycle.ts';
import type { Locale } from '../../schemas/site.ts';
import type { SeverityLevel } from '../../schemas/severity.ts';
import { impactOf, type StatuspageImpact } from '../api/statuspage-mapping.ts';
import { incidentFile, maintenanceFile, maintenanceId, nextIncidentId } from '../edits/content-paths.ts';
import { idFromName } from '../edits/site-scaffold.ts';
import { isFinished, statusMoveProblem } from '../incidents/incident-lifecycle.ts';
import { instantText, toSecond } from '../time/written-instants.ts';
import { importableMarkdown, importablePlainText, importableTitle } from './importable-text.ts';
import type { ImportNote, SourceAffected, SourceIncident, SourceMaintenance, SourceRecord, SourceWindow } from './source-record.ts';

/** A group or service already in the site, by id and every name it goes by. */
export interface KnownEntry {
  id: string;
  name: string;
  names?: Partial<Record<Locale, string>>;
}

/** What the import builds on: the site's settings and what it already holds. */
export interface ImportSite {
  timeZone: string;
  locale: Locale;
  nowMs: number;
  /** Most severe first; only the ids and their Statuspage impacts matter here. */
  levels: readonly Pick<SeverityLevel, 'id' | 'statuspageImpact'>[];
  groups: readonly KnownEntry[];
  services: readonly KnownEntry[];
  incidentIds: readonly string[];
  /** Every incident already in the site that was imported, by its `importedFrom:`: its id and latest update. */
  importedIncidents: ReadonlyMap<string, { id: string; latestUpdateMs: number }>;
  /** When the site's services are tracked from (`since:` as the instant of its midnight or the instant given). */
  trackedSinceMs?: ReadonlyMap<string, number>;
  maintenanceIds: ReadonlySet<string>;
  importedMaintenance: ReadonlySet<string>;
}

export interface ImportChoices {
  /** Recovery and availability targets for new services: neither Statuspage nor cState records them. */
  targets: { rto: string; rpo: string; availability: string };
  /** A severity level for each of the source's severity words given with --severity (`down` → `P1`). */
  severity: Readonly<Record<string, string>>;
}

export interface PlannedGroup {
  id: string;
  name: string;
  description?: string;
}

export interface PlannedService {
  id: string;
  name: string;
  group: string;
  description?: string;
  rto: string;
  rpo: string;
  availability: string;
  since?: string;
  showOnlyWhenImpaired?: boolean;
}

export interface ImportPlan {
  groups: PlannedGroup[];
  services: PlannedService[];
  /** New incident and maintenance files, by path in the site, with where in the source each came from. */
  files: { file: string; text: string; from: string }[];
  notes: ImportNote[];
  counts: {
    servicesMatched: number;
    incidentsWritten: number;
    incidentsAlready: number;
    incidentsLeftOut: number;
    maintenanceWritten: number;
    maintenanceAlready: number;
    maintenanceLeftOut: number;
  };
}

const WORDS: Record<Locale, { resolved: string; services: string; status: Record<IncidentStatus, string>; maintenance: Record<MaintenanceStatus, string> }> = {
  en: {
    maintenance: { scheduled: 'Scheduled.', in_progress: 'The maintenance has started.', verifying: 'Verifying.', completed: 'The maintenance is complete.', cancelled: 'Cancelled.' },
    resolved: 'Resolved.',
    services: 'Services',
    status: { detecting: 'Detecting.', investigating: 'Investigating.', fixing: 'Identified; a fix is in progress.', monitoring: 'Monitoring.', resolved: 'Resolved.', closed: 'Closed.', reopened: 'Reopened.' },
  },
  'zh-CN': {
    maintenance: { scheduled: '已计划。', in_progress: '维护已开始。', verifying: '验证中。', completed: '维护已完成。', cancelled: '已取消。' },
    resolved: '已解决。',
    services: '服务',
    status: { detecting: '发现中。', investigating: '调查中。', fixing: '已定位，正在修复。', monitoring: '观察中。', resolved: '已解决。', closed: '已关闭。', reopened: '已重新打开。' },
  },
};

const IMPACTS_DOWNWARD: readonly StatuspageImpact[] = ['critical', 'major', 'minor', 'none'];

/**
 * The level for a source impact when --severity does not name one: the most severe level whose Statuspage impact
 * (content/severity.yaml) is that impact, else the nearest lower one; `none` (no impact) is the least severe level.
 */
export function defaultLevel(impact: StatuspageImpact, levels: ImportSite['levels']): string {
  if (impact === 'none') return levels[levels.length - 1]!.id;
  for (const wanted of IMPACTS_DOWNWARD.slice(IMPACTS_DOWNWARD.indexOf(impact))) {
    const level = levels.find((candidate) => impactOf(candidate.id, levels) === wanted);
    if (level) return level.id;
  }
  return levels[levels.length - 1]!.id;
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function knownMatch(entries: readonly KnownEntry[], name: string): KnownEntry | undefined {
  const id = idFromName(name);
  return entries.find((entry) => entry.id === id || sameName(entry.name, name) || Object.values(entry.names ?? {}).some((other) => other !== undefined && sameName(other, name)));
}

/** `base`, else `base-2`, `base-3`…: the first id not taken. */
function freeId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

interface PlannedUpdate {
  atMs: number;
  status: IncidentStatus;
  message: string;
}

const yaml = (value: unknown) => stringify(value, { lineWidth: 0 });

/** The timeline as aftermath's rules want it: every update timed, in order, statuses moving forward, then resolved. */
function plannedUpdates(incident: SourceIncident, site: ImportSite, note: (kind: ImportNote['kind'], what: string) => void): { updates: PlannedUpdate[]; startedMs: number } {
  const { timeZone, nowMs, locale } = site;
  const framed = incident.updateTimes === 'within front matter';
  const startedMs = toSecond(incident.startedMs);
  const frameEnd = Math.min(toSecond(incident.resolvedMs ?? nowMs), toSecond(nowMs));
  const at = (ms: number) => instantText(ms, timeZone);

  let previousAt: number | undefined;
  const timed = incident.updates.map((update, index) => {
    const finishing = update.status !== undefined && isFinished(update.status);
    let atMs = update.atMs === undefined ? undefined : toSecond(update.atMs);
    if (atMs === undefined) {
      atMs = index === 0 ? startedMs : finishing && incident.resolvedMs !== undefined ? toSecond(incident.resolvedMs) : (previousAt ?? startedMs);
      note('assumed', `update "${update.label}" has no time; placed at ${at(atMs)}`);
    } else if (framed && atMs < startedMs) {
      const moved = finishing ? frameEnd : startedMs;
      note('changed', `update "${update.label}" is timed ${at(atMs)}, before the incident's start ${at(startedMs)}; placed at ${at(moved)}`);
      atMs = moved;
    } else if (framed && atMs > frameEnd) {
      note('changed', `update "${update.label}" is timed ${at(atMs)}, after the incident ${incident.resolvedMs === undefined ? 'as of now' : 'resolved'} ${at(frameEnd)}; placed at ${at(frameEnd)}`);
      atMs = frameEnd;
    }
    if (atMs > nowMs) {
      note('changed', `update "${update.label}" is timed ${at(atMs)}, after now; placed at now`);
      atMs = toSecond(nowMs);
    }
    previousAt = atMs;
    return { ...update, atMs };
  });
  // The source's order is kept for updates at the same instant (a stable sort).
  timed.sort((a, b) => a.atMs - b.atMs);

  const updates: PlannedUpdate[] = [];
  for (const update of timed) {
    const previous = updates[updates.length - 1]?.status;
    let status: IncidentStatus = update.status ?? previous ?? 'investigating';
    if (previous !== undefined && statusMoveProblem(previous, status) !== undefined) {
      if (isFinished(previous) && !isFinished(status)) {
        note('changed', `update "${update.label}" at ${at(update.atMs)} follows "${previous}"; recorded as "reopened"`);
        status = 'reopened';
      } else {
        note('changed', `update "${update.label}" at ${at(update.atMs)} goes back from "${previous}" to "${status}"; recorded as "${previous}" (aftermath's statuses only move forward)`);
        status = previous;
      }
    } else if (previous === undefined && status === 'reopened') {
      status = 'investigating';
    }
    const message = importableMarkdown(update.message);
    for (const change of message.changes) note('changed', `update "${update.label}" at ${at(update.atMs)}: ${change}`);
    let text = message.text;
    if (text === '') {
      text = WORDS[locale].status[status];
      note('assumed', `update "${update.label}" at ${at(update.atMs)} has no text; it reads "${text}"`);
    }
    updates.push({ atMs: update.atMs, status, message: text });
  }

  if (updates.length === 0) {
    updates.push({ atMs: startedMs, status: 'investigating', message: WORDS[locale].status.investigating });
    note('assumed', `no updates in the source; a first update reading "${WORDS[locale].status.investigating}" was added at ${at(startedMs)}`);
  }
  const latest = updates[updates.length - 1];
  if (incident.resolvedMs !== undefined && (latest === undefined || !isFinished(latest.status))) {
    const atMs = Math.max(framed ? frameEnd : toSecond(incident.resolvedMs), latest?.atMs ?? startedMs);
    updates.push({ atMs, status: 'resolved', message: WORDS[locale].resolved });
    note('assumed', `resolved at ${at(atMs)} with no resolving update in the source; a "resolved" update reading "${WORDS[locale].resolved}" was added`);
  }
  return { updates, startedMs: framed ? startedMs : Math.min(startedMs, updates[0]!.atMs) };
}

/** Where aftermath's rules place the resolution: the first resolved update since the last reopening. */
function resolutionIndex(updates: readonly PlannedUpdate[]): number | undefined {
  if (!isFinished(updates[updates.length - 1]!.status)) return undefined;
  const lastReopen = updates.findLastIndex((update) => update.status === 'reopened');
  const resolved = updates.findIndex((update, index) => index > lastReopen && update.status === 'resolved');
  return resolved >= 0 ? resolved : updates.findIndex((update, index) => index > lastReopen && isFinished(update.status));
}

/**
 * The stretches the incident was open, as aftermath reads them (activePeriods in incident-timeline.ts): from the
 * start to the first finishing update, and from each reopening to the next; the last ends at the resolution.
 */
function openPeriods(updates: readonly PlannedUpdate[], startedMs: number, resolvedMs: number | undefined): SourceWindow[] {
  const periods: SourceWindow[] = [];
  let openedAt: number | undefined = startedMs;
  for (const update of updates) {
    if (openedAt !== undefined && isFinished(update.status)) {
      periods.push({ startMs: openedAt, endMs: Math.max(openedAt, update.atMs) });
      openedAt = undefined;
    } else if (openedAt === undefined && update.status === 'reopened') openedAt = update.atMs;
  }
  const last = openedAt ?? periods.pop()!.startMs;
  periods.push(resolvedMs === undefined ? { startMs: last } : { startMs: last, endMs: Math.max(last, resolvedMs) });
  return periods;
}

/**
 * A service's windows within the times the incident was open (a window across a resolution and its reopening is
 * split in two), merged and ordered; undefined when it was impaired throughout.
 */
function plannedWindows(windows: readonly SourceWindow[] | undefined, periods: readonly SourceWindow[], startedMs: number, resolvedMs: number | undefined): { windows?: SourceWindow[]; dropped: boolean } {
  if (!windows || windows.length === 0) return { dropped: false };
  const clipped = windows
    .flatMap((window) =>
      periods.map((period) => {
        const endMs = window.endMs === undefined ? period.endMs : period.endMs === undefined ? toSecond(window.endMs) : Math.min(toSecond(window.endMs), period.endMs);
        return { startMs: Math.max(toSecond(window.startMs), period.startMs), endMs };
      }),
    )
    .filter((window) => window.endMs === undefined || window.endMs > window.startMs)
    .sort((a, b) => a.startMs - b.startMs);
  const merged: SourceWindow[] = [];
  for (const window of clipped) {
    const last = merged[merged.length - 1];
    if (last && (last.endMs === undefined || window.startMs < last.endMs)) {
      last.endMs = last.endMs === undefined || window.endMs === undefined ? undefined : Math.max(last.endMs, window.endMs);
    } else merged.push({ ...window });
  }
  // Only the last window may run to the resolution.
  const open = merged.findIndex((window) => window.endMs === undefined);
  if (open >= 0) merged.splice(open + 1);
  if (merged.length === 0) return { dropped: true };
  const lastWindow = merged[merged.length - 1]!;
  if (resolvedMs !== undefined && lastWindow.endMs === resolvedMs) delete lastWindow.endMs;
  const whole = merged.length === 1 && merged[0]!.startMs === startedMs && merged[0]!.endMs === undefined;
  return whole ? { dropped: false } : { windows: merged, dropped: false };
}

function serviceEntry(affected: SourceAffected & { id: string }, periods: readonly SourceWindow[], startedMs: number, resolvedMs: number | undefined, timeZone: string, note: (kind: ImportNote['kind'], what: string) => void): Record<string, unknown> {
  const entry: Record<string, unknown> = { id: affected.id, impact: affected.impact };
  const planned = plannedWindows(affected.windows, periods, startedMs, resolvedMs);
  if (planned.dropped) note('changed', `the times "${affected.id}" was impaired fall outside the times the incident was open; it counts as impaired for the whole incident`);
  const windows = planned.windows;
  if (!windows) return entry;
  if (windows.length === 1) {
    const [window] = windows as [SourceWindow];
    if (window.startMs !== startedMs) entry.start = instantText(window.startMs, timeZone);
    if (window.endMs !== undefined) entry.end = instantText(window.endMs, timeZone);
    return entry;
  }
  entry.windows = windows.map((window) => ({ start: instantText(window.startMs, timeZone), ...(window.endMs === undefined ? {} : { end: instantText(window.endMs, timeZone) }) }));
  return entry;
}

/** Every file and settings change an import makes, or leaves out with a note; writes nothing itself. */
export function planImport(record: SourceRecord, site: ImportSite, choices: ImportChoices): ImportPlan {
  const notes: ImportNote[] = [...record.notes];
  const { timeZone, locale } = site;

  // Groups and services: the site's own when a name or id matches, new ones otherwise.
  const groupIds = new Set(site.groups.map((group) => group.id));
  const serviceIds = new Set(site.services.map((service) => service.id));
  const groups: PlannedGroup[] = [];
  const services: PlannedService[] = [];
  const groupIdOfKey = new Map<string | undefined, string>();
  const groupIdFor = (key: string | undefined): string => {
    const known = groupIdOfKey.get(key);
    if (known) return known;
    const source = key === undefined ? undefined : record.groups.find((group) => group.key === key);
    const written = importableTitle(source?.name ?? WORDS[locale].services);
    const name = written.text;
    for (const change of written.changes) notes.push({ where: `group "${source?.name ?? name}"`, kind: 'changed', what: change });
    const match = knownMatch([...site.groups, ...groups], name);
    const id = match?.id ?? freeId(idFromName(name) || 'group', groupIds);
    const description = source?.description ? importablePlainText(source.description) : '';
    if (!match) groups.push({ id, name, ...(description ? { description } : {}) });
    groupIdOfKey.set(key, id);
    return id;
  };
  const serviceIdOfKey = new Map<string, string>();
  let servicesMatched = 0;
  const sameNamed = (name: string) => record.services.filter((other) => sameName(other.name, name)).length;
  for (const service of record.services) {
    // Two of the source's services with one name stay two, each named with its group ("API Requests (EU Region)");
    // the site's own service of that name (as an earlier import wrote it) is this one.
    const groupName = service.groupKey === undefined ? undefined : record.groups.find((group) => group.key === service.groupKey)?.name;
    const shared = sameNamed(service.name) > 1;
    const shownName = shared && groupName ? `${service.name} (${groupName})` : service.name;
    const match = knownMatch(site.services, shownName);
    if (match) {
      serviceIdOfKey.set(service.key, match.id);
      servicesMatched += 1;
      continue;
    }
    const id = freeId(idFromName(shownName) || idFromName(service.key) || 'service', serviceIds);
    serviceIdOfKey.set(service.key, id);
    if (shared) notes.push({ where: `service "${service.name}"`, kind: 'changed', what: `another service of the source has the same name; this one is "${shownName}" (${id})` });
    const name = importableTitle(shownName);
    for (const change of name.changes) notes.push({ where: `service "${service.name}"`, kind: 'changed', what: change });
    services.push({
      id,
      name: name.text,
      group: groupIdFor(service.groupKey),
      ...(service.description && importablePlainText(service.description) ? { description: importablePlainText(service.description) } : {}),
      ...choices.targets,
      ...(service.since ? { since: service.since } : {}),
      ...(service.showOnlyWhenImpaired ? { showOnlyWhenImpaired: true } : {}),
    });
  }
  if (services.length > 0) {
    const { rto, rpo, availability } = choices.targets;
    notes.push({ where: 'content/services.yaml', kind: 'assumed', what: `${services.length} new service${services.length === 1 ? '' : 's'} (${services.map((service) => service.id).join(', ')}): the source records no recovery or availability targets; set rto ${rto}, rpo ${rpo}, availability ${availability} (edit them, or pass --rto, --rpo, --availability)` });
  }

  const files: ImportPlan['files'] = [];
  const incidentIds = [...site.incidentIds];
  let incidentsAlready = 0;
  let incidentsLeftOut = record.leftOut.incidents;
  const sorted = [...record.incidents].sort((a, b) => a.startedMs - b.startedMs);
  const plannedStarts: { startedMs: number; serviceIds: string[] }[] = [];
  for (const incident of sorted) {
    const already = site.importedIncidents.get(incident.source);
    if (already) {
      incidentsAlready += 1;
      const newer = incident.updates.filter((update) => update.atMs !== undefined && toSecond(update.atMs) > already.latestUpdateMs);
      if (newer.length > 0) {
        notes.push({ where: `${incident.where} → ${already.id}`, kind: 'not imported', what: `already imported; the source has ${newer.length} update${newer.length === 1 ? '' : 's'} after the file's latest (${newer.map((update) => `"${update.label}" at ${instantText(update.atMs!, timeZone)}`).join(', ')}), not added: post ${newer.length === 1 ? 'it' : 'them'} with npm run new:update -- ${already.id}, or delete the file and import again` });
      }
      continue;
    }
    if (incident.startedMs > site.nowMs) {
      incidentsLeftOut += 1;
      notes.push({ where: incident.where, kind: 'not imported', what: `starts ${instantText(incident.startedMs, timeZone)}, after now (an incident records what has happened; an announcement of planned work is a maintenance window: npm run new:maintenance); not imported` });
      continue;
    }
    const incidentNotes: ImportNote[] = [];
    const note = (kind: ImportNote['kind'], what: string) => incidentNotes.push({ where: incident.where, kind, what });
    const affected = incident.affected.flatMap((entry) => {
      // cState's affected names its systems in any case (its own pages compare them lower-cased).
      const id = serviceIdOfKey.get(entry.serviceKey) ?? serviceIdOfKey.get([...serviceIdOfKey.keys()].find((key) => sameName(key, entry.serviceKey)) ?? '');
      if (id === undefined) {
        note('not imported', `affected "${entry.serviceKey}" is not a service of the source; left out of the incident`);
        return [];
      }
      return [{ ...entry, id }];
    });
    if (affected.length === 0) {
      incidentsLeftOut += 1;
      notes.push(...incidentNotes, { where: incident.where, kind: 'not imported', what: 'names no affected service (an aftermath incident needs at least one); not imported' });
      continue;
    }
    const { updates, startedMs } = plannedUpdates(incident, site, note);
    const resolution = resolutionIndex(updates);
    if (resolution !== undefined && updates[resolution]!.atMs <= startedMs) {
      // A resolution at its own start has no duration to show; a minute later keeps the record readable, and says so.
      const moved = startedMs + 60_000;
      note('changed', `resolved at its start ${instantText(startedMs, timeZone)}; the resolution is placed a minute later, ${instantText(moved, timeZone)}`);
      for (const update of updates.slice(resolution)) update.atMs = Math.max(update.atMs, moved);
    }
    const resolvedMs = resolution === undefined ? undefined : updates[resolution]!.atMs;
    const firstAt = updates[0]!.atMs;
    const detectedMs = Math.min(Math.max(toSecond(incident.detectedMs ?? firstAt), startedMs), firstAt);
    const periods = openPeriods(updates, startedMs, resolvedMs);
    const merged = new Map<string, SourceAffected & { id: string }>();
    for (const entry of affected) {
      const earlier = merged.get(entry.id);
      // Two source components named alike became one service: its worst impact, over both sets of times.
      if (earlier) {
        const rank = (impact: string) => ['degraded', 'partial_outage', 'major_outage'].indexOf(impact);
        earlier.impact = rank(entry.impact) > rank(earlier.impact) ? entry.impact : earlier.impact;
        earlier.windows = earlier.windows && entry.windows ? [...earlier.windows, ...entry.windows] : undefined;
      } else merged.set(entry.id, { ...entry, windows: entry.windows ? [...entry.windows] : undefined });
    }
    let id: string;
    try {
      id = nextIncidentId(incidentIds, startedMs, timeZone);
    } catch {
      incidentsLeftOut += 1;
      notes.push({ where: incident.where, kind: 'not imported', what: `starts on ${instantText(startedMs, timeZone).slice(0, 10)}, which already has 999 incidents, the most an id can number; not imported` });
      continue;
    }
    incidentIds.push(id);
    const title = importableTitle(incident.title);
    for (const change of title.changes) note('changed', change);
    const body = importableMarkdown(incident.body);
    for (const change of body.changes) note('changed', `text: ${change}`);
    const severity = choices.severity[incident.severityWord] ?? defaultLevel(incident.impact, site.levels);
    const frontmatter: Record<string, unknown> = {
      id,
      title: title.text,
      severity,
      started: instantText(startedMs, timeZone),
      detected: instantText(detectedMs, timeZone),
      ...(resolvedMs === undefined ? {} : { resolved: instantText(resolvedMs, timeZone) }),
      services: [...merged.values()].map((entry) => serviceEntry(entry, periods, startedMs, resolvedMs, timeZone, note)),
      updates: updates.map((update) => ({ at: instantText(update.atMs, timeZone), status: update.status, message: update.message })),
      importedFrom: incident.source,
    };
    files.push({ file: incidentFile(id), text: `---\n${yaml(frontmatter)}---\n${body.text ? `${body.text}\n` : ''}`, from: incident.where });
    plannedStarts.push({ startedMs, serviceIds: [...merged.keys()] });
    notes.push(...incidentNotes.map((entry) => ({ ...entry, where: `${entry.where} → ${id}` })));
  }

  // A service the site tracks only from a later day shows the imported incidents' days as "no data".
  for (const [serviceId, sinceMs] of site.trackedSinceMs ?? []) {
    const earliest = plannedStarts.filter((entry) => entry.serviceIds.includes(serviceId)).reduce<number | undefined>((min, entry) => (min === undefined || entry.startedMs < min ? entry.startedMs : min), undefined);
    if (earliest !== undefined && earliest < sinceMs) {
      notes.push({ where: 'content/services.yaml', kind: 'assumed', what: `"${serviceId}" is tracked since ${instantText(sinceMs, timeZone).slice(0, 10)}, after imported incidents from ${instantText(earliest, timeZone).slice(0, 10)}: its pages show no data before then; move its since: back to count them` });
    }
  }

  const maintenanceIds = new Set(site.maintenanceIds);
  let maintenanceAlready = 0;
  let maintenanceLeftOut = record.leftOut.maintenance;
  for (const window of [...record.maintenance].sort((a, b) => a.startMs - b.startMs)) {
    if (site.importedMaintenance.has(window.source)) {
      maintenanceAlready += 1;
      continue;
    }
    const planned = plannedMaintenance(window, serviceIdOfKey, maintenanceIds, site);
    notes.push(...planned.notes);
    if (planned.file) files.push(planned.file);
    else maintenanceLeftOut += 1;
  }

  // The readers' notes on an incident or window name it as the source does; the file it became is named beside it,
  // as the plan's own notes name it, so every line of the report says where to look.
  const readerNotes = new Set(record.notes);
  // content/incidents/2024/INC-20240301-001/index.md is INC-20240301-001; content/maintenance/<id>.md is <id>.
  const idOfFile = (file: string) => (file.endsWith('/index.md') ? posix.basename(posix.dirname(file)) : posix.basename(file, '.md'));
  const writtenAs = new Map(files.map((file) => [file.from, idOfFile(file.file)] as const));
  const namedNotes = notes.map((entry) => (readerNotes.has(entry) && writtenAs.has(entry.where) ? { ...entry, where: `${entry.where} → ${writtenAs.get(entry.where)}` } : entry));

  return {
    groups,
    services,
    files,
    notes: namedNotes,
    counts: {
      servicesMatched,
      incidentsWritten: sorted.length + record.leftOut.incidents - incidentsAlready - incidentsLeftOut,
      incidentsAlready,
      incidentsLeftOut,
      maintenanceWritten: record.maintenance.length + record.leftOut.maintenance - maintenanceAlready - maintenanceLeftOut,
      maintenanceAlready,
      maintenanceLeftOut,
    },
  };
}

function plannedMaintenance(window: SourceMaintenance, serviceIdOfKey: ReadonlyMap<string, string>, takenIds: Set<string>, site: ImportSite): { file?: ImportPlan['files'][number]; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const { timeZone } = site;
  const startMs = toSecond(window.startMs);
  const endMs = toSecond(window.endMs);
  if (endMs <= startMs) {
    return { notes: [{ where: window.where, kind: 'not imported', what: `ends ${instantText(endMs, timeZone)}, not after its start ${instantText(startMs, timeZone)}; not imported` }] };
  }
  const services = [...new Set(window.serviceKeys.flatMap((key) => serviceIdOfKey.get(key) ?? []))];
  for (const key of window.serviceKeys) if (!serviceIdOfKey.has(key)) notes.push({ where: window.where, kind: 'not imported', what: `"${key}" is not a service of the source; left out of the window` });
  if (services.length === 0) {
    return { notes: [...notes, { where: window.where, kind: 'not imported', what: 'names no service (an aftermath maintenance window needs at least one); not imported' }] };
  }
  const title = importableTitle(window.title);
  const id = maintenanceId(startMs, timeZone, title.text, takenIds);
  takenIds.add(id);
  for (const change of title.changes) notes.push({ where: `${window.where} → ${id}`, kind: 'changed', what: change });
  const body = importableMarkdown(window.notes);
  for (const change of body.changes) notes.push({ where: `${window.where} → ${id}`, kind: 'changed', what: `text: ${change}` });
  const updates: { at: string; status: MaintenanceStatus; message: string }[] = [];
  let previous: MaintenanceStatus | undefined;
  for (const update of [...window.updates].sort((a, b) => a.atMs - b.atMs)) {
    const atMs = toSecond(update.atMs);
    const shown = instantText(atMs, timeZone);
    if (atMs > site.nowMs) {
      notes.push({ where: `${window.where} → ${id}`, kind: 'not imported', what: `update "${update.label}" at ${shown} is after now; left out` });
      continue;
    }
    let status = update.status;
    if (previous !== undefined && maintenanceMoveProblem(previous, status)) {
      notes.push({ where: `${window.where} → ${id}`, kind: 'changed', what: `update "${update.label}" at ${shown} goes back from "${previous}"; recorded as "${previous}"` });
      status = previous;
    }
    // The update saying the work began or completed is at the window's start or end, as the check wants.
    const at = status === 'in_progress' && previous !== 'in_progress' ? startMs : status === 'completed' && previous !== 'completed' ? endMs : atMs;
    const message = importableMarkdown(update.message);
    for (const change of message.changes) notes.push({ where: `${window.where} → ${id}`, kind: 'changed', what: `update "${update.label}" at ${shown}: ${change}` });
    updates.push({ at: instantText(at, timeZone), status, message: message.text || WORDS[site.locale].maintenance[status] });
    previous = status;
  }
  const frontmatter: Record<string, unknown> = {
    id,
    title: title.text,
    start: instantText(startMs, timeZone),
    end: instantText(endMs, timeZone),
    services,
    ...(window.cancelled ? { cancelled: true } : {}),
    ...(updates.length > 0 ? { updates } : {}),
    importedFrom: window.source,
  };
  return { file: { file: maintenanceFile(id), text: `---\n${yaml(frontmatter)}---\n${body.text ? `${body.text}\n` : ''}`, from: window.where }, notes };
}
