// The example site in Chromium (helpers/browser.ts): JavaScript off and on, keyboard reach, print, network. Layout,
// axe and screenshots of every page family are in layout.e2e.test.ts, Lighthouse in lighthouse.e2e.test.ts.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exampleInBrowser } from './helpers/example-in-browser.ts';

const SERVICES = 10;

const example = exampleInBrowser();
const requested: string[] = [];


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
  it('passes each service\'s 90 days in one Tab stop, a link to its page, on the way to the history', async () => {
    const page = await open('/');
    const barsReached = new Set<string>();
    let presses = 0;
    for (; presses < 200; presses += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return { bars: element?.classList.contains('bars-link') ? (element.closest('.service')?.id ?? '') : '', text: element?.textContent?.trim() ?? '', label: element?.querySelector('img')?.getAttribute('alt') ?? '' };
      });
      if (focused.bars) {
        barsReached.add(focused.bars);
        expect(focused.label).toMatch(/: 90 days of availability, \d+ with downtime and \d+ with maintenance; each day in words$/);
      }
      if (focused.text.startsWith('Full incident history')) break;
    }
    expect(barsReached.size).toBe(SERVICES);
    // The navigation (skip link, site name, four sections, the other language), a link per active incident, then
    // one stop per service (its bars), then the history link: 20 in all here, where 90 focusable days per service
    // took 900.
    const navigation = await page.locator('.skip-link, header a').count();
    const activeIncidents = await page.locator('section[aria-labelledby="open-incidents"] a').count();
    expect(navigation).toBe(7);
    expect(activeIncidents).toBe(2);
    expect(presses + 1).toBe(navigation + activeIncidents + SERVICES + 1);
    await page.context().close();
  });

  it('opens a service\'s page from its bars, every day listed in words, newest first', async () => {
    const page = await open('/');
    await page.locator('#service-cache .bars-link').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/services\/cache\/$/);
    const days = page.locator('.days .day');
    expect(await days.count()).toBe(90);
    expect(await days.first().innerText()).toMatch(/^Nov 26, 2026: 100\.000%, No downtime$/);
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

describe('network', () => {
  it('makes no request to any other host', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(example.server.url))).toEqual([]);
  });
});
