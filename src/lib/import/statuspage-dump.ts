// A Statuspage public API v2 dump (components.json, incidents.json, scheduled-maintenances.json, as saved from
// https://<page>/api/v2/) read into a source record. Fields as ../shared/reference/statuspage-v2.md lists them.
import { z } from 'zod';
import type { IncidentStatus } from '../../schemas/incident.ts';
import type { MaintenanceStatus } from '../../schemas/maintenance.ts';
import type { ImpactLevel } from '../../schemas/primitives.ts';
import type { StatuspageImpact } from '../api/statuspage-mapping.ts';
import { ianaZoneOf } from './rails-time-zones.ts';
import type { ImportNote, SourceAffected, SourceGroup, SourceIncident, SourceMaintenance, SourceRecord, SourceService, SourceUpdate } from './source-record.ts';

/** An instant as Statuspage writes it: ISO 8601 with an offset or Z. */
const instant = z.string().refine((text) => /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text.trim()) && Number.isFinite(Date.parse(text)), { error: (issue) => `found ${JSON.stringify(issue.input)} (expected an ISO 8601 instant with an offset, as Statuspage writes them)` });
const maybeInstant = instant.nullish();
const id = z.union([z.string().min(1), z.number()]).transform(String);

const pageSchema = z.object({ name: z.string().optional(), url: z.string().optional(), time_zone: z.string().nullish() }).optional();

const componentSchema = z.object({
  id,
  name: z.string().trim().min(1),
  description: z.string().nullish(),
  group: z.boolean().nullish(),
  group_id: id.nullish(),
  position: z.number().nullish(),
  start_date: z.string().nullish(),
  only_show_if_degraded: z.boolean().nullish(),
  showcase: z.boolean().nullish(),
  status: z.string().nullish(),
});

const affectedComponentSchema = z.object({ code: id, name: z.string().nullish(), old_status: z.string().nullish(), new_status: z.string().nullish() });

const updateSchema = z.object({
  id: id.nullish(),
  status: z.string(),
  body: z.string().nullish(),
  created_at: instant,
  display_at: maybeInstant,
  affected_components: z.array(affectedComponentSchema).nullish(),
});

const incidentSchema = z.object({
  id,
  name: z.string(),
  status: z.string(),
  impact: z.string().nullish(),
  created_at: instant,
  started_at: maybeInstant,
  resolved_at: maybeInstant,
  scheduled_for: maybeInstant,
  scheduled_until: maybeInstant,
  incident_updates: z.array(updateSchema).default([]),
  components: z.array(componentSchema.partial({ name: true })).nullish(),
  postmortem_body: z.string().nullish(),
});

export const componentsFileSchema = z.object({ page: pageSchema, components: z.array(componentSchema) });
export const incidentsFileSchema = z.object({ page: pageSchema, incidents: z.array(incidentSchema) });
export const maintenanceFileSchema = z.object({ page: pageSchema, scheduled_maintenances: z.array(incidentSchema) });

type StatuspageIncident = z.infer<typeof incidentSchema>;
type StatuspageUpdate = z.infer<typeof updateSchema>;

/** The dump's files as parsed JSON; absent when the dump has no such file. */
export interface StatuspageDump {
  components: z.infer<typeof componentsFileSchema>;
  incidents?: z.infer<typeof incidentsFileSchema>;
  maintenance?: z.infer<typeof maintenanceFileSchema>;
}

/** A problem with the dump itself: the import writes nothing. */
export class DumpError extends Error {}

/** One file of the dump checked against the documented fields, with the first problem named by file and field. */
export function readDumpFile<T extends z.ZodType>(file: string, text: string, schema: T): z.infer<T> {
  let json: unknown;
  try {
    // Tools on Windows save JSON with a byte order mark, which JSON.parse refuses.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DumpError(`${file}: not JSON (${(error as Error).message})`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new DumpError(`${file}: not an object (expected the API's response as saved, such as {"page": {...}, ${file === 'components.json' ? '"components"' : file === 'incidents.json' ? '"incidents"' : '"scheduled_maintenances"'}: [...]})`);
    const where = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
    throw new DumpError(`${file}: ${where || 'the file'}: ${issue.code === 'invalid_type' && issue.input === undefined ? 'missing' : issue.message}`);
  }
  return result.data;
}

