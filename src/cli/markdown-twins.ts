// Writes the markdown twin of every incident and postmortem page a build publishes (src/lib/feeds/markdown-twin.ts)
// beside the page: `incidents/INC-…/index.html.md`. The build writes them from the checked site while Astro renders
// the other pages, as soon as the pages' folders are there (Astro empties the folder it builds into when it starts).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { translator } from '../i18n/index.ts';
import { incidentPath, postmortemPath } from '../lib/feeds/feed-items.ts';
import { incidentMarkdown, markdownTwinPath, postmortemMarkdown } from '../lib/feeds/markdown-twin.ts';
import { siteModelOf } from '../lib/model/site-model.ts';
import { hasPostmortemPage } from '../lib/postmortems/postmortems.ts';
import type { SiteContent } from '../validation/load-site.ts';

/** Files written at once. */
const BATCH = 64;

/** Writes the twins into the built site in `siteDir`; returns how many. */
export async function writeMarkdownTwins(siteDir: string, content: SiteContent, previewBuild: boolean): Promise<number> {
  const model = siteModelOf(content);
  const locale = content.site.defaultLocale;
  const t = translator(locale);
  // The pages the routes publish (src/data/locale-paths.ts): every incident, a postmortem when published (or in a preview).
  const twins: (() => [string, string])[] = content.incidents.flatMap((entry) => {
    const { incident, postmortem } = entry;
    const own = (): [string, string] => [markdownTwinPath(incidentPath(incident.id)), incidentMarkdown(incident, entry.body, model, t, locale, previewBuild)];
    if (!postmortem || !hasPostmortemPage(postmortem.postmortem, previewBuild)) return [own];
    return [own, (): [string, string] => [markdownTwinPath(postmortemPath(incident.id)), postmortemMarkdown(postmortem.postmortem, incident, postmortem.body, model, t, locale)]];
  });
  for (let start = 0; start < twins.length; start += BATCH) {
    await Promise.all(twins.slice(start, start + BATCH).map((twin) => {
      const [file, text] = twin();
      return writeFile(path.join(siteDir, file), text);
    }));
  }
  return twins.length;
}
