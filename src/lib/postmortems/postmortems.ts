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

/**
 * Postmortems per archive page, as many as the history's incidents: a page stays near 3 KB gzipped, so years of
 * postmortems never make one page a reader on a phone waits for (the whole archive of 1,876 was 826 KB on one page
 * at 10,000 incidents).
 */
export const ARCHIVE_PAGE_SIZE = 100;

/** How many pages the archive fills: at least one, which says there is nothing yet. */
export function archivePageCount(published: number): number {
  return Math.max(1, Math.ceil(published / ARCHIVE_PAGE_SIZE));
}

/** One page of the archive, newest incident first; page 1 holds the newest ARCHIVE_PAGE_SIZE. */
export function archivePage(rows: readonly PublishedPostmortem[], number: number): PublishedPostmortem[] {
  const count = archivePageCount(rows.length);
  if (!Number.isInteger(number) || number < 1 || number > count) throw new RangeError(`no postmortem archive page ${number} (expected 1 to ${count})`);
  return rows.slice((number - 1) * ARCHIVE_PAGE_SIZE, number * ARCHIVE_PAGE_SIZE);
}

/** The page's path below a locale's root: `postmortems/` for the first, `postmortems/page/2/` after it. */
export function archivePagePath(number: number): string {
  return number === 1 ? 'postmortems/' : `postmortems/page/${number}/`;
}

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
