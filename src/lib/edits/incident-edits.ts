// The comms lead's changes to one incident file: appending a status update, resolving, reopening, marking recovery.
import { didYouMean } from '../../validation/near-miss.ts';
import type { Incident, IncidentStatus } from '../../schemas/incident.ts';
import { appendToList, openServiceWindow, removeTopLevelKey, setInListItem, setOnCurrentWindow, setTopLevelScalar } from './frontmatter-edit.ts';
import { isFinished, statusMoveProblem } from '../incidents/incident-lifecycle.ts';
import { latestUpdate, recoveredAt } from '../incidents/incident-timeline.ts';
import { instantText } from '../time/written-instants.ts';
import { readDuration } from '../time/durations.ts';

export interface UpdateRequest {
  status: IncidentStatus;
  message: string;
  /** When the update is posted, to the second. */
  atMs: number;
  timeZone: string;
  /** Affected services that recovered at this update: their window gets `end:` now. */
  recovered: readonly string[];
  /**
   * Affected services impaired (again) from this update: a recovered one gets a new window from now. On a reopen,
   * services left out whose window the resolution ended are written as recovered at that resolution; without
   * the list a reopen resumes every service the resolution ended.
   */
  impaired?: readonly string[];
  /** Whether the incident's postmortem is published: only then may it be closed. */
  postmortemPublished: boolean;
  /** Data each service lost, written as its `dataLoss:` (see readDataLoss). */
  dataLoss?: readonly DataLossRecord[];
}

export interface DataLossRecord {
  serviceId: string;
  /** The duration as given, spaces removed: what the file will say. */
  written: string;
}

const DATA_LOSS_EXAMPLE = '<service id>=<duration> such as rest-api=5m';

/** Reads `--data-loss rest-api=10m,db=30s` entries into records for affected services, or says in one line what is wrong. */
export function readDataLoss(incident: Incident, entries: readonly string[]): { ok: true; records: DataLossRecord[] } | { ok: false; error: string } {
  const affected = incident.services.map((service) => service.id);
  const records: DataLossRecord[] = [];
  for (const entry of entries) {
    const [serviceId = '', duration, ...rest] = entry.split('=').map((part) => part.trim());
    if (duration === undefined || rest.length > 0 || serviceId === '') return { ok: false, error: `--data-loss: found ${JSON.stringify(entry)} (expected ${DATA_LOSS_EXAMPLE})` };
    if (!affected.includes(serviceId)) return { ok: false, error: `--data-loss: "${serviceId}" is not affected by ${incident.id} (expected one of: ${affected.join(', ')})` };
    if (records.some((record) => record.serviceId === serviceId)) return { ok: false, error: `--data-loss: "${serviceId}" is given twice (expected each service once)` };
    const read = readDuration(duration);
    if (!('ms' in read)) {
      const found = read.problem === 'too long' ? `${JSON.stringify(duration)} is longer than 10 years` : `found ${JSON.stringify(duration)}`;
      return { ok: false, error: `--data-loss: ${found} for "${serviceId}" (expected a duration such as 15m, 1h or 2d)` };
    }
    records.push({ serviceId, written: duration.replace(/\s+/g, '') });
  }
  return { ok: true, records };
}

export type EditResult = { ok: true; text: string } | { ok: false; error: string };

/** Affected services whose current impact window is still open (no `end:`), the ones that can still recover. */
export function openServiceIds(incident: Incident): string[] {
  return incident.services.filter((affected) => recoveredAt(affected) === undefined).map((affected) => affected.id);
}

/** Why these services cannot be impaired again at this update: unknown, still impaired, or the update ends the incident. */
export function impairedProblem(incident: Incident, serviceIds: readonly string[], status: IncidentStatus): string | undefined {
  if (serviceIds.length === 0) return undefined;
  if (isFinished(status)) return `impaired: given with a "${status}" update (expected services impaired again only while the incident is open, such as on a reopen)`;
  const affected = incident.services.map((service) => service.id);
  const reopening = status === 'reopened';
  for (const id of serviceIds) {
    if (!affected.includes(id)) return `impaired: "${id}" is not affected by ${incident.id} (${didYouMean(id, affected)}expected one of: ${affected.join(', ')}; add a new service to services: by hand)`;
    const recovered = incident.services.find((service) => service.id === id)!;
    // On a reopen, a service the resolution ended is impaired again simply by resuming its window.
    if (!reopening && recoveredAt(recovered) === undefined) return `impaired: "${id}" is still impaired (expected a service that has recovered: ${recoveredIds(incident).join(', ') || 'none'})`;
  }
  return undefined;
}

function recoveredIds(incident: Incident): string[] {
  return incident.services.filter((affected) => recoveredAt(affected) !== undefined).map((affected) => affected.id);
}

