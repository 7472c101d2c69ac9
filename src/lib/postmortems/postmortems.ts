// Which postmortems the site publishes, paired with their incidents, newest incident first.
import type { Incident } from '../../schemas/incident.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import type { SiteModel } from '../model/site-model.ts';
import { incidentById } from '../model/lookups.ts';

export interface PublishedPostmortem {
  postmortem: Postmortem;
  incident: Incident;
}

const publishedByModel = new WeakMap<object, PublishedPostmortem[]>();

/**
 * Drafts and reports in review stay in the repository but are not published. Found once per model (a build has
 * one; many pages and every API incident ask), each postmortem's incident looked up by id, not by a scan.
 */
export function publishedPostmortems(model: Pick<SiteModel, 'postmortems' | 'incidents'>): PublishedPostmortem[] {
  const known = publishedByModel.get(model);
  if (known) return known;
  const published = model.postmortems
    .filter((postmortem) => postmortem.status === 'published')
    .flatMap((postmortem) => {
      const incident = incidentById(model, postmortem.incident);
      return incident ? [{ postmortem, incident }] : [];
    })
    .sort((a, b) => b.incident.started.getTime() - a.incident.started.getTime());
  publishedByModel.set(model, published);
  return published;
}

const publishedByIncidentByModel = new WeakMap<object, Map<string, PublishedPostmortem>>();

/** The published postmortem of an incident, if any, by its id. */
export function publishedPostmortemOf(model: Pick<SiteModel, 'postmortems' | 'incidents'>, incidentId: string): PublishedPostmortem | undefined {
  let byIncident = publishedByIncidentByModel.get(model);
  if (!byIncident) {
    byIncident = new Map(publishedPostmortems(model).map((entry) => [entry.incident.id, entry]));
    publishedByIncidentByModel.set(model, byIncident);
  }
  return byIncident.get(incidentId);
}

/**
 * Whether a postmortem has a page of its own. A draft or a report in review has one only in a preview build (the
 * site a pull request attaches for its reviewers), never on the deployed site; the feeds, the API and the archive
 * list published ones only, in either build.
 */
export function hasPostmortemPage(postmortem: Pick<Postmortem, 'status'>, previewBuild: boolean): boolean {
  return postmortem.status === 'published' || previewBuild;
}
