// What an incident page is made from, as one hash: Astro's incremental build copies last build's page when this
// key (and the hash of the page's code, its config and the lockfile) is unchanged, so the key must cover every
// input the page reads. It is a hash of the inputs themselves, never a time or a version, so a kept page can only
// be one that rendering again would write byte for byte.
import { createHash } from 'node:crypto';
import type { Incident } from '../../schemas/incident.ts';
import type { Locale } from '../../schemas/site.ts';
import type { SiteModel } from './site-model.ts';
import { incidentById, postmortemOfIncident } from './lookups.ts';
import { oncePer } from './once-per.ts';
import { incidentCardPath } from '../status/social-card.ts';

/** A key for what decides an output: the hash of its inputs written out, never a time or a version. */
export function contentKey(inputs: unknown): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/**
 * Everything besides the incident that any incident page shows: the site's settings (name, address, zone,
 * languages, contacts), groups, services and their targets, the severity policy and the maintenance windows.
 */
const siteWideHash = oncePer((model: SiteModel): string => contentKey([model.site, model.groups, model.services, model.levels, model.maintenance]));

/**
 * Whether the incident's page changes with the build's "now" alone: an incident not yet resolved shows ongoing
 * windows, durations and targets up to now. A resolved one shows only its record, so its page says nothing about
 * now (no "figures as of", no staleness notice) and is kept until the record changes.
 */
export function incidentPageShowsNow(incident: { resolved?: Date | undefined }): boolean {
  return incident.resolved === undefined;
}

function keyOf(model: SiteModel, record: unknown, locale: Locale, preview: boolean, showsNow: boolean): string {
  return contentKey({ siteWide: siteWideHash(model), record, locale, preview, now: showsNow ? model.nowMs : null });
}

/** The key of one incident's page in one language, in a preview build or not: the incident, its body, its postmortem (linked by status) and its card. */
export function incidentPageKey(model: SiteModel, incidentId: string, body: string, locale: Locale, preview: boolean): string {
  const incident = incidentById(model, incidentId);
  if (!incident) throw new Error(`incidentPageKey: no incident ${incidentId}`);
  const postmortem = postmortemOfIncident(model, incidentId) ?? null;
  // Which card the page shows changes as newer incidents arrive.
  const card = incidentCardPath(incident, model.incidents);
  return keyOf(model, { incident, body, postmortem, card }, locale, preview, incidentPageShowsNow(incident));
}

/** The key of one postmortem's page: the postmortem, its body and its incident (facts and targets). */
export function postmortemPageKey(model: SiteModel, incidentId: string, body: string, locale: Locale, preview: boolean): string {
  const incident = incidentById(model, incidentId);
  const postmortem = postmortemOfIncident(model, incidentId);
  if (!incident || !postmortem) throw new Error(`postmortemPageKey: no postmortem for ${incidentId}`);
  return keyOf(model, { postmortem, body, incident }, locale, preview, incidentPageShowsNow(incident));
}

/**
 * The key of one page of the incident history: the incidents it lists (their status and durations come from the
 * record) and their postmortems' statuses, where it sits among the pages, and how many incidents there are in all
 * (its intro says). A new update
 * on an open incident changes only the page listing it; a new incident shifts every page.
 */
export function historyPageKey(model: SiteModel, page: { number: number; count: number; incidents: readonly Incident[] }, locale: Locale, preview: boolean): string {
  // Each listed incident links its postmortem when that has a page: its status decides.
  const postmortems = page.incidents.map((incident) => postmortemOfIncident(model, incident.id)?.status ?? null);
  return keyOf(model, { number: page.number, count: page.count, total: model.incidents.length, incidents: page.incidents, postmortems }, locale, preview, page.incidents.some(incidentPageShowsNow));
}
