// Records by id, indexed once per model: pages and endpoints look one up each, and a scan per page would make a
// build quadratic in the number of incidents.
import type { Incident } from '../../schemas/incident.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import type { SiteModel } from './site-model.ts';
import { oncePer } from './once-per.ts';

/** Looks a record up by key in an index built the first time `list` of that model is asked. */
function indexedOnce<T>(keyOf: (record: T) => string): (list: readonly T[], key: string) => T | undefined {
  const indexOf = oncePer((list: readonly T[]) => new Map(list.map((record) => [keyOf(record), record])));
  return (list, key) => indexOf(list).get(key);
}

const incidentIn = indexedOnce<Incident>((incident) => incident.id);
const postmortemFor = indexedOnce<Postmortem>((postmortem) => postmortem.incident);

export function incidentById(model: Pick<SiteModel, 'incidents'>, id: string): Incident | undefined {
  return incidentIn(model.incidents, id);
}

/** The postmortem written for an incident, whatever its status. */
export function postmortemOfIncident(model: Pick<SiteModel, 'postmortems'>, incidentId: string): Postmortem | undefined {
  return postmortemFor(model.postmortems, incidentId);
}
