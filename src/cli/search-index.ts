// The site's full-text search index, built with Pagefind over the pages a build just wrote: every incident and
// postmortem page of the site's default language, with filters for severity, services and year. The team writes its
// record once, so every language's page holds the same words: one index serves every language's search page, which
// links its own language's pages. The index and Pagefind's own search interface are files under
// /pagefind/ on the site itself.
import path from 'node:path';
import * as pagefind from 'pagefind';
import { localeSegment } from '../i18n/routes.ts';
import type { Locale } from '../schemas/site.ts';

/**
 * The pages worth searching: one folder per incident or postmortem (named by its id) of the default language, which
 * lives at the root. Not the action items, the history or the lists beside them: on a site with no incident yet no
 * page would carry the index marker, and Pagefind would then index those whole.
 */
export const SEARCHED_PAGES = '{incidents,postmortems}/INC-*/index.html';

export interface SearchIndexResult {
  pages: number;
}

/**
 * Indexes the built site in `siteDir` and writes the index to `siteDir/pagefind/`; throws with Pagefind's words on failure.
 * `contentLanguage` is the site's default locale, the language the team writes in: it decides how words are split
 * (a Chinese index splits Chinese text into words; an English one stems English words and leaves Chinese runs whole).
 */
export async function writeSearchIndex(siteDir: string, contentLanguage: Locale): Promise<SearchIndexResult> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: localeSegment(contentLanguage) });
    if (!created.index) throw new Error(created.errors.join('; ') || 'no index');
    // Only pages marked data-pagefind-body are indexed: the history, archive and action items list others.
    const added = await created.index.addDirectory({ path: siteDir, glob: SEARCHED_PAGES });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const written = await created.index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
