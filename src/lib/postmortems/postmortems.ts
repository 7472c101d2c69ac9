// Which postmortems the site publishes, paired with their incidents, newest incident first.
import type { Incident } from '../../schemas/incident.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import type { SiteModel } from '../model/site-model.ts';
import { incidentById, postmortemOfIncident } from '../model/lookups.ts';
import { oncePer } from '../model/once-per.ts';

export interface PublishedPostmortem {
  postmortem: Postmortem;
  incident: Incident;
}

/**
 * Drafts and reports in review stay in the repository but are not published. Found once per model (a build has
 * one; many pages and every API incident ask), each postmortem's incident looked up by id, not by a scan.
 */
export const publishedPostmortems = oncePer((model: Pick<SiteModel, 'postmortems' | 'incidents'>): PublishedPostmortem[] =>
  model.postmortems
    .filter((postmortem) => postmortem.status === 'published')
    .flatMap((postmortem) => {
      const incident = incidentById(model, postmortem.incident);
      return incident ? [{ postmortem, incident }] : [];
    })
    .sort((a, b) => b.incident.started.getTime() - a.incident.started.getTime()),
);

const publishedByIncident = oncePer((model: Pick<SiteModel, 'postmortems' | 'incidents'>) => new Map(publishedPostmortems(model).map((entry) => [entry.incident.id, entry])));

/** The published postmortem of an incident, if any, by its id. */
export function publishedPostmortemOf(model: Pick<SiteModel, 'postmortems' | 'incidents'>, incidentId: string): PublishedPostmortem | undefined {
  return publishedByIncident(model).get(incidentId);
}

/**
 * Whether a postmortem has a page of its own. A draft or a report in review has one only in a preview build (the
 * site a pull request attaches for its reviewers), never on the deployed site; the feeds, the API and the archive
 * list published ones only, in either build.
 */
export function hasPostmortemPage(postmortem: Pick<Postmortem, 'status'>, previewBuild: boolean): boolean {
  return postmortem.status === 'published' || previewBuild;
}

/** Whether an incident has a postmortem with a page in this build, for the links to it from its page and the history. */
export function incidentHasPostmortemPage(model: Pick<SiteModel, 'postmortems'>, incidentId: string, previewBuild: boolean): boolean {
  const postmortem = postmortemOfIncident(model, incidentId);
  return postmortem !== undefined && hasPostmortemPage(postmortem, previewBuild);
}
