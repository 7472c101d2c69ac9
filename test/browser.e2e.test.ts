// The example site in Chromium (helpers/browser.ts): JavaScript off and on, keyboard reach, print, network. Layout,
// axe and screenshots of every page family are in layout.e2e.test.ts, Lighthouse in lighthouse.e2e.test.ts.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { writeSearchIndex } from '../src/cli/search-index.ts';
import { axeViolations, exampleInBrowser } from './helpers/example-in-browser.ts';
import { serveStatic } from './helpers/static-server.ts';

const SERVICES = 10;

const example = exampleInBrowser();
const requested: string[] = [];
/** Other copies of the example the tests serve locally, whose requests are the site's own too. */
const ownServers: string[] = [];


async function open(route: string, options: { javaScript?: boolean; colorScheme?: 'light' | 'dark'; width?: number; timezoneId?: string; bypassCSP?: boolean } = {}): Promise<Page> {
  const context = await example.browser.newContext({
    bypassCSP: options.bypassCSP ?? false,
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: 900 },
    timezoneId: options.timezoneId ?? 'Asia/Shanghai',
    locale: 'en-US',
  });
  const page = await context.newPage();
  page.on('request', (request) => requested.push(request.url()));
  const response = await page.goto(`${example.server.url}${route}`);
  expect(response?.status(), route).toBe(200);
  return page;
}


