// Records by id, indexed once per model: pages and endpoints look one up each, and a scan per page would make a
// build quadratic in the number of incidents.
import type { Incident } from '../../schemas/incident.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import type { SiteModel } from './site-model.ts';

const incidentsByModel = new WeakMap<object, Map<string, Incident>>();
const postmortemsByModel = new WeakMap<object, Map<string, Postmortem>>();

export function incidentById(model: Pick<SiteModel, 'incidents'>, id: string): Incident | undefined {
  let index = incidentsByModel.get(model);
  if (!index) {
    index = new Map(model.incidents.map((incident) => [incident.id, incident]));
    incidentsByModel.set(model, index);
  }
  return index.get(id);
}

/** The postmortem written for an incident, whatever its status. */
export function postmortemOfIncident(model: Pick<SiteModel, 'postmortems'>, incidentId: string): Postmortem | undefined {
  let index = postmortemsByModel.get(model);
  if (!index) {
    index = new Map(model.postmortems.map((postmortem) => [postmortem.incident, postmortem]));
    postmortemsByModel.set(model, index);
  }
  return index.get(incidentId);
}
