// Writes the markdown twin of every incident and postmortem page a build publishes (src/lib/feeds/markdown-twin.ts)
// beside the page: `incidents/INC-…/index.html.md`. The build writes them from the checked site while Astro renders
// the other pages, as soon as the pages' folders are there (Astro empties the folder it builds into when it starts).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { translator } from '../i18n/index.ts';
import { incidentMarkdown, markdownTwinPath, postmortemMarkdown } from '../lib/feeds/markdown-twin.ts';
import { siteModelOf } from '../lib/model/site-model.ts';
import type { SiteContent } from '../validation/load-site.ts';
import { recordPages } from './record-pages.ts';

/** Files written at once. */
const BATCH = 64;

/** Writes the twins into the built site in `siteDir`; returns how many. */
export async function writeMarkdownTwins(siteDir: string, content: SiteContent, previewBuild: boolean): Promise<number> {
  const model = siteModelOf(content);
  const locale = content.site.defaultLocale;
  const t = translator(locale);
  const pages = recordPages(content, previewBuild);
  for (let start = 0; start < pages.length; start += BATCH) {
    await Promise.all(pages.slice(start, start + BATCH).map(({ path: pagePath, entry, postmortem }) => {
      const text = postmortem ? postmortemMarkdown(postmortem.postmortem, entry.incident, postmortem.body, model, t, locale) : incidentMarkdown(entry.incident, entry.body, model, t, locale, previewBuild);
      return writeFile(path.join(siteDir, markdownTwinPath(pagePath)), text);
    }));
  }
  return pages.length;
}
