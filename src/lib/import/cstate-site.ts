// A cState site (the Hugo status page) read into a source record: config.yml's systems and categories, and each
// content/issues/*.md with its front matter (severity, affected, resolved, resolvedWhen) and its timeline written
// as `*Status* - text {{< track "time" >}}` paragraphs, newest first.
import { parse as parseYaml } from 'yaml';
import type { IncidentStatus } from '../../schemas/incident.ts';
import type { ImpactLevel } from '../../schemas/primitives.ts';
import type { StatuspageImpact } from '../api/statuspage-mapping.ts';
import { isTimeZone } from '../time/time-zone.ts';
import { ianaZoneOf } from './rails-time-zones.ts';
import type { ImportNote, SourceIncident, SourceRecord, SourceService, SourceUpdate } from './source-record.ts';

/** A problem with the cState site itself (its config unreadable): the import writes nothing. */
export class CstateSiteError extends Error {}

export interface CstateFiles {
  /** The config file's name (config.yml, hugo.yaml…) and text. */
  config: { file: string; text: string };
  /** Every markdown file under content/issues/, by its path under that folder. */
  issues: { file: string; text: string }[];
}

const SEVERITY: Record<string, { impact: ImpactLevel; statuspage: StatuspageImpact }> = {
  down: { impact: 'major_outage', statuspage: 'major' },
  disrupted: { impact: 'partial_outage', statuspage: 'minor' },
  notice: { impact: 'degraded', statuspage: 'none' },
};

/** cState's update labels as aftermath statuses; any other label (Update, Post-mortem…) carries the status on. */
const LABEL_STATUS: Record<string, IncidentStatus> = {
  investigating: 'investigating',
  identified: 'fixing',
  fixing: 'fixing',
  'in progress': 'fixing',
  monitoring: 'monitoring',
  resolved: 'resolved',
  fixed: 'resolved',
  completed: 'resolved',
};

const TRACK = /\{\{<\s*track\s+"([^"]*)"\s*>\}\}/;
const TRACKS = new RegExp(TRACK.source, 'g');
const OTHER_SHORTCODE = /\{\{[<%][\s\S]*?[%>]\}\}/g;
/** `*Investigating* - text`, `**Resolved** — text`, `*Update* -\ntext`. */
const LABELLED = /^\s*\*{1,2}([^*\n]{1,60}?)\*{1,2}\s*[-–—]\s*/;

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * A time as cState and Hugo read one: with an offset or Z it is that instant; without, a wall-clock time in the
 * site's `timeZone` (Hugo's default, UTC, when config.yml sets none); a date alone is its midnight. A local time
 * the zone skips or repeats (a DST change) reads as the earlier instant. Undefined when it is not a time.
 */