const UPDATE_STATUS: Record<string, IncidentStatus> = { investigating: 'investigating', identified: 'fixing', monitoring: 'monitoring', resolved: 'resolved', postmortem: 'closed' };
const COMPONENT_IMPACT: Record<string, ImpactLevel> = { degraded_performance: 'degraded', partial_outage: 'partial_outage', major_outage: 'major_outage' };
const INCIDENT_IMPACT: Record<StatuspageImpact, ImpactLevel> = { critical: 'major_outage', major: 'partial_outage', minor: 'degraded', none: 'degraded' };
const IMPACT_RANK: readonly ImpactLevel[] = ['degraded', 'partial_outage', 'major_outage'];

function impactWord(value: string | null | undefined): StatuspageImpact {
  return value === 'critical' || value === 'major' || value === 'minor' ? value : 'none';
}

function updateTime(update: StatuspageUpdate): number {
  return Date.parse(update.display_at ?? update.created_at);
}

/** Oldest first; an update's time is when readers were shown it (`display_at`, set on backfilled updates). */
function orderedUpdates(incident: StatuspageIncident): StatuspageUpdate[] {
  // Statuspage lists updates newest first: reversed before the (stable) sort, updates at the same instant keep
  // the order they were posted in.
  return [...incident.incident_updates].reverse().sort((a, b) => updateTime(a) - updateTime(b));
}

/**
 * Which components the incident impaired, how badly and when: from the status changes its updates record
 * (`affected_components`), else its `components` list at the incident's own impact for the whole incident.
 */
function affectedOf(incident: StatuspageIncident, startedMs: number, note: (kind: ImportNote['kind'], what: string) => void): SourceAffected[] {
  const byComponent = new Map<string, { impact?: ImpactLevel; windows: { startMs: number; endMs?: number }[]; open?: { startMs: number } }>();
  for (const update of orderedUpdates(incident)) {
    for (const change of update.affected_components ?? []) {
      const entry = byComponent.get(change.code) ?? { windows: [] };
      byComponent.set(change.code, entry);
      const at = updateTime(update);
      const impact = COMPONENT_IMPACT[change.new_status ?? ''];
      const wasImpaired = COMPONENT_IMPACT[change.old_status ?? ''] !== undefined;
      if (impact) {
        if (!entry.impact || IMPACT_RANK.indexOf(impact) > IMPACT_RANK.indexOf(entry.impact)) entry.impact = impact;
        entry.open ??= { startMs: wasImpaired && entry.windows.length === 0 ? startedMs : at };
      } else if (change.new_status === 'operational') {
        if (!entry.open && wasImpaired && entry.windows.length === 0) {
          // Impaired before the first update that mentions it: from the incident's start.
          entry.impact = COMPONENT_IMPACT[change.old_status ?? ''];
          entry.open = { startMs: startedMs };
        }
        if (entry.open) entry.windows.push({ startMs: entry.open.startMs, endMs: at });
        entry.open = undefined;
      } else if (change.new_status) {
        note('changed', `component "${change.name ?? change.code}" went "${change.new_status}" at ${update.display_at ?? update.created_at}; aftermath records outages only, so that state is not kept`);
      }
    }
  }
  const affected: SourceAffected[] = [];
  for (const [key, entry] of byComponent) {
    if (!entry.impact) continue;
    const windows = entry.open ? [...entry.windows, { startMs: entry.open.startMs }] : entry.windows;
    affected.push({ serviceKey: key, impact: entry.impact, windows });
  }
  const listed = (incident.components ?? []).filter((component) => !component.group && !byComponent.has(component.id));
  if (listed.length > 0) {
    const impact = INCIDENT_IMPACT[impactWord(incident.impact)];
    note('assumed', `${listed.map((component) => `"${component.name ?? component.id}"`).join(', ')}: no status changes recorded in the updates; impaired for the whole incident at the incident's impact "${incident.impact ?? 'none'}" (${impact})`);
    for (const component of listed) affected.push({ serviceKey: component.id, impact });
  }
  return affected;
}

