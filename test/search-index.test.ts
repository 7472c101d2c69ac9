// The search index is built while the pages are still being written, and must still be the index of exactly the
// pages published: a page not yet complete is not read, one rewritten after it was read or one nobody expected makes
// the index start again from the finished pages.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexPagesAsWritten, searchedPagePaths } from '../src/cli/search-index.ts';

let site: string;

beforeEach(async () => {
  site = await mkdtemp(path.join(os.tmpdir(), 'aftermath-search-index-'));
});
afterEach(async () => {
  await rm(site, { recursive: true, force: true });
});

function page(words: string): string {
  return `<!DOCTYPE html><html lang="en"><head><title>${words}</title></head><body><nav>Menu</nav><main data-pagefind-body><h1>${words}</h1><p>${words} happened.</p></main></body></html>`;
}

async function writePage(relative: string, html: string): Promise<void> {
  await mkdir(path.dirname(path.join(site, relative)), { recursive: true });
  await writeFile(path.join(site, relative), html);
}

/** What the index (or one part of it, by its folder under pagefind/) holds: each page's URL and text, read back from the fragments Pagefind wrote. */
async function indexedPages(part = ''): Promise<Map<string, string>> {
  const folder = path.join(site, 'pagefind', part, 'fragment');
  const pages = new Map<string, string>();
  for (const name of await readdir(folder)) {
    const fragment = JSON.parse(gunzipSync(await readFile(path.join(folder, name))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string; content: string };
    pages.set(fragment.url, fragment.content);
  }
  return pages;
}

async function indexedCount(): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

describe('searchedPagePaths', () => {
  it('takes every incident page and the postmortem pages the build publishes', () => {
    const incidents = [
      { incident: { id: 'INC-20260101-001' }, postmortem: { postmortem: { incident: 'INC-20260101-001', status: 'published' } } },
      { incident: { id: 'INC-20260102-001' }, postmortem: { postmortem: { incident: 'INC-20260102-001', status: 'draft' } } },
      { incident: { id: 'INC-20260103-001' } },
    ] as unknown as Parameters<typeof searchedPagePaths>[0]['incidents'];
    expect(searchedPagePaths({ incidents }, false)).toEqual(['incidents/INC-20260101-001/index.html', 'incidents/INC-20260102-001/index.html', 'incidents/INC-20260103-001/index.html', 'postmortems/INC-20260101-001/index.html']);
    // A preview shows drafts too.
    expect(searchedPagePaths({ incidents }, true)).toContain('postmortems/INC-20260102-001/index.html');
  });
});

describe('indexPagesAsWritten', () => {
  const expected = ['incidents/INC-20260101-001/index.html', 'incidents/INC-20260102-001/index.html', 'postmortems/INC-20260101-001/index.html'];

  it('indexes the pages as they are written, a half-written one only once it is complete, and writes the index before the renderer is done', async () => {
    const indexer = indexPagesAsWritten(site, 'en', expected, { pollMs: 5 });
    await writePage(expected[0]!, page('Uploads failing'));
    // Half a page: the indexer must not take it as it is.
    const whole = page('Queue backlog');
    await writePage(expected[1]!, whole.slice(0, whole.length / 2));
    await sleep(60);
    await writePage(expected[1]!, whole);
    await writePage(expected[2]!, page('Credential rotation'));
    // Other pages are still being rendered: the index is written meanwhile.
    for (let waited = 0; waited < 5000; waited += 20) {
      if (await readFile(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8').then((text) => text.includes('page_count'), () => false)) break;
      await sleep(20);
    }
    expect(await readFile(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')).toContain('"page_count":3');
    await writePage('zh-cn/incidents/INC-20260101-001/index.html', page('上传失败'));
    const result = await indexer.finish();
    expect(result).toEqual({ pages: 3, whileRendering: true, parts: 1 });
    const pages = await indexedPages();
    expect([...pages.keys()].sort()).toEqual(['/incidents/INC-20260101-001/', '/incidents/INC-20260102-001/', '/postmortems/INC-20260101-001/']);
    expect(pages.get('/incidents/INC-20260102-001/')).toContain('Queue backlog happened.');
    // Only the page's main part, as with the whole site indexed at once.
    expect(pages.get('/incidents/INC-20260101-001/')).not.toContain('Menu');
  });

  it('starts again from the finished pages when a page was rewritten after it was read', async () => {
    const indexer = indexPagesAsWritten(site, 'en', expected, { pollMs: 5 });
    for (const file of expected) await writePage(file, page('First words'));
    await sleep(300);
    // Rewritten (a longer page) after the indexer took it.
    await writePage(expected[0]!, page('Second, longer words'));
    const result = await indexer.finish();
    expect(result.whileRendering).toBe(false);
    expect(result.pages).toBe(3);
    expect((await indexedPages()).get('/incidents/INC-20260101-001/')).toContain('Second, longer words');
  });

  it('starts again from the finished pages when a page expected never came, or one came that was not expected', async () => {
    const missing = indexPagesAsWritten(site, 'en', [...expected, 'incidents/INC-20260109-001/index.html'], { pollMs: 5 });
    for (const file of expected) await writePage(file, page('Some words'));
    expect(await missing.finish()).toEqual({ pages: 3, whileRendering: false, parts: 1 });
    expect(await indexedCount()).toBe(3);

    await rm(path.join(site, 'pagefind'), { recursive: true });
    const surprise = indexPagesAsWritten(site, 'en', expected.slice(0, 2), { pollMs: 5 });
    await sleep(300);
    const result = await surprise.finish();
    expect(result).toEqual({ pages: 3, whileRendering: false, parts: 1 });
    expect((await indexedPages()).has('/postmortems/INC-20260101-001/')).toBe(true);
  });

  it('on a site with no incident yet, writes an empty index once the pages are finished, not before', async () => {
    const indexer = indexPagesAsWritten(site, 'en', [], { pollMs: 5 });
    await sleep(100);
    // Astro empties the folder it builds into when it starts: an index written already would be gone.
    expect(await readdir(site)).not.toContain('pagefind');
    await writePage('index.html', page('All systems operational'));
    expect(await indexer.finish()).toEqual({ pages: 0, whileRendering: false, parts: 1 });
    expect(await indexedCount()).toBe(0);
  });

  it('indexes a site with more pages than may be indexed beside the renderer after it, in parts the search page merges', async () => {
    // Each page is about 200 bytes: the renderer's share (300) takes one, a part (450) two.
    const pages = ['incidents/INC-20240105-001/index.html', 'incidents/INC-20250105-001/index.html', 'postmortems/INC-20250105-001/index.html', 'incidents/INC-20260105-001/index.html', 'incidents/INC-20260106-001/index.html'];
    const indexer = indexPagesAsWritten(site, 'en', pages, { pollMs: 5, besideRendererBytes: 300, partBytes: 450 });
    const words = ['Early outage', 'Middle outage', 'Middle review', 'Late outage', 'Last outage'];
    for (const [number, file] of pages.entries()) await writePage(file, page(words[number]!));
    expect(await indexer.pagesWritten).toBe(true);
    await sleep(200);
    // Not while the renderer runs: Pagefind's memory would add to its own.
    expect(await readdir(site)).not.toContain('pagefind');
    expect(await indexer.finish()).toEqual({ pages: 5, whileRendering: false, parts: 3 });
    // The parts in the records' order, an incident's pages together; the first beside the interface.
    expect(JSON.parse(await readFile(path.join(site, 'pagefind', 'parts.json'), 'utf8'))).toEqual(['part-2/', 'part-3/']);
    expect([...(await indexedPages()).keys()].sort()).toEqual(['/incidents/INC-20240105-001/', '/incidents/INC-20250105-001/']);
    expect([...(await indexedPages('part-2')).keys()].sort()).toEqual(['/incidents/INC-20260105-001/', '/postmortems/INC-20250105-001/']);
    expect([...(await indexedPages('part-3')).entries()]).toEqual([['/incidents/INC-20260106-001/', 'Last outage. Last outage happened.']]);
    expect(await readdir(path.join(site, 'pagefind'))).toContain('pagefind-ui.js');
    // The others hold their index alone: the interface and its WebAssembly come from the first.
    // (These pages have no filters, so no filter folder.)
    expect((await readdir(path.join(site, 'pagefind', 'part-2'))).filter((name) => !/\.pf_meta$/.test(name)).sort()).toEqual(['fragment', 'index', 'pagefind-entry.json']);
  });

  it('reads a page\'s facts as separate words, as a reader sees them, not run together', async () => {
    const facts = '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><main data-pagefind-body><h1>Queue stalled</h1><dl><dt>Status</dt><dd><strong>Fixing</strong></dd><dt>Incident commander</dt><dd>@jane.smith</dd><dt>Impact</dt><dd>Jobs waited.</dd></dl></main></body></html>';
    const indexer = indexPagesAsWritten(site, 'en', [expected[0]!], { pollMs: 5 });
    await writePage(expected[0]!, facts);
    await indexer.finish();
    expect((await indexedPages()).get('/incidents/INC-20260101-001/')).toBe('Queue stalled. Status Fixing Incident commander @jane.smith Impact Jobs waited.');
    // The published page is as Astro wrote it.
    expect(await readFile(path.join(site, expected[0]!), 'utf8')).toBe(facts);
  });

  it('lists no other part when the index is one', async () => {
    const indexer = indexPagesAsWritten(site, 'en', expected, { pollMs: 5 });
    for (const file of expected) await writePage(file, page('Some words'));
    expect(await indexer.finish()).toMatchObject({ whileRendering: true, parts: 1 });
    expect(await readFile(path.join(site, 'pagefind', 'parts.json'), 'utf8')).toBe('[]\n');
  });

  it('writes nothing once the build is abandoned', async () => {
    const indexer = indexPagesAsWritten(site, 'en', expected, { pollMs: 5 });
    await writePage(expected[0]!, page('Uploads failing'));
    await indexer.abort();
    await writePage(expected[1]!, page('Queue backlog'));
    await writePage(expected[2]!, page('Credential rotation'));
    await sleep(200);
    expect(await readdir(site)).not.toContain('pagefind');
  });
});
