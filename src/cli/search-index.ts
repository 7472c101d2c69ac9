// The site's full-text search index, built with Pagefind over the pages a build writes: every incident and
// postmortem page of the site's default language, with filters for severity, services and year. The team writes its
// record once, so every language's page holds the same words: one index serves every language's search page, which
// links its own language's pages. The index and Pagefind's own search interface are files under
// /pagefind/ on the site itself.
//
// The build indexes those pages as soon as Astro has written them all, while it still renders the others (the other
// languages' pages, the cards), on the core Astro leaves free, instead of after it. The pages indexed are checked
// against what Astro finally wrote, and the index is made again from the finished pages if anything differs, so it
// is always the index of exactly the pages published.
import { open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as pagefind from 'pagefind';
import { localeSegment } from '../i18n/routes.ts';
import type { Locale } from '../schemas/site.ts';
import type { SiteContent } from '../validation/load-site.ts';
import { recordPages } from './record-pages.ts';

/**
 * The pages worth searching: one folder per incident or postmortem (named by its id) of the default language, which
 * lives at the root. Not the action items, the history or the lists beside them: on a site with no incident yet no
 * page would carry the index marker, and Pagefind would then index those whole.
 */
export const SEARCHED_FOLDERS = ['incidents', 'postmortems'] as const;
const SEARCHED_PAGE = /^INC-[^/]+$/;
const SEARCHED_GLOB = `{${SEARCHED_FOLDERS.join(',')}}/INC-*/index.html`;

export interface SearchIndexResult {
  pages: number;
  /** Whether the pages were indexed while Astro rendered (false: after it, from the finished pages). */
  whileRendering: boolean;
}

/** The pages the index takes, as paths in the built site (`incidents/INC-…/index.html`): src/cli/record-pages.ts. */
export function searchedPagePaths(content: Pick<SiteContent, 'incidents'>, previewBuild: boolean): string[] {
  return recordPages(content, previewBuild).map((page) => `${page.path}index.html`);
}

/** The searched pages a built site holds, as paths in it. */
async function searchedPagesIn(siteDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const folder of SEARCHED_FOLDERS) {
    const entries = await readdir(path.join(siteDir, folder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory() && SEARCHED_PAGE.test(entry.name)) {
        const page = `${folder}/${entry.name}/index.html`;
        if (await stat(path.join(siteDir, page)).then((stats) => stats.isFile(), () => false)) found.push(page);
      }
    }
  }
  return found;
}

async function newIndex(contentLanguage: Locale): Promise<pagefind.PagefindIndex> {
  // forceLanguage: the language the team writes in decides how words are split (a Chinese index splits Chinese
  // text into words; an English one stems English words and leaves Chinese runs whole).
  const created = await pagefind.createIndex({ forceLanguage: localeSegment(contentLanguage) });
  if (!created.index) throw new Error(created.errors.join('; ') || 'no index');
  return created.index;
}

async function writeIndex(index: pagefind.PagefindIndex, siteDir: string): Promise<void> {
  const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(written.errors.join('; '));
}

/** Indexes the finished site in `siteDir` and writes the index to `siteDir/pagefind/`; throws with Pagefind's words on failure. */
export async function writeSearchIndex(siteDir: string, contentLanguage: Locale): Promise<SearchIndexResult> {
  try {
    const index = await newIndex(contentLanguage);
    // Only pages marked data-pagefind-body are indexed: the history, archive and action items list others.
    const added = await index.addDirectory({ path: siteDir, glob: SEARCHED_GLOB });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    await writeIndex(index, siteDir);
    return { pages: added.page_count, whileRendering: false };
  } finally {
    await pagefind.close();
  }
}

/** A page as it was when the index took it: a rewrite after that shows in its size or time. */
interface SeenPage {
  bytes: number;
  mtimeMs: number;
}

export interface SearchIndexer {
  /**
   * True once every expected page is there and complete (Astro has emptied and filled the folder by then), false
   * when the renderer finished without them all (or the build was abandoned).
   */
  pagesWritten: Promise<boolean>;
  /** Once the renderer has finished writing `siteDir`: the index of exactly its pages, written to `siteDir/pagefind/`. */
  finish(): Promise<SearchIndexResult>;
  /** The build failed: stop, write nothing more. */
  abort(): Promise<void>;
}

