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
//
// Pagefind's memory grows with the HTML it is given (src/lib/model/search-index-parts.ts): a small site's index is one
// part made beside Astro; a large one's is made after Astro, in parts of bounded size, one Pagefind process at a time.
import { open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as pagefind from 'pagefind';
import { localeSegment } from '../i18n/routes.ts';
import { eachAtMost } from '../lib/files/at-most-at-once.ts';
import { INDEX_BESIDE_RENDERER_BYTES, INDEX_PART_BYTES, INDEX_PARTS_MANIFEST, indexPartFolder, indexParts, type SizedPage } from '../lib/model/search-index-parts.ts';
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
/** Pages handed to Pagefind at once: enough to keep its threads busy, few enough to hold little of their text. */
const PAGES_IN_FLIGHT = 8;

/**
 * The page as Pagefind should read it: Pagefind joins the text of a term and its description (`<dt>`, `<dd>`) with
 * nothing between them, so an incident's facts were indexed as one word ("StatusFixingSeverityP1", a commander's
 * name run into the next label) and its excerpts read so. A space at the end of each is what a reader sees anyway.
 */
export function wordsApart(html: string): string {
  return html.replace(/<\/(dt|dd)>/g, ' </$1>');
}

/** What a part of the index other than the first is read for when the search page merges it. */
const PART_DATA = /^(pagefind-entry\.json|.*\.pf_meta|fragment|index|filter)$/;

export interface SearchIndexResult {
  pages: number;
  /** Whether the pages were indexed while Astro rendered (false: after it, from the finished pages). */
  whileRendering: boolean;
  /** How many parts the index was written in (src/lib/model/search-index-parts.ts). */
  parts: number;
}

/** The pages the index takes, as paths in the built site (`incidents/INC-…/index.html`): src/cli/record-pages.ts. */
export function searchedPagePaths(content: Pick<SiteContent, 'incidents'>, previewBuild: boolean): string[] {
  return recordPages(content, previewBuild).map((page) => `${page.path}index.html`);
}

/** The searched pages a built site holds, as paths in it, with their sizes and times. */
async function searchedPagesIn(siteDir: string): Promise<(SizedPage & { mtimeMs: number })[]> {
  const found: (SizedPage & { mtimeMs: number })[] = [];
  for (const folder of SEARCHED_FOLDERS) {
    const entries = await readdir(path.join(siteDir, folder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory() && SEARCHED_PAGE.test(entry.name)) {
        const page = `${folder}/${entry.name}/index.html`;
        const stats = await stat(path.join(siteDir, page)).catch(() => undefined);
        if (stats?.isFile()) found.push({ path: page, bytes: stats.size, mtimeMs: stats.mtimeMs });
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

/**
 * Writes the index of `pages` in parts (indexParts), each by its own Pagefind process, which ends before the next
 * starts, so the memory one part took is free again; then the list of the parts the search page merges. True when
 * every part took all its pages (false: `stopped` said to give up, or Pagefind took fewer pages than it was given).
 */
async function writeParts(siteDir: string, contentLanguage: Locale, pages: readonly SizedPage[], partBytes: number, stopped: () => boolean = () => false): Promise<{ complete: boolean; parts: number }> {
  const parts = indexParts(pages, partBytes);
  let complete = true;
  for (const [number, part] of parts.entries()) {
    if (stopped()) return { complete: false, parts: number };
    try {
      const index = await newIndex(contentLanguage);
      // Only pages marked data-pagefind-body are indexed, and only that part of them.
      await eachAtMost(part, PAGES_IN_FLIGHT, async (page) => {
        const html = await readFile(path.join(siteDir, page.path), 'utf8');
        const added = await index.addHTMLFile({ sourcePath: page.path, content: wordsApart(html) });
        if (added.errors.length > 0) throw new Error(added.errors.join('; '));
        if (!added.file) complete = false;
      });
      if (stopped()) return { complete: false, parts: number };
      const folder = path.join(siteDir, 'pagefind', indexPartFolder(number));
      const written = await index.writeFiles({ outputPath: folder });
      if (written.errors.length > 0) throw new Error(written.errors.join('; '));
      // A merged part is read for its index alone (its entry, metadata and chunks); the interface, its scripts and
      // WebAssembly come from the first part: Pagefind's copies in the others (0.6 MB each) would only be deployed.
      if (number > 0) {
        for (const name of await readdir(folder)) if (!PART_DATA.test(name)) await rm(path.join(folder, name), { recursive: true });
      }
    } finally {
      await pagefind.close();
    }
  }
  const merged = parts.slice(1).map((_, number) => indexPartFolder(number + 1));
  await writeFile(path.join(siteDir, 'pagefind', INDEX_PARTS_MANIFEST), `${JSON.stringify(merged)}\n`);
  return { complete, parts: parts.length };
}

/** Indexes the finished site in `siteDir` and writes the index to `siteDir/pagefind/`; throws with Pagefind's words on failure. */
export async function writeSearchIndex(siteDir: string, contentLanguage: Locale, partBytes: number = INDEX_PART_BYTES): Promise<SearchIndexResult> {
  const pages = await searchedPagesIn(siteDir);
  const { complete, parts } = await writeParts(siteDir, contentLanguage, pages, partBytes);
  if (!complete) throw new Error(`Pagefind indexed fewer than the ${pages.length} pages it was given`);
  return { pages: pages.length, whileRendering: false, parts };
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

export interface IndexerOptions {
  /** How often to look for the pages Astro has written. */
  pollMs?: number;
  /** The most HTML of one part of the index (tests make it small). */
  partBytes?: number;
  /** The most HTML indexed while the renderer still runs; more waits for finish(). */
  besideRendererBytes?: number;
}

/**
 * Waits, while the renderer writes `siteDir`, until every `expected` page (searchedPagePaths) is there and complete,
 * then, if they are few enough (besideRendererBytes), indexes them at once, as after a build, and writes the index:
 * Astro is then still rendering the other languages' pages and the cards, which come later in its order. More pages
 * are indexed by finish(), in parts, once the renderer is done.
 */
export function indexPagesAsWritten(siteDir: string, contentLanguage: Locale, expected: readonly string[], options: IndexerOptions = {}): SearchIndexer {
  const { pollMs = 40, partBytes = INDEX_PART_BYTES, besideRendererBytes = INDEX_BESIDE_RENDERER_BYTES } = options;
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

  /**
   * The number of parts written once the index of every expected page is; 0 when a page never came (the renderer is
   * done without it), or the pages are too many to index beside the renderer.
   */
  const running = (async (): Promise<number> => {
    // Nothing to wait for: Astro would empty the folder it builds into after an index written now, so the index is
    // made when the pages are finished (it then holds nothing).
    if (expected.length === 0) return 0;
    while (pending.size > 0) {
      if (stopped) return 0;
      const lastLook = rendererDone;
      await lookAgain();
      if (pending.size === 0) break;
      if (lastLook) return 0;
      await sleep(pollMs);
    }
    if (stopped) return 0;
    pagesWritten(true);
    // A large site's index waits for Astro to finish, so Pagefind's memory never adds to Astro's (finish() writes it).
    const pages = [...seen].map(([page, { bytes }]) => ({ path: page, bytes }));
    if (pages.reduce((sum, page) => sum + page.bytes, 0) > besideRendererBytes) return 0;
    const { complete, parts } = await writeParts(siteDir, contentLanguage, pages, partBytes, () => stopped);
    return complete && !stopped ? parts : 0;
  })();
  // A failure here is not the build's: finish() then indexes the finished pages, and reports what fails there.
  running.then(() => pagesWritten(false), () => pagesWritten(false));

  /** Whether what was indexed is exactly what the site holds now: the same pages, none rewritten since. */
  async function indexedWhatWasPublished(): Promise<boolean> {
    if (!(await stat(path.join(siteDir, 'pagefind', 'pagefind-entry.json')).then((stats) => stats.size > 0, () => false))) return false;
    const published = await searchedPagesIn(siteDir);
    // Each page as it is now against the same page as the index took it.
    return published.length === seen.size && published.every((now) => {
      const then = seen.get(now.path);
      return then !== undefined && now.bytes === then.bytes && now.mtimeMs === then.mtimeMs;
    });
  }

  return {
    pagesWritten: allWritten,
    async finish() {
      rendererDone = true;
      const parts = await running.catch(() => 0);
      if (parts > 0 && (await indexedWhatWasPublished())) {
        await pagefind.close();
        return { pages: seen.size, whileRendering: true, parts };
      }
      await pagefind.close();
      await rm(path.join(siteDir, 'pagefind'), { recursive: true, force: true });
      return writeSearchIndex(siteDir, contentLanguage, partBytes);
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