describe('without JavaScript', () => {
  it('shows the same status text as with it', async () => {
    const withScript = await open('/');
    const withoutScript = await open('/', { javaScript: false });
    const summary = (page: Page) => page.locator('.banner, .service-head, .incident-card h3').allInnerTexts();
    expect(await summary(withoutScript)).toEqual(await summary(withScript));
    expect((await summary(withoutScript))[0]).toBe('Partial outage');
    await withScript.context().close();
    await withoutScript.context().close();
  });

  it('keeps every incident listed and the filters out of the way', async () => {
    const page = await open('/incidents/', { javaScript: false });
    expect(await page.locator('.history-item:visible').count()).toBe(34);
    expect(await page.locator('.filters').isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('with JavaScript', () => {
  it('adds the reader’s own time beside the site’s, and how long ago', async () => {
    const page = await open('/', { timezoneId: 'Europe/Berlin' });
    const latest = await page.locator('.incident-card').first().locator('p.muted').last().innerText();
    expect(latest).toMatch(/^Latest update: Nov 25, 2026, 22:35 GMT\+8 \(your time: Nov 25, 15:35 GMT\+1 · .+ ago\)$/);
    await page.context().close();
  });

  it('writes the reader’s own time the Chinese way on Chinese pages: full-width brackets, zone after the time', async () => {
    const page = await open('/zh-cn/', { timezoneId: 'Europe/Berlin' });
    const latest = await page.locator('.incident-card').first().locator('p.muted').last().innerText();
    expect(latest).toMatch(/^最新进展：2026年11月25日 22:35 GMT\+8（您的当地时间：11月25日 15:35 GMT\+1 · .+）$/);
    await page.context().close();
  });

  it('moves nothing on screen once painted: the notice that the figures are old and the reader\'s times come first', async () => {
    // The example's figures are from its fixed now, long past, so every page carries the stale notice. Without the
    // render-blocking rel="expect", Chromium painted before the script had run about half the time, and the notice
    // then pushed the page down by a tenth of the screen (Lighthouse's layout shift 0.11): four tries of three pages
    // failed on all but the rarest of runs.
    for (let run = 0; run < 4; run += 1) {
      for (const route of ['/', '/zh-cn/', '/services/cache/']) {
        const context = await example.browser.newContext({ viewport: { width: 412, height: 823 }, timezoneId: 'Europe/Berlin' });
        const page = await context.newPage();
        await page.addInitScript(() => {
          const seen: number[] = [];
          (window as unknown as { shifts: number[] }).shifts = seen;
          new PerformanceObserver((list) => { for (const entry of list.getEntries()) seen.push((entry as unknown as { value: number }).value); }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(`${example.server.url}${route}`);
        expect(await page.locator('.stale-notice').isVisible()).toBe(true);
        await page.waitForTimeout(300);
        expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts), route).toEqual([]);
        await context.close();
      }
    }
  }, 90_000);

  it('filters the history by service and severity', async () => {
    const page = await open('/incidents/');
    await page.selectOption('select[name="service"]', 'cache');
    const cacheItems = await page.locator('.history-item:visible').count();
    expect(cacheItems).toBeGreaterThan(0);
    expect(cacheItems).toBeLessThan(34);
    for (const services of await page.locator('.history-item:visible').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.services ?? ''))) {
      expect(services.split(' ')).toContain('cache');
    }
    await page.selectOption('select[name="service"]', '');
    await page.selectOption('select[name="severity"]', 'P0');
    expect(await page.locator('.history-item:visible').count()).toBe(2);
    await page.context().close();
  });
});

describe('keyboard', () => {
  async function tabToHistory(page: Page): Promise<{ presses: number; barsReached: Set<string>; labels: string[] }> {
    const barsReached = new Set<string>();
    const labels: string[] = [];
    let presses = 0;
    for (; presses < 200; presses += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return {
          bars: element?.classList.contains('bars-link') ? (element.closest('.service')?.id ?? '') : '',
          text: element?.textContent?.trim() ?? '',
          // As a slider (JavaScript on) its own name; as a link (off) its image's text.
          label: element?.getAttribute('aria-label') ?? element?.querySelector('img')?.getAttribute('alt') ?? '',
        };
      });
      if (focused.bars) {
        barsReached.add(focused.bars);
        labels.push(focused.label);
      }
      if (focused.text.startsWith('Full incident history')) break;
    }
    return { presses, barsReached, labels };
  }

  for (const javaScript of [true, false]) {
    it(`passes each service's 90 days in one Tab stop on the way to the history (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const page = await open('/', { javaScript });
      const { presses, barsReached, labels } = await tabToHistory(page);
      expect(barsReached.size).toBe(SERVICES);
      for (const label of labels) {
        expect(label).toMatch(javaScript ? /: availability day by day, last 90 days$/ : /: 90 days of availability, \d+ with downtime and \d+ with maintenance; each day in words$/);
      }
      // The navigation (skip link, site name, four sections, the other language), a link per active incident, then
      // one stop per service (its bars), the maintenance section's links (the upcoming window's notes have none;
      // the maintenance history), then the history link: 21 in all here, where 90 focusable days per service took 900.
      const navigation = await page.locator('.skip-link, header a').count();
      const activeIncidents = await page.locator('section[aria-labelledby="open-incidents"] a').count();
      const maintenance = await page.locator('section[aria-labelledby="maintenance"] a').count();
      expect(navigation).toBe(7);
      expect(activeIncidents).toBe(2);
      expect(maintenance).toBe(1);
      expect(presses + 1).toBe(navigation + activeIncidents + SERVICES + maintenance + 1);
      await page.context().close();
    });
  }

  it('steps through a service\'s days with the arrow keys, Home and End, announcing each, and opens one with Enter', async () => {
    const page = await open('/');
    const slider = page.locator('#service-api-gateway [role="slider"]');
    await slider.focus();
    const announced = () => slider.getAttribute('aria-valuetext');
    const shown = () => page.locator('#service-api-gateway .bars-day').innerText();
    // Today first: the example's clock stops at 08:00 on Nov 26 (UTC+8), inside INC-20261125-001, a partial outage of
    // the API gateway (half weight) since 21:10 on Nov 25: 8 h × ½ = 4 h of 8.
    expect(await slider.getAttribute('aria-valuenow')).toBe('90');
    expect(await announced()).toBe('Nov 26, 2026: 50.000%, Downtime 4 h. INC-20261125-001');
    expect(await shown()).toBe(await announced());
    await page.keyboard.press('Home');
    expect(await slider.getAttribute('aria-valuenow')).toBe('1');
    expect(await announced()).toBe('Aug 29, 2026: 100.000%, No downtime');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await announced()).toMatch(/^Aug 31, 2026: /);
    await page.keyboard.press('ArrowLeft');
    expect(await announced()).toMatch(/^Aug 30, 2026: /);
    await page.keyboard.press('PageUp');
    expect(await announced()).toMatch(/^Sep 6, 2026: /);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    // Nov 25 from 21:10 to midnight: 170 min × ½ = 85 min; 1 − 85/1440 = 94.097%.
    expect(await announced()).toBe('Nov 25, 2026: 94.097%, Downtime 1 h 25 min. INC-20261125-001');
    const spoken = await announced();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/services\/api-gateway\/#day-2026-11-25$/);
    // The day it lands on reads as the slider said, and there the incident is a link.
    const day = page.locator('#day-2026-11-25');
    expect(await day.innerText()).toBe(spoken);
    expect(await day.locator('a').getAttribute('href')).toBe('/incidents/INC-20261125-001/');
    await page.context().close();
  });

  it('keeps axe clean while a day is chosen, in both languages, on a phone', async () => {
    for (const route of ['/', '/zh-cn/']) {
      const page = await open(route, { width: 390 });
      await page.locator('#service-cache [role="slider"]').focus();
      await page.keyboard.press('ArrowLeft');
      expect(await page.locator('#service-cache .bars-day').isVisible()).toBe(true);
      expect(await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])).toEqual([]);
      await page.context().close();
    }
  });

  it('says the days the Chinese way on Chinese pages', async () => {
    const page = await open('/zh-cn/');
    const slider = page.locator('#service-api-gateway [role="slider"]');
    await slider.focus();
    await page.keyboard.press('ArrowDown');
    expect(await slider.getAttribute('aria-label')).toMatch(/：近 90 天的每日可用性$/);
    expect(await slider.getAttribute('aria-valuetext')).toBe('2026年11月25日：94.097%，中断时长 1 小时 25 分钟。INC-20261125-001');
    await page.context().close();
  });

  it('opens the day under the pointer on a click or a tap', async () => {
    const page = await open('/', { width: 390 });
    const slider = page.locator('#service-api-gateway [role="slider"]');
    const box = (await slider.boundingBox())!;
    // The 89th of 90 days: Nov 25.
    await slider.click({ position: { x: box.width * (88.5 / 90), y: box.height / 2 } });
    await page.waitForURL(/\/services\/api-gateway\/#day-2026-11-25$/);
    await page.context().close();
  });

  it('opens a service\'s page from its bars without JavaScript, every day listed in words, newest first', async () => {
    const page = await open('/', { javaScript: false });
    await page.locator('#service-cache .bars-link').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/services\/cache\/$/);
    const days = page.locator('.days .day');
    expect(await days.count()).toBe(90);
    expect(await days.first().innerText()).toMatch(/^Nov 2[68], 2026: 100\.000%, No downtime$/);
    await page.context().close();
  });
});

describe('print', () => {
  it('prints a postmortem without navigation, every section kept', async () => {
    const page = await open('/postmortems/INC-20250115-001/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await page.locator('main h2:visible').allInnerTexts()).toEqual(['Basic facts', 'Targets', 'Summary', 'Timeline', 'Root cause analysis', 'Impact', 'Response', 'Lessons', 'Action items', 'Action plan by area', 'Appendix']);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.context().close();
  });
});

describe('search', () => {
  async function search(route: string, query: string, serverUrl = example.server.url): Promise<{ page: Page; links: string[]; problems: string[] }> {
    const problems: string[] = [];
    const context = await example.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('request', (request) => requested.push(request.url()));
    // A policy violation (a blocked script, image or WebAssembly compile) is a console error.
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.goto(`${serverUrl}${route}`);
    await page.locator('.pagefind-ui__search-input').fill(query);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    const links = await page.locator('.pagefind-ui__result-link').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    return { page, links, problems };
  }

  it('finds incidents and postmortems by their words, with filters, under the page\'s strict policy', async () => {
    const { page, links, problems } = await search('/search/', 'certificate');
    expect(links).toContain('/incidents/INC-20260317-001/');
    expect(links).toContain('/postmortems/INC-20260317-001/');
    // Pagefind lists the filters as it loads them.
    await expect.poll(() => page.locator('.pagefind-ui__filter-name').allTextContents()).toEqual(['Service', 'Severity', 'Year']);
    expect(await page.locator('.pagefind-ui__search-input').getAttribute('aria-label')).toBe('Search incidents and postmortems');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('finds an incident by the id readers quote, first', async () => {
    const { page, links, problems } = await search('/search/', 'INC-20241203-001');
    expect(links[0]).toBe('/incidents/INC-20241203-001/');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('searches the Chinese pages from the Chinese search, its filters named in Chinese', async () => {
    const { page, links, problems } = await search('/zh-cn/search/', '502');
    expect(links).toContain('/zh-cn/incidents/INC-20261125-001/');
    expect(links.every((link) => link.startsWith('/zh-cn/'))).toBe(true);
    await expect.poll(async () => new Set(await page.locator('.pagefind-ui__filter-name').allTextContents())).toEqual(new Set(['年份', '服务', '级别']));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('finds pages in every part of an index written in parts, as a site with years of history has it', async () => {
    // The example's index cut into parts of about 40 KB of pages (a large site's are 32 MB), served as a site would be.
    const copy = await mkdtemp(path.join(os.tmpdir(), 'aftermath-search-parts-'));
    await cp(inject('exampleSite'), copy, { recursive: true });
    await rm(path.join(copy, 'pagefind'), { recursive: true });
    const written = await writeSearchIndex(copy, 'en', 40_000);
    expect(written.parts).toBeGreaterThan(3);
    const merged = JSON.parse(await readFile(path.join(copy, 'pagefind', 'parts.json'), 'utf8')) as string[];
    expect(merged).toHaveLength(written.parts - 1);
    const server = await serveStatic(copy);
    ownServers.push(server.url);
    try {
      // Which part holds each page, read back from the fragments Pagefind wrote.
      const partOf = new Map<string, string>();
      for (const folder of ['', ...merged]) {
        const fragments = path.join(copy, 'pagefind', folder, 'fragment');
        for (const name of await readdir(fragments)) {
          const fragment = JSON.parse(gunzipSync(await readFile(path.join(fragments, name))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string };
          partOf.set(fragment.url, folder);
        }
      }
      expect(partOf.size).toBe(written.pages);
      const english = await search('/search/', 'database', server.url);
      expect(new Set(english.links.map((link) => partOf.get(link))).size).toBeGreaterThan(1);
      const certificate = await search('/search/', 'certificate', server.url);
      expect(certificate.links).toEqual(expect.arrayContaining(['/incidents/INC-20260317-001/', '/postmortems/INC-20260317-001/']));
      await certificate.page.context().close();
      const firstPart = await english.page.evaluate(async () => {
        const response = await fetch('/pagefind/pagefind-entry.json');
        return ((await response.json()) as { languages: Record<string, { page_count: number }> }).languages;
      });
      expect(Object.values(firstPart)[0]!.page_count).toBeLessThan(written.pages);
      // Filters count the pages of every part: the year filter offers every year of the record.
      await expect.poll(() => english.page.locator('.pagefind-ui__filter-name').allTextContents()).toEqual(['Service', 'Severity', 'Year']);
      expect(english.problems).toEqual([]);
      await english.page.context().close();
      // The oldest incident, in the first part, and the newest, in the last.
      const oldest = await search('/search/', 'log search delayed', server.url);
      expect(oldest.links[0]).toBe('/incidents/INC-20241203-001/');
      expect(partOf.get(oldest.links[0]!)).toBe('');
      await oldest.page.context().close();
      const chinese = await search('/zh-cn/search/', '502', server.url);
      expect(chinese.links).toContain('/zh-cn/incidents/INC-20261125-001/');
      expect(partOf.get('/incidents/INC-20261125-001/')).toBe(merged.at(-1));
      expect(chinese.links.every((link) => link.startsWith('/zh-cn/'))).toBe(true);
      expect(chinese.problems).toEqual([]);
      await chinese.page.context().close();
    } finally {
      await server.close();
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('offers the record by year, severity and service without JavaScript', async () => {
    const page = await open('/search/', { javaScript: false });
    expect(await page.locator('.pagefind-ui__search-input').count()).toBe(0);
    const years = await page.locator('.browse-list').first().locator('a').evaluateAll((anchors) => anchors.map((anchor) => [anchor.textContent, anchor.getAttribute('href')]));
    // The example's newest incident is from 2026 and its oldest from December 2024, 34 incidents in all: one page.
    expect(years.map(([year]) => year)).toEqual(['2026', '2025', '2024']);
    expect(years[0]![1]).toMatch(/^\/incidents\/#month-2026-11$/);
    // Each goes to the history's heading of that year's newest month.
    for (const [, href] of years) {
      await page.goto(`${example.server.url}${href}`);
      expect(await page.locator(`#${href!.split('#')[1]}`).count()).toBe(1);
    }
    // Each level's and each service's incidents, a line each, reachable by links alone.
    await page.goto(`${example.server.url}/search/`);
    const severities = await page.locator('.browse-list').nth(1).locator('a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(severities).toEqual(['/incidents/by/severity/P0/', '/incidents/by/severity/P1/', '/incidents/by/severity/P2/', '/incidents/by/severity/P3/']);
    await page.goto(`${example.server.url}/incidents/by/severity/P0/`);
    expect(await page.locator('.facet-list li a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))).toEqual(['/incidents/INC-20260317-001/', '/incidents/INC-20250718-001/']);
    await page.goto(`${example.server.url}/search/`);
    expect(await page.locator('.browse-list').nth(2).locator('a').first().getAttribute('href')).toBe('/incidents/by/service/api-gateway/');
    await page.context().close();
  });
});

describe('network', () => {
  it('makes no request to any other host', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => ![example.server.url, ...ownServers].some((own) => url.startsWith(`${own}/`)))).toEqual([]);
  });
});