function incidentOf(incident: StatuspageIncident, note: (where: string, kind: ImportNote['kind'], what: string) => void): SourceIncident {
  const where = `incidents.json: "${incident.name}" (${incident.id})`;
  const noteHere = (kind: ImportNote['kind'], what: string) => note(where, kind, what);
  const startedMs = Date.parse(incident.started_at ?? incident.created_at);
  const updates: SourceUpdate[] = orderedUpdates(incident).map((update) => {
    const status = UPDATE_STATUS[update.status];
    if (!status) noteHere('changed', `update status "${update.status}" is not one of Statuspage's incident statuses; the previous status carries on`);
    return { atMs: updateTime(update), status, label: update.status, message: update.body ?? '' };
  });
  const finished = incident.status === 'resolved' || incident.status === 'postmortem';
  let body = '';
  if (incident.postmortem_body?.trim()) {
    body = incident.postmortem_body;
    noteHere('changed', 'its postmortem text is kept as the incident\'s summary (aftermath postmortems follow the team\'s template: npm run new:postmortem)');
  }
  return {
    source: `statuspage:${incident.id}`,
    where,
    title: incident.name,
    severityWord: impactWord(incident.impact),
    impact: impactWord(incident.impact),
    startedMs,
    detectedMs: Date.parse(incident.created_at),
    ...(finished ? { resolvedMs: incident.resolved_at ? Date.parse(incident.resolved_at) : Math.max(Date.parse(incident.created_at), ...incident.incident_updates.map(updateTime)) } : {}),
    affected: affectedOf(incident, startedMs, noteHere),
    updates,
    body,
    updateTimes: 'as recorded',
  };
}

const MAINTENANCE_STATUS: Record<string, MaintenanceStatus> = { scheduled: 'scheduled', in_progress: 'in_progress', verifying: 'verifying', completed: 'completed' };

/**
 * A scheduled maintenance with its updates. Its start is when an update said the work began (Statuspage starts
 * windows early or late that way), else `scheduled_for`; its end when one said it completed, else `scheduled_until`.
 */
function maintenanceOf(window: StatuspageIncident, file: string, note: (where: string, kind: ImportNote['kind'], what: string) => void): SourceMaintenance | undefined {
  const where = `${file}: "${window.name}" (${window.id})`;
  const updates = orderedUpdates(window);
  const started = updates.find((update) => update.status === 'in_progress');
  const completed = updates.find((update) => update.status === 'completed');
  const startText = started ? (started.display_at ?? started.created_at) : (window.scheduled_for ?? window.started_at ?? window.created_at);
  const until = completed ? (completed.display_at ?? completed.created_at) : (window.scheduled_until ?? window.resolved_at);
  if (until === undefined || until === null) {
    note(where, 'not imported', 'has no scheduled_until and was never completed, so its end is unknown; not imported');
    return undefined;
  }
  return {
    source: `statuspage:${window.id}`,
    where,
    title: window.name,
    startMs: Date.parse(startText),
    endMs: Date.parse(until),
    serviceKeys: (window.components ?? []).filter((component) => !component.group).map((component) => component.id),
    notes: '',
    cancelled: false,
    updates: updates.flatMap((update) => {
      const status = MAINTENANCE_STATUS[update.status];
      if (!status) {
        note(where, 'not imported', `an update with status "${update.status}", not one of Statuspage's maintenance statuses; left out`);
        return [];
      }
      return [{ atMs: updateTime(update), status, label: update.status, message: update.body ?? '' }];
    }),
  };
}