export function cstateInstant(value: unknown, timeZone: string): number | undefined {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
  const text = asText(value)
    ?.replace(/^(\d{4}-\d{2}-\d{2})[ T]/, '$1T')
    .replace(/\s+(?=(?:Z|[+-]\d{2}:?\d{2})$)/i, '');
  if (!text) return undefined;
  try {
    if (/(?:Z|[+-]\d{2}:?\d{2})$/i.test(text)) return Temporal.Instant.from(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).epochMilliseconds;
    const wall = Temporal.PlainDateTime.from(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00` : text, { overflow: 'reject' });
    return wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' }).epochMilliseconds;
  } catch {
    return undefined;
  }
}

/** Front matter and body of a Hugo content file (YAML between `---` lines; TOML `+++` is not read). */
function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string } | { problem: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
  if (!match) return { problem: /^\uFEFF?\+\+\+/.test(text) ? 'TOML front matter (+++) is not read; write it as YAML between --- lines' : 'no front matter between --- lines' };
  try {
    return { data: asRecord(parseYaml(match[1]!)), body: match[2]! };
  } catch (error) {
    return { problem: `front matter is not YAML (${(error as Error).message.split('\n')[0]})` };
  }
}

/** Paragraphs of a markdown body, fenced code blocks kept whole. */
function paragraphs(body: string): string[] {
  const result: string[] = [];
  let current: string[] = [];
  let fence: string | undefined;
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const marker = /^\s*(```|~~~)/.exec(line)?.[1];
    if (fence) {
      current.push(line);
      if (marker === fence) fence = undefined;
      continue;
    }
    if (marker) fence = marker;
    if (line.trim() === '' && !fence) {
      if (current.length > 0) result.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) result.push(current.join('\n'));
  return result;
}

function issueOf(file: string, text: string, timeZone: string, note: (where: string, kind: ImportNote['kind'], what: string) => void): SourceIncident | undefined {
  const where = `content/issues/${file}`;
  const noteHere = (kind: ImportNote['kind'], what: string) => note(where, kind, what);
  const split = splitFrontMatter(text);
  if ('problem' in split) {
    noteHere('not imported', `${split.problem}; not imported`);
    return undefined;
  }
  const { data, body } = split;
  const title = asText(data.title) ?? file.replace(/\.md$/, '');
  if (data.draft === true) {
    noteHere('not imported', 'a draft (draft: true), never published by cState; not imported');
    return undefined;
  }
  if (data.informational === true) {
    noteHere('not imported', `"${title}" is an informational post with no affected systems; aftermath records incidents and maintenance only; not imported`);
    return undefined;
  }
  const startedMs = cstateInstant(data.date, timeZone);
  if (startedMs === undefined) {
    noteHere('not imported', `date ${JSON.stringify(data.date ?? null)} is not a time; not imported`);
    return undefined;
  }
  const severityWord = asText(data.severity)?.toLowerCase() ?? 'disrupted';
  if (data.severity === undefined) noteHere('assumed', 'no severity; read as "disrupted"');
  const severity = SEVERITY[severityWord];
  if (!severity) {
    noteHere('not imported', `severity "${severityWord}" is not one of cState's (down, disrupted, notice); not imported`);
    return undefined;
  }
  const affectedNames = (Array.isArray(data.affected) ? data.affected : data.affected === undefined ? [] : [data.affected]).flatMap((name) => asText(name) ?? []);

  const updates: SourceUpdate[] = [];
  const summary: string[] = [];
  let otherShortcodes = 0;
  for (const paragraph of paragraphs(body)) {
    if (/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(paragraph)) continue;
    const labelled = LABELLED.exec(paragraph);
    const track = TRACK.exec(paragraph);
    let message = paragraph.replace(TRACKS, '');
    const before = message;
    message = message.replace(OTHER_SHORTCODE, '');
    if (message !== before) otherShortcodes += 1;
    if (!labelled && !track) {
      summary.push(message.trim());
      continue;
    }
    const label = labelled?.[1]!.trim() ?? '';
    if (labelled) message = message.replace(LABELLED, '');
    const atMs = track ? cstateInstant(track[1], timeZone) : undefined;
    if (track && atMs === undefined) noteHere('changed', `track "${track[1]}" is not a time`);
    const status = LABEL_STATUS[label.toLowerCase()];
    // A label that is not a status stays in the message, as cState showed it.
    if (label && !status && !/^updated?$/i.test(label)) message = `**${label}**: ${message.trim()}`;
    updates.push({ ...(atMs === undefined ? {} : { atMs }), ...(status ? { status } : {}), label: label || '(no label)', message: message.trim() });
  }
  if (otherShortcodes > 0) noteHere('not imported', `${otherShortcodes} paragraph${otherShortcodes === 1 ? '' : 's'} held Hugo shortcodes other than track, which were removed`);
  // cState lists updates newest first.
  updates.reverse();

  let resolvedMs: number | undefined;
  if (data.resolved === true) {
    resolvedMs = cstateInstant(data.resolvedWhen, timeZone);
    if (resolvedMs === undefined) {
      const latest = Math.max(startedMs, ...updates.flatMap((update) => update.atMs ?? []));
      noteHere('assumed', `resolved with ${data.resolvedWhen === undefined ? 'no resolvedWhen' : `resolvedWhen ${JSON.stringify(data.resolvedWhen)}, which is not a time`}; resolved at its latest time`);
      resolvedMs = latest;
    } else if (resolvedMs < startedMs) {
      noteHere('changed', `resolvedWhen ${String(data.resolvedWhen)} is before its date ${String(data.date)}; resolved at its date`);
      resolvedMs = startedMs;
    }
  }
  return {
    source: `cstate:${file}`,
    where,
    title,
    severityWord,
    impact: severity.statuspage,
    startedMs,
    ...(resolvedMs === undefined ? {} : { resolvedMs }),
    affected: affectedNames.map((name) => ({ serviceKey: name, impact: severity.impact })),
    updates,
    body: summary.join('\n\n'),
    updateTimes: 'within front matter',
  };
}

/** The cState site as a source record; everything aftermath does not keep is in its notes. */
export function cstateRecord(files: CstateFiles): SourceRecord {
  let config: Record<string, unknown>;
  try {
    config = asRecord(parseYaml(files.config.text));
  } catch (error) {
    throw new CstateSiteError(`${files.config.file}: not YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const params = asRecord(config.params);
  if (!Array.isArray(params.systems)) throw new CstateSiteError(`${files.config.file}: params.systems: missing (expected cState's list of systems)`);
  const notes: ImportNote[] = [];
  const note = (where: string, kind: ImportNote['kind'], what: string) => notes.push({ where, kind, what });

  const written = asText(config.timeZone) ?? asText(config.timezone);
  const zoneText = written === undefined ? undefined : ianaZoneOf(written);
  let timeZone = 'UTC';
  if (zoneText && isTimeZone(zoneText)) timeZone = zoneText;
  else if (zoneText) note(files.config.file, 'assumed', `timeZone "${zoneText}" is not a time zone; times without an offset read in UTC`);
  else note(files.config.file, 'assumed', 'no timeZone: times written without an offset read in UTC, as Hugo reads them');

  const categories = params.categories === undefined ? [] : Array.isArray(params.categories) ? params.categories.map(asRecord) : [];
  const groups = categories.flatMap((category) => {
    const name = asText(category.name);
    return name ? [{ key: name, name, ...(asText(category.description) ? { description: asText(category.description)! } : {}) }] : [];
  });
  const services: SourceService[] = [];
  params.systems.map(asRecord).forEach((system, index) => {
    const name = asText(system.name);
    if (!name) {
      note(files.config.file, 'not imported', `params.systems[${index}] has no name; not imported`);
      return;
    }
    const category = asText(system.category);
    if (category && !groups.some((group) => group.key === category)) groups.push({ key: category, name: category });
    services.push({ key: name, name, ...(category ? { groupKey: category } : {}), ...(asText(system.description) ? { description: asText(system.description)! } : {}) });
  });

  const incidents: SourceIncident[] = [];
  let leftOut = 0;
  for (const { file, text } of [...files.issues].sort((a, b) => a.file.localeCompare(b.file))) {
    if (/(^|\/)_index\.md$/.test(file)) continue;
    const incident = issueOf(file, text, timeZone, note);
    if (incident) incidents.push(incident);
    else leftOut += 1;
  }

  return {
    kind: 'cstate',
    ...(asText(config.title) ? { siteName: asText(config.title)! } : {}),
    ...(asText(config.baseURL) ? { baseUrl: asText(config.baseURL)! } : {}),
    timeZone,
    groups,
    services,
    incidents,
    maintenance: [],
    leftOut: { incidents: leftOut, maintenance: 0 },
    notes,
  };
}