const END = Buffer.from('</html>');

/** The page's size and time if it is complete: it ends with `</html>`, which Astro writes last and a page's text can never hold unescaped. */
async function completePage(file: string): Promise<SeenPage | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
    const stats = await handle.stat();
    if (stats.size < END.length) return undefined;
    const tail = Buffer.alloc(END.length + 2);
    const start = Math.max(0, stats.size - tail.length);
    const { bytesRead } = await handle.read(tail, 0, tail.length, start);
    return tail.subarray(0, bytesRead).toString('latin1').trimEnd().endsWith('</html>') ? { bytes: stats.size, mtimeMs: stats.mtimeMs } : undefined;
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

/**
 * Waits, while the renderer writes `siteDir`, until every `expected` page (searchedPagePaths) is there and complete,
 * then indexes them at once, as after a build, and writes the index: Astro is then still rendering the other
 * languages' pages and the cards, which come later in its order.
 */
export function indexPagesAsWritten(siteDir: string, contentLanguage: Locale, expected: readonly string[], pollMs = 40): SearchIndexer {
  const pending = new Set(expected);
  const seen = new Map<string, SeenPage>();
  let stopped = false;
  let rendererDone = false;
  let pagesWritten: (written: boolean) => void = () => undefined;
  const allWritten = new Promise<boolean>((resolve) => {
    pagesWritten = resolve;
  });

  async function lookAgain(): Promise<void> {
    const present = new Set<string>();
    for (const folder of SEARCHED_FOLDERS) {
      for (const name of await readdir(path.join(siteDir, folder)).catch(() => [] as string[])) present.add(`${folder}/${name}/index.html`);
    }
    await Promise.all([...pending].filter((page) => present.has(page)).map(async (page) => {
      const complete = await completePage(path.join(siteDir, page));
      if (!complete) return;
      seen.set(page, complete);
      pending.delete(page);
    }));
  }

  /** True once the index of every expected page is written; false when a page never came (the renderer is done without it). */
  const running = (async (): Promise<boolean> => {
    // Nothing to wait for: Astro would empty the folder it builds into after an index written now, so the index is
    // made when the pages are finished (it then holds nothing).
    if (expected.length === 0) return false;
    while (pending.size > 0) {
      if (stopped) return false;
      const lastLook = rendererDone;
      await lookAgain();
      if (pending.size === 0) break;
      if (lastLook) return false;
      await sleep(pollMs);
    }
    if (stopped) return false;
    pagesWritten(true);
    const index = await newIndex(contentLanguage);
    const added = await index.addDirectory({ path: siteDir, glob: SEARCHED_GLOB });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    if (stopped || added.page_count !== expected.length) return false;
    await writeIndex(index, siteDir);
    return !stopped;
  })();
  // A failure here is not the build's: finish() then indexes the finished pages, and reports what fails there.
  running.then(() => pagesWritten(false), () => pagesWritten(false));

  /** Whether what was indexed is exactly what the site holds now: the same pages, none rewritten since. */
  async function indexedWhatWasPublished(): Promise<boolean> {
    if (!(await stat(path.join(siteDir, 'pagefind', 'pagefind-entry.json')).then((stats) => stats.size > 0, () => false))) return false;
    const published = await searchedPagesIn(siteDir);
    if (published.length !== seen.size || published.some((page) => !seen.has(page))) return false;
    for (const [page, then] of seen) {
      const now = await stat(path.join(siteDir, page)).catch(() => undefined);
      if (!now || now.size !== then.bytes || now.mtimeMs !== then.mtimeMs) return false;
    }
    return true;
  }

  return {
    pagesWritten: allWritten,
    async finish() {
      rendererDone = true;
      const complete = await running.catch(() => false);
      if (complete && (await indexedWhatWasPublished())) {
        await pagefind.close();
        return { pages: seen.size, whileRendering: true };
      }
      await pagefind.close();
      await rm(path.join(siteDir, 'pagefind'), { recursive: true, force: true });
      return writeSearchIndex(siteDir, contentLanguage);
    },
    async abort() {
      stopped = true;
      // Closing kills Pagefind's process at once (before the first await), so a caller exiting right after never
      // leaves it writing.
      const closed = pagefind.close();
      await running.catch(() => undefined);
      await closed;
    },
  };
}
