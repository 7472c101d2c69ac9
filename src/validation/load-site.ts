// Loads and validates a whole site: every file, every cross-file rule, all problems or the typed content.
import { readInstantWithOffset } from '../lib/time/calendar.ts';
import type { Incident } from '../schemas/incident.ts';
import type { Maintenance } from '../schemas/maintenance.ts';
import type { NotificationsFile } from '../schemas/notifications.ts';
import type { Postmortem } from '../schemas/postmortem.ts';
import type { ServicesFile } from '../schemas/service.ts';
import type { SeverityFile } from '../schemas/severity.ts';
import type { Site } from '../schemas/site.ts';
import { checkCrossFileRules } from './cross-file-rules.ts';
import { byFileThenLine, type Problem } from './problem.ts';
import { readContentFiles, type PendingWrites, type ReadOptions } from './read-content.ts';

export interface IncidentEntry {
  file: string;
  incident: Incident;
  body: string;
  postmortem?: PostmortemEntry;
}

export interface PostmortemEntry {
  file: string;
  postmortem: Postmortem;
  body: string;
}

export interface MaintenanceEntry {
  file: string;
  maintenance: Maintenance;
  body: string;
}

export interface SiteContent {
  site: Site;
  services: ServicesFile;
  severity: SeverityFile;
  incidents: IncidentEntry[];
  maintenance: MaintenanceEntry[];
  /** Where notices go (content/notifications.yaml); absent when the site sends none. */
  notifications?: NotificationsFile;
  /** The instant the figures are computed for. */
  nowMs: number;
}

export type LoadResult = { ok: true; content: SiteContent } | { ok: false; problems: Problem[] };

/** The build's "now": AFTERMATH_NOW, else `now` in site.yaml, else the clock. */
export function resolveNow(siteNow: string | undefined, env: Record<string, string | undefined>, clockMs: number): { ms: number } | { error: string } {
  const text = env.AFTERMATH_NOW ?? siteNow;
  if (text === undefined || text === '') return { ms: clockMs };
  const read = readInstantWithOffset(text);
  if ('ms' in read) return read;
  const expected = '(expected an instant with an offset such as 2026-11-26T12:00:00Z)';
  return { error: read.problem === 'nonexistent' ? `found ${JSON.stringify(text)}, ${read.reason} ${expected}` : `found ${JSON.stringify(text)} ${expected}` };
}

export async function loadSite(root: string, env: Record<string, string | undefined> = process.env, clockMs = Date.now(), pending?: PendingWrites, options?: ReadOptions): Promise<LoadResult> {
  const problems: Problem[] = [];
  const files = await readContentFiles(root, problems, pending, options);
  const now = resolveNow(files.site?.data.now, env, clockMs);
  if ('error' in now) {
    const fromEnv = env.AFTERMATH_NOW !== undefined;
    problems.push({ file: fromEnv ? 'AFTERMATH_NOW' : 'content/site.yaml', line: fromEnv ? 0 : (files.site?.source.lineOf(['now']) ?? 1), field: 'now', message: now.error });
  }
  checkCrossFileRules(files, problems, 'ms' in now ? now.ms : clockMs);
  if (problems.length > 0 || !files.site || !files.services || !files.severity || !('ms' in now)) {
    return { ok: false, problems: problems.sort(byFileThenLine) };
  }
  const postmortemsById = new Map(files.postmortems.map((record) => [record.data.incident, { file: record.file, postmortem: record.data, body: record.body }]));
  const incidents = files.incidents.map((record): IncidentEntry => {
    const postmortem = postmortemsById.get(record.data.id);
    return postmortem ? { file: record.file, incident: record.data, body: record.body, postmortem } : { file: record.file, incident: record.data, body: record.body };
  });
  return {
    ok: true,
    content: {
      site: files.site.data,
      services: files.services.data,
      severity: files.severity.data,
      incidents,
      maintenance: files.maintenance.map((record) => ({ file: record.file, maintenance: record.data, body: record.body })),
      ...(files.notifications ? { notifications: files.notifications.data } : {}),
      nowMs: now.ms,
    },
  };
}
