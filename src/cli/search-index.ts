// The site's full-text search index, built with Pagefind over the pages a build just wrote: every incident and
// postmortem page, in each language (the index follows each page's <html lang>), with filters for severity,
// services and year. The index and Pagefind's own search interface are files under /pagefind/ on the site itself.
import path from 'node:path';
import * as pagefind from 'pagefind';

/** The pages worth searching: one folder per incident or postmortem, in every language. */
export const SEARCHED_PAGES = '**/{incidents,postmortems}/*/index.html';

export interface SearchIndexResult {
  pages: number;
}

/** Indexes the built site in `siteDir` and writes the index to `siteDir/pagefind/`; throws with Pagefind's words on failure. */
export async function writeSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  try {
    const created = await pagefind.createIndex({});
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
