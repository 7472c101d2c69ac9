// The incident and postmortem pages a build publishes in the site's default language, by the rule its routes use
// (src/data/locale-paths.ts): every incident has a page, a postmortem has one when it is published (or in a preview
// build). The search index takes exactly these pages and the markdown twins stand beside exactly these.
import { incidentPath, postmortemPath } from '../lib/feeds/feed-items.ts';
import { hasPostmortemPage } from '../lib/postmortems/postmortems.ts';
import type { IncidentEntry, PostmortemEntry, SiteContent } from '../validation/load-site.ts';

export interface RecordPage {
  /** The page's folder from the site's root (`incidents/INC-…/`). */
  path: string;
  entry: IncidentEntry;
  /** Set on a postmortem's page. */
  postmortem?: PostmortemEntry;
}

/** Every incident's page, then every postmortem's. */
export function recordPages(content: Pick<SiteContent, 'incidents'>, previewBuild: boolean): RecordPage[] {
  const incidents = content.incidents.map((entry): RecordPage => ({ path: incidentPath(entry.incident.id), entry }));
  const postmortems = content.incidents.flatMap((entry): RecordPage[] => (entry.postmortem && hasPostmortemPage(entry.postmortem.postmortem, previewBuild) ? [{ path: postmortemPath(entry.postmortem.postmortem.incident), entry, postmortem: entry.postmortem }] : []));
  return [...incidents, ...postmortems];
}
