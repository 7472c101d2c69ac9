// Which postmortems the site publishes, paired with their incidents, newest incident first.
import type { Incident } from '../../schemas/incident.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import type { SiteModel } from '../model/site-model.ts';

export interface PublishedPostmortem {
  postmortem: Postmortem;
  incident: Incident;
}

/** Drafts and reports in review stay in the repository but are not published. */
export function publishedPostmortems(model: Pick<SiteModel, 'postmortems' | 'incidents'>): PublishedPostmortem[] {
  return model.postmortems
    .filter((postmortem) => postmortem.status === 'published')
    .flatMap((postmortem) => {
      const incident = model.incidents.find((candidate) => candidate.id === postmortem.incident);
      return incident ? [{ postmortem, incident }] : [];
    })
    .sort((a, b) => b.incident.started.getTime() - a.incident.started.getTime());
}

/**
 * Whether a postmortem has a page of its own. A draft or a report in review has one only in a preview build (the
 * site a pull request attaches for its reviewers), never on the deployed site; the feeds, the API and the archive
 * list published ones only, in either build.
 */
export function hasPostmortemPage(postmortem: Pick<Postmortem, 'status'>, previewBuild: boolean): boolean {
  return postmortem.status === 'published' || previewBuild;
}
