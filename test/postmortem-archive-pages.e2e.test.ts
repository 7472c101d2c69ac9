// Years of postmortems on archive pages of 100, linked newer and older without JavaScript: 600 incidents (the
// example's cloned back in time, as the benchmark makes them) publish more than 100 postmortems, which must each be
// listed once, newest incident first, in both languages.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clonedHistorySite } from '../bench/cloned-history.ts';
import { buildIntoTemp, EXAMPLE_FIXTURE, removeSiteAndBuild } from './helpers/sites.ts';

let root: string;
let out: string;
/** The published postmortems' incident ids, newest incident first, read from the files themselves. */
let published: string[];
const html = (route: string) => readFile(path.join(out, route, 'index.html'), 'utf8');
const page = async (route: string): Promise<HTMLElement> => parse(await html(route));
const listed = async (route: string) => (await page(route)).querySelectorAll('.archive .archive-title a').map((link) => /^\/(?:zh-cn\/)?postmortems\/(INC-[^/]+)\/$/.exec(link.getAttribute('href') ?? '')?.[1]);

beforeAll(async () => {
  root = await clonedHistorySite(EXAMPLE_FIXTURE, 600);
  const started = new Map<string, number>();
  const publishedIds: string[] = [];
  for (const file of await readdir(path.join(root, 'incidents'), { recursive: true })) {
    const text = await readFile(path.join(root, 'incidents', file), 'utf8').catch(() => '');
    if (file.endsWith('index.md')) started.set(/^id: (\S+)$/m.exec(text)![1]!, Date.parse(/^started: (\S+)$/m.exec(text)![1]!));
    if (file.endsWith('postmortem.md') && /^status: published$/m.test(text)) publishedIds.push(/^incident: (\S+)$/m.exec(text)![1]!);
  }
  published = publishedIds.sort((a, b) => started.get(b)! - started.get(a)!);
  out = await buildIntoTemp(root, '2026-11-26T00:00:00Z');
}, 600_000);

afterAll(() => removeSiteAndBuild(root, out));

describe('the postmortem archive of 600 incidents', () => {
  it('lists every published postmortem once, newest incident first, 100 to a page', async () => {
    expect(published.length).toBeGreaterThan(100);
    const pageCount = Math.ceil(published.length / 100);
    const routes = ['postmortems', ...Array.from({ length: pageCount - 1 }, (_, index) => `postmortems/page/${index + 2}`)];
    const pages = await Promise.all(routes.map(listed));
    expect(pages.map((ids) => ids.length)).toEqual(routes.map((_, index) => Math.min(100, published.length - index * 100)));
    expect(pages.flat()).toEqual(published);
    expect(await Promise.all(routes.map(async (route) => (await listed(`zh-cn/${route}`))))).toEqual(pages);
    expect(existsSync(path.join(out, `postmortems/page/${pageCount + 1}/index.html`))).toBe(false);
    expect(existsSync(path.join(out, 'postmortems/page/1/index.html'))).toBe(false);
  });

  it('links newer and older pages with plain links, says which page in both languages, and names it in the title', async () => {
    const links = async (route: string) => (await page(route)).querySelectorAll('nav.archive-pages a').map((link) => [link.getAttribute('rel'), link.getAttribute('href')]);
    expect(await links('postmortems')).toEqual([['next', '/postmortems/page/2/']]);
    const last = Math.ceil(published.length / 100);
    expect(await links(`postmortems/page/${last}`)).toEqual([['prev', last === 2 ? '/postmortems/' : `/postmortems/page/${last - 1}/`]]);
    expect((await page('postmortems/page/2')).querySelector('nav.archive-pages')?.getAttribute('aria-label')).toBe('Postmortem archive pages');
    expect((await page('postmortems/page/2')).querySelector('nav.archive-pages span')?.textContent).toBe(`Page 2 of ${last}`);
    expect((await page('zh-cn/postmortems/page/2')).querySelector('nav.archive-pages span')?.textContent).toBe(`第 2 页，共 ${last} 页`);
    expect((await page('zh-cn/postmortems')).querySelectorAll('nav.archive-pages a').map((link) => link.getAttribute('href'))).toEqual(['/zh-cn/postmortems/page/2/']);
    expect((await page('postmortems/page/2')).querySelector('title')?.textContent).toMatch(/^Postmortems \(Page 2 of \d+\) · /);
    // Which postmortems are overdue is said once, on the first page.
    expect((await page('postmortems')).querySelector('#overdue')).not.toBeNull();
    expect((await page('postmortems/page/2')).querySelector('#overdue')).toBeNull();
    expect(await readFile(path.join(out, 'sitemap-0.xml'), 'utf8')).toContain('/postmortems/page/2/</loc>');
  });

  it('keeps every archive page under 30 KB gzipped', async () => {
    for (const route of ['postmortems', 'postmortems/page/2', 'zh-cn/postmortems', 'zh-cn/postmortems/page/2']) {
      expect(gzipSync(await html(route)).length, route).toBeLessThan(30 * 1024);
    }
  });
});
