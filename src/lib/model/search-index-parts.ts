// How the site's search index is cut into parts. Pagefind keeps the words of every page it is given in memory until
// it writes the index, about 20-25 bytes for each byte of HTML (measured at 10,000 incidents: 2.7 GB for the 146 MB
// of one index; 0.65 GB for parts of about 31 MB), so a site with years of history is indexed in parts written one
// after another, each of a bounded size, which Pagefind's search interface merges when a reader searches
// (`mergeIndex`). The builder (src/cli/search-index.ts) and the search page (src/views/SearchPage.astro) share the
// folder and manifest names below.

/** At most this much HTML per part of the index: about 0.8 GB of Pagefind's memory. */
export const INDEX_PART_BYTES = 32 * 2 ** 20;

/**
 * Up to this much HTML in all, the index is one part made while Astro still renders the other pages (on the core it
 * leaves free), and Pagefind's 0.4 GB fit beside Astro's own memory; beyond it, the parts are made after Astro has
 * finished, so a large site never holds both at once.
 */
export const INDEX_BESIDE_RENDERER_BYTES = 16 * 2 ** 20;

/** The list of the other parts' folders, in the first part's folder; the search page reads it before it starts. */
export const INDEX_PARTS_MANIFEST = 'parts.json';

/** The folder of part `index` (from 0) under the site's /pagefind/: the first is /pagefind/ itself, which also holds the interface. */
export function indexPartFolder(index: number): string {
  return index === 0 ? '' : `part-${index + 1}/`;
}

export interface SizedPage {
  /** The page's path in the built site, `incidents/INC-…/index.html`. */
  path: string;
  bytes: number;
}

/** The record id a searched page belongs to: its folder's name. */
function recordOf(page: SizedPage): string {
  return page.path.split('/').at(-2) ?? page.path;
}

/**
 * The pages cut into parts of at most `limit` bytes each (a single larger page makes a part of its own), in the order
 * of their records' ids, an incident's page before its postmortem's: a part covers a stretch of time, and the
 * pages of one record land in the same part unless the limit falls between them. Always at least one part, empty
 * for a site without pages.
 */
export function indexParts(pages: readonly SizedPage[], limit: number = INDEX_PART_BYTES): SizedPage[][] {
  const ordered = [...pages].sort((a, b) => (recordOf(a) < recordOf(b) ? -1 : recordOf(a) > recordOf(b) ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const parts: SizedPage[][] = [[]];
  let bytes = 0;
  for (const page of ordered) {
    const current = parts.at(-1)!;
    if (current.length > 0 && bytes + page.bytes > limit) {
      parts.push([page]);
      bytes = page.bytes;
    } else {
      current.push(page);
      bytes += page.bytes;
    }
  }
  return parts;
}
