// Where new content goes: the next free incident id of a day, the incident's folder, maintenance ids from titles.
import { INCIDENT_ID } from '../../schemas/incident.ts';
import { localDateOf } from '../time/time-zone.ts';

/**
 * `INC-YYYYMMDD-NNN` for an incident starting at `startedMs`: the local date in the site's zone and the lowest
 * number above every one already used that day (numbers are never reused, so a deleted incident's id stays retired
 * in git history rather than naming something new).
 */
export function nextIncidentId(existingIds: Iterable<string>, startedMs: number, timeZone: string): string {
  const day = localDateOf(startedMs, timeZone).replaceAll('-', '');
  let highest = 0;
  for (const id of existingIds) {
    const match = INCIDENT_ID.exec(id);
    if (match && `${match[1]}${match[2]}${match[3]}` === day) highest = Math.max(highest, Number(match[4]));
  }
  if (highest >= 999) throw new Error(`no incident number left on ${day} (expected at most 999 incidents a day)`);
  return `INC-${day}-${String(highest + 1).padStart(3, '0')}`;
}

/** `incidents/2026/INC-20261125-001`: the year folder is the id's, which is the start's local year. */
export function incidentFolder(id: string): string {
  return `incidents/${id.slice(4, 8)}/${id}`;
}

export function incidentFile(id: string): string {
  return `${incidentFolder(id)}/index.md`;
}

export function postmortemFile(id: string): string {
  return `${incidentFolder(id)}/postmortem.md`;
}

/** Lower-case ASCII words of a title joined by dashes, at most `maxWords`; empty for a title with none (e.g. Chinese). */
export function slugOf(title: string, maxWords = 6): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.slice(0, maxWords).join('-');
}

/**
 * `2026-12-06-file-storage-migration`: the window's local start date and its title, so files sort by date; the
 * title part is `maintenance` when it has no ASCII words, and `-2`, `-3`… is added when the id is taken.
 */
export function maintenanceId(startMs: number, timeZone: string, title: string, existingIds: ReadonlySet<string>): string {
  const base = `${localDateOf(startMs, timeZone)}-${slugOf(title) || 'maintenance'}`;
  let id = base;
  for (let n = 2; existingIds.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

export function maintenanceFile(id: string): string {
  return `content/maintenance/${id}.md`;
}
