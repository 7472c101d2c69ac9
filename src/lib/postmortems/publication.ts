// When an incident's postmortem went out, and the earliest instant it can: the incident's first resolution.
import type { Incident } from '../../schemas/incident.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import { startOfLocalDate } from '../time/time-zone.ts';
import { FINISHED_STATUSES } from '../incidents/incident-timeline.ts';

/**
 * The first time the incident was resolved (or closed), else its `resolved:` instant. The first, not the latest:
 * a postmortem published before a later reopen stays correctly dated after the incident is resolved again.
 */
export function firstResolution(incident: Incident): Date | undefined {
  const instants = [...incident.updates.filter((update) => FINISHED_STATUSES.includes(update.status)).map((update) => update.at), ...(incident.resolved ? [incident.resolved] : [])];
  return instants.reduce<Date | undefined>((earliest, at) => (earliest === undefined || at.getTime() < earliest.getTime() ? at : earliest), undefined);
}

/**
 * When a postmortem counts as published: the `published` instant the publish command records. Older records
 * without it fall back to the incident's first `closed` update (the process adds it once the postmortem is out),
 * else the later of the incident's first resolution and the start of the postmortem's `date` in the site's time
 * zone, so the item is never dated before the incident it explains. All come from the record, so rebuilding never
 * moves the item.
 */
export function postmortemPublishedAt(postmortem: Postmortem, incident: Incident, timeZone: string): number {
  if (postmortem.published) return postmortem.published.getTime();
  const closed = incident.updates.find((update) => update.status === 'closed');
  if (closed) return closed.at.getTime();
  const resolvedMs = (firstResolution(incident) ?? incident.started).getTime();
  return Math.max(resolvedMs, startOfLocalDate(postmortem.date, timeZone));
}
