// What `npm run build -- --preview` adds to the site, said in one line so a reviewer knows which pages to open.
import { postmortemPath } from '../lib/feeds/feed-items.ts';
import { hasPostmortemPage } from '../lib/postmortems/postmortems.ts';
import type { IncidentEntry } from '../validation/load-site.ts';

/** The postmortems only a preview has pages for, as site paths with their status: `postmortems/INC-…/ (draft)`. */
export function previewOnlyPages(incidents: readonly IncidentEntry[]): string[] {
  return incidents.flatMap(({ incident, postmortem }) =>
    postmortem && !hasPostmortemPage(postmortem.postmortem, false) ? [`${postmortemPath(incident.id)} (${postmortem.postmortem.status.replace('_', ' ')})`] : [],
  );
}

export function previewNote(incidents: readonly IncidentEntry[]): string {
  const pages = previewOnlyPages(incidents);
  const drafts = pages.length === 0 ? 'no postmortem is a draft or in review' : `postmortems not published are shown behind a draft banner at ${pages.join(', ')}`;
  return `preview: every page is marked noindex; ${drafts}; deploy a build made without --preview`;
}
