// Years of history on pages of 100, linked newer/older without JavaScript: 250 incidents (the example's cloned
// back in time, as the benchmark makes them) give three pages per language, every incident once, newest first.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clonedHistorySite } from '../bench/cloned-history.ts';
import { historyPage } from '../src/lib/status/history.ts';
import { incident } from './helpers/records.ts';
import { buildIntoTemp, EXAMPLE_FIXTURE, removeSiteAndBuild } from './helpers/sites.ts';

let root: string;
let out: string;
const html = (route: string) => readFile(path.join(out, route, 'index.html'), 'utf8');
const page = async (route: string): Promise<HTMLElement> => parse(await html(route));

beforeAll(async () => {
  root = await clonedHistorySite(EXAMPLE_FIXTURE, 250);
  out = await buildIntoTemp(root, '2026-11-26T00:00:00Z');
}, 600_000);

afterAll(() => removeSiteAndBuild(root, out));

describe('a history page', () => {
  it('holds 100 incidents, newest first, and refuses a page that does not exist', () => {
    const incidents = Array.from({ length: 230 }, (_, index) => incident({ id: `INC-20260101-${String(index + 1).padStart(3, '0')}`, started: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(), services: [{ id: 'api', impact: 'degraded' }] }));
    expect(historyPage(incidents, 1).incidents.map((entry) => entry.id).slice(0, 2)).toEqual(['INC-20260101-230', 'INC-20260101-229']);
    expect(historyPage(incidents, 3)).toMatchObject({ number: 3, count: 3 });
    expect(historyPage(incidents, 3).incidents.map((entry) => entry.id)).toEqual(Array.from({ length: 30 }, (_, index) => `INC-20260101-${String(30 - index).padStart(3, '0')}`));
    expect(() => historyPage(incidents, 4)).toThrow('no history page 4 (expected 1 to 3)');
    expect(historyPage([], 1)).toEqual({ number: 1, count: 1, incidents: [] });
  });
});

describe('250 incidents in the built history', () => {
  it('are on three pages of 100, 100 and 50, each once, newest first', async () => {
    const ids: string[] = [];
    for (const route of ['incidents', 'incidents/page/2', 'incidents/page/3']) {
      ids.push(...(await page(route)).querySelectorAll('.history-item .muted span').filter((span) => /^INC-/.test(span.textContent)).map((span) => span.textContent));
    }
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    // Newest first by start, read from the files themselves.
    const started = new Map<string, number>();
    for (const file of (await readdir(path.join(root, 'incidents'), { recursive: true })).filter((name) => name.endsWith('index.md'))) {
      const text = await readFile(path.join(root, 'incidents', file), 'utf8');
      started.set(/^id: (\S+)$/m.exec(text)![1]!, Date.parse(/^started: (\S+)$/m.exec(text)![1]!));
    }
    const starts = ids.map((id) => started.get(id)!);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    expect(existsSync(path.join(out, 'incidents/page/4/index.html'))).toBe(false);
  });

  it('link newer and older pages with plain links that lead to built pages', async () => {
    const links = async (route: string) => (await page(route)).querySelectorAll('nav.history-pages a').map((link) => [link.getAttribute('rel'), link.getAttribute('href')]);
    expect(await links('incidents')).toEqual([['next', '/incidents/page/2/']]);
    expect(await links('incidents/page/2')).toEqual([['prev', '/incidents/'], ['next', '/incidents/page/3/']]);
    expect(await links('incidents/page/3')).toEqual([['prev', '/incidents/page/2/']]);
    expect((await page('incidents/page/2')).querySelector('nav.history-pages span')?.textContent).toBe('Page 2 of 3');
    expect((await page('zh-cn/incidents/page/2')).querySelector('nav.history-pages span')?.textContent).toBe('第 2 页，共 3 页');
    expect(await links('zh-cn/incidents/page/3')).toEqual([['prev', '/zh-cn/incidents/page/2/']]);
  });

  it('keep every page under 30 KB gzipped', async () => {
    for (const route of ['incidents', 'incidents/page/2', 'incidents/page/3', 'zh-cn/incidents', 'zh-cn/incidents/page/2']) {
      expect(gzipSync(await html(route)).length, route).toBeLessThan(30 * 1024);
    }
  });
});
