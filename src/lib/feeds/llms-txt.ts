// /llms.txt (llmstxt.org): the site described for language models and other machine readers in markdown: what it
// is, the state now, where the pages, feeds and API are, every service, and the newest incidents and postmortems
// (a bounded list, as the feeds are), each linked to its page.
import type { Translate } from '../../i18n/index.ts';
import { currentStatus, newestFirst } from '../incidents/incident-timeline.ts';
import type { SiteModel } from '../model/site-model.ts';
import { siteUrl } from '../model/site-urls.ts';
import { publishedPostmortems } from '../postmortems/postmortems.ts';
import { statusPage } from '../status/status-page.ts';
import { isoInstant } from '../time/format.ts';
import { localDateOf } from '../time/time-zone.ts';
import { incidentPath, postmortemPath, servicePath } from './feed-items.ts';

/** How many incidents and postmortems it lists: the newest, as the feeds and the API keep 50. */
export const LLMS_TXT_LIMIT = 50;

/** A title or name inside link text: brackets would end the link early, so they become parentheses. */
function linkText(text: string): string {
  return text.replace(/[[\]]/g, (bracket) => (bracket === '[' ? '(' : ')')).replace(/\s+/g, ' ');
}

export function llmsTxt(model: SiteModel, t: Translate): string {
  const url = (path: string) => siteUrl(model.site.baseUrl, path);
  const page = statusPage(model);
  const { timeZone } = model.site;
  const lines = [`# ${linkText(model.site.name)}`, ''];
  if (model.site.description) lines.push(`> ${model.site.description.replace(/\s+/g, ' ')}`, '');
  lines.push(
    `State at ${isoInstant(model.nowMs)}: ${t(`banner.${page.overall}`)}; ${page.openIncidents.length} active incident${page.openIncidents.length === 1 ? '' : 's'}. Times in this site's pages are in ${timeZone}.`,
    '',
    '## Pages and data',
    '',
    `- [Status page](${url('')}): the overall state, every service with its state and 90 days of availability, active incidents with their latest update, scheduled maintenance`,
    `- [Incident history](${url('incidents/')}): every incident, newest first, 100 a page`,
    `- [Postmortems](${url('postmortems/')}): published postmortems and their action items`,
    `- [Reliability targets](${url('targets/')}) and [reports by quarter and year](${url('reports/')})`,
    `- [Maintenance history](${url('maintenance/')}) and [search](${url('search/')})`,
    `- [Statuspage-compatible API](${url('api/v2/summary.json')}): JSON, the same figures as the pages`,
    `- Every incident's and postmortem's page has a markdown twin at its address with \`index.html.md\` appended (${url('incidents/<id>/index.html.md')}), linked from the page's head`,
    `- [RSS](${url('rss.xml')}), [Atom](${url('atom.xml')}), [JSON Feed](${url('feed.json')}): the newest 50 incident updates, postmortems and maintenance updates`,
    '',
    '## Services',
    '',
    ...page.groups.flatMap((section) => section.services.map((row) => `- [${linkText(row.service.name)}](${url(servicePath(row.service.id))}): ${t(`state.${row.state}`)}; availability target ${row.service.availability}%`)),
    '',
    '## Recent incidents',
    '',
  );
  const incidents = newestFirst(model.incidents).slice(0, LLMS_TXT_LIMIT);
  if (incidents.length === 0) lines.push('None recorded.');
  for (const incident of incidents) {
    lines.push(`- [${incident.id}: ${linkText(incident.title)}](${url(incidentPath(incident.id))}): ${incident.severity}, ${t(`status.${currentStatus(incident)}`).toLowerCase()}, started ${localDateOf(incident.started.getTime(), timeZone)}`);
  }
  lines.push('', '## Postmortems', '');
  const postmortems = publishedPostmortems(model).slice(0, LLMS_TXT_LIMIT);
  if (postmortems.length === 0) lines.push('None published.');
  for (const { postmortem, incident } of postmortems) lines.push(`- [${incident.id}: ${linkText(postmortem.title)}](${url(postmortemPath(incident.id))}): ${incident.severity}`);
  if (model.incidents.length > LLMS_TXT_LIMIT) lines.push('', '## Optional', '', `- [Older incidents](${url('incidents/')}): ${model.incidents.length - LLMS_TXT_LIMIT} more in the incident history`);
  return `${lines.join('\n')}\n`;
}
