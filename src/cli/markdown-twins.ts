// Writes the markdown twin of every incident and postmortem page a build publishes (src/lib/feeds/markdown-twin.ts),
// to stand beside the page: `incidents/INC-…/index.html.md`. The build's check writes them from the checked site
// while Astro starts, into files of its own (src/cli/build-check.ts), which are moved beside their pages once Astro has
// written those (it empties the folder it builds into when it starts).
import { writeFile } from 'node:fs/promises';
import { translator } from '../i18n/index.ts';
import { incidentMarkdown, markdownTwinPath, postmortemMarkdown } from '../lib/feeds/markdown-twin.ts';
import { eachAtMost } from '../lib/files/at-most-at-once.ts';
import { siteModelOf } from '../lib/model/site-model.ts';
import type { SiteContent } from '../validation/load-site.ts';
import { recordPages } from './record-pages.ts';

/** Files written at once. */
export const FILES_AT_ONCE = 64;

/** Writes twin number `index` of the list to `fileFor(index)`; returns each twin's path in the built site, in that order. */
export async function writeMarkdownTwins(content: SiteContent, previewBuild: boolean, fileFor: (index: number) => string): Promise<string[]> {
  const model = siteModelOf(content);
  const locale = content.site.defaultLocale;
  const t = translator(locale);
  const pages = recordPages(content, previewBuild);
  await eachAtMost(pages, FILES_AT_ONCE, ({ entry, postmortem }, index) => {
    const text = postmortem ? postmortemMarkdown(postmortem.postmortem, entry.incident, postmortem.body, model, t, locale) : incidentMarkdown(entry.incident, entry.body, model, t, locale, previewBuild);
    return writeFile(fileFor(index), text);
  });
  return pages.map((page) => markdownTwinPath(page.path));
}