/**
 * The status of a further note that moves nothing on: the current one, except after `reopened` (which only
 * follows a resolution), where work has resumed at investigating, the status it ranks with.
 */
export function keptStatus(current: IncidentStatus): IncidentStatus {
  return current === 'reopened' ? 'investigating' : current;
}

/** Why `status` cannot be the next update of this incident; undefined when it can. */
export function statusProblem(incident: Incident, status: IncidentStatus, postmortemPublished: boolean): string | undefined {
  const move = statusMoveProblem(latestUpdate(incident).status, status);
  if (move) return `status: ${move}`;
  if (status === 'closed' && !postmortemPublished) {
    return 'status: "closed" is for when the postmortem is published (expected a postmortem.md with status: published beside the incident; run npm run new:postmortem first)';
  }
  return undefined;
}

/** Why these services cannot be marked recovered: not affected by the incident, or recovered already. */
export function recoveryProblem(incident: Incident, serviceIds: readonly string[]): string | undefined {
  const affected = incident.services.map((service) => service.id);
  const open = openServiceIds(incident);
  for (const id of serviceIds) {
    if (!affected.includes(id)) return `recovered: "${id}" is not affected by ${incident.id} (${didYouMean(id, affected)}expected one of: ${affected.join(', ')})`;
    if (!open.includes(id)) return `recovered: "${id}" already has an end (expected one of the services still affected: ${open.join(', ') || 'none'})`;
  }
  return undefined;
}

/** Why the update cannot be added to this incident, in one line; undefined when it can. */
export function updateProblem(incident: Incident, request: UpdateRequest): string | undefined {
  const latest = latestUpdate(incident);
  const status = statusProblem(incident, request.status, request.postmortemPublished);
  if (status) return status;
  if (request.message.trim() === '') return 'message: empty (expected the text readers will see)';
  if (request.atMs < latest.at.getTime()) {
    return `at: ${instantText(request.atMs, request.timeZone)} is before the latest update ${instantText(latest.at.getTime(), request.timeZone)} (expected updates in time order)`;
  }
  const impaired = impairedProblem(incident, request.impaired ?? [], request.status);
  if (impaired) return impaired;
  const both = request.recovered.find((id) => (request.impaired ?? []).includes(id));
  if (both) return `recovered: "${both}" is also given as impaired (expected each service in one of the two)`;
  return recoveryProblem(incident, request.recovered);
}

/**
 * The incident file with the update appended at the end of `updates:` (only lines added), the recovered services'
 * windows ended, each service's data loss written under it, and `resolved:` kept in step with the status: set when the incident is resolved or closed,
 * removed when it is reopened, as the check requires.
 */
export function addUpdate(fileText: string, incident: Incident, request: UpdateRequest): EditResult {
  const problem = updateProblem(incident, request);
  if (problem) return { ok: false, error: problem };
  const at = instantText(request.atMs, request.timeZone);
  let text = appendToList(fileText, 'updates', { at, status: request.status, message: request.message.trim() });
  for (const id of request.recovered) text = setOnCurrentWindow(text, id, 'end', at);
  for (const id of request.impaired ?? []) {
    if (recoveredAt(incident.services.find((affected) => affected.id === id)!) !== undefined) text = openServiceWindow(text, id, at);
  }
  // A reopen that names the services impaired again says the others stayed recovered since the resolution.
  if (request.status === 'reopened' && request.impaired !== undefined && incident.resolved) {
    const resolvedAt = instantText(incident.resolved.getTime(), request.timeZone);
    for (const id of openServiceIds(incident).filter((open) => !request.impaired!.includes(open))) text = setOnCurrentWindow(text, id, 'end', resolvedAt);
  }
  for (const record of request.dataLoss ?? []) text = setInListItem(text, 'services', record.serviceId, 'dataLoss', record.written);
  // The per-service records replace an older file's incident-level window, which would otherwise say it twice.
  if ((request.dataLoss ?? []).length > 0 && incident.dataLoss !== undefined) text = removeTopLevelKey(text, 'dataLoss');
  if (isFinished(request.status) && incident.resolved === undefined) text = setTopLevelScalar(text, 'resolved', at, 'detected');
  if (request.status === 'reopened') text = removeTopLevelKey(text, 'resolved');
  return { ok: true, text };
}

/** Resolving: a `resolved` update and the `resolved:` instant, refused when the incident is already over. */
export function resolveIncident(fileText: string, incident: Incident, request: Omit<UpdateRequest, 'status'>): EditResult {
  const latest = latestUpdate(incident);
  if (isFinished(latest.status)) {
    return { ok: false, error: `status: ${incident.id} is already ${latest.status} (expected an open incident; use npm run new:update to add a note or reopen it)` };
  }
  return addUpdate(fileText, incident, { ...request, status: 'resolved' });
}
