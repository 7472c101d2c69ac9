// The earliest instant an incident's postmortem can go out: the incident's first resolution.
import type { Incident } from '../../schemas/incident.ts';
import { FINISHED_STATUSES } from '../incidents/incident-timeline.ts';

/**
 * The first time the incident was resolved (or closed), else its `resolved:` instant. The first, not the latest:
 * a postmortem published before a later reopen stays correctly dated after the incident is resolved again.
 */
export function firstResolution(incident: Incident): Date | undefined {
  const instants = [...incident.updates.filter((update) => FINISHED_STATUSES.includes(update.status)).map((update) => update.at), ...(incident.resolved ? [incident.resolved] : [])];
  return instants.reduce<Date | undefined>((earliest, at) => (earliest === undefined || at.getTime() < earliest.getTime() ? at : earliest), undefined);
}