/** The dump as a source record; every field aftermath does not keep is in its notes. */
export function statuspageRecord(dump: StatuspageDump): SourceRecord {
  const notes: ImportNote[] = [];
  const note = (where: string, kind: ImportNote['kind'], what: string) => notes.push({ where, kind, what });
  const components = [...dump.components.components].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const groups: SourceGroup[] = components.filter((component) => component.group).map((group) => ({ key: group.id, name: group.name, ...(group.description ? { description: group.description } : {}) }));
  const services: SourceService[] = components
    .filter((component) => !component.group)
    .map((component) => ({
      key: component.id,
      name: component.name,
      ...(component.group_id ? { groupKey: component.group_id } : {}),
      ...(component.description ? { description: component.description } : {}),
      ...(component.start_date && /^\d{4}-\d{2}-\d{2}$/.test(component.start_date) ? { since: component.start_date } : {}),
      ...(component.only_show_if_degraded ? { showOnlyWhenImpaired: true } : {}),
    }));

  // Components an incident names that components.json no longer lists (removed since): kept as services.
  const known = new Set(components.map((component) => component.id));
  const allIncidents = dump.incidents?.incidents ?? [];
  for (const incident of allIncidents) {
    for (const component of incident.components ?? []) {
      if (known.has(component.id) || component.group || !component.name) continue;
      known.add(component.id);
      services.push({ key: component.id, name: component.name, ...(component.group_id ? { groupKey: component.group_id } : {}) });
      note('components.json', 'assumed', `"${component.name}" (${component.id}) is named by incidents but not listed; added as a service`);
    }
  }

  const incidents: SourceIncident[] = [];
  const maintenance: SourceMaintenance[] = [];
  const maintenanceIds = new Set<string>();
  let maintenanceLeftOut = 0;
  for (const window of dump.maintenance?.scheduled_maintenances ?? []) {
    if (maintenanceIds.has(window.id)) {
      note(`scheduled-maintenances.json: "${window.name}" (${window.id})`, 'not imported', 'listed a second time in the dump; read once');
      maintenanceLeftOut += 1;
      continue;
    }
    maintenanceIds.add(window.id);
    const read = maintenanceOf(window, 'scheduled-maintenances.json', note);
    if (read) maintenance.push(read);
    else maintenanceLeftOut += 1;
  }
  const seenIncidents = new Set<string>();
  let incidentsLeftOut = 0;
  for (const incident of allIncidents) {
    // Paginated exports joined by hand can list an incident twice: the first is read, the rest said.
    if (seenIncidents.has(incident.id)) {
      note(`incidents.json: "${incident.name}" (${incident.id})`, 'not imported', 'listed a second time in the dump; read once');
      incidentsLeftOut += 1;
      continue;
    }
    seenIncidents.add(incident.id);
    // incidents.json may list maintenance too; one read from scheduled-maintenances.json is not read twice.
    if (incident.scheduled_for) {
      if (maintenanceIds.has(incident.id)) continue;
      const read = maintenanceOf(incident, 'incidents.json', note);
      if (read) maintenance.push(read);
      else maintenanceLeftOut += 1;
      continue;
    }
    incidents.push(incidentOf(incident, note));
  }
  if (!dump.incidents) note('incidents.json', 'not imported', 'not in the dump: no incidents read');
  if (!dump.maintenance) note('scheduled-maintenances.json', 'not imported', 'not in the dump: no maintenance read');

  const page = dump.components.page ?? dump.incidents?.page ?? dump.maintenance?.page;
  if (page?.time_zone && ianaZoneOf(page.time_zone) !== page.time_zone.trim()) note('components.json', 'changed', `page time_zone "${page.time_zone}" (a Rails name) read as ${ianaZoneOf(page.time_zone)}`);
  return {
    kind: 'statuspage',
    ...(page?.name ? { siteName: page.name } : {}),
    ...(page?.url ? { baseUrl: page.url } : {}),
    ...(page?.time_zone ? { timeZone: ianaZoneOf(page.time_zone) } : {}),
    groups,
    services,
    incidents,
    maintenance,
    leftOut: { incidents: incidentsLeftOut, maintenance: maintenanceLeftOut },
    notes,
  };
}
