// The notice a static page shows when its figures are older than the site allows (rebuilds have stopped), in
// Chromium (helpers/browser.ts finds one) with the page's Content-Security-Policy in force and the reader's clock set: the example site keeps the
// default of 3 hours; a copy of the valid fixture sets staleAfter: 6h.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { siteSchema } from '../src/schemas/site.ts';
import { launchChromium } from './helpers/browser.ts';
import { copyOf, runScript, VALID_FIXTURE } from './helpers/sites.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

const HOUR = 3_600_000;
/** An incident of the example still open at its build's now. */
const OPEN_INCIDENT = 'INC-20261125-001';
// The valid fixture's site.yaml fixes its now.
const VALID_NOW = Date.parse('2026-11-26T12:00:00Z');

let browser: Browser;
let example: StaticServer;
let sixHours: StaticServer;
let sixHoursRoot: string;

beforeAll(async () => {
  sixHoursRoot = await copyOf(VALID_FIXTURE);
  const siteFile = path.join(sixHoursRoot, 'content/site.yaml');
  await writeFile(siteFile, `${await readFile(siteFile, 'utf8')}staleAfter: 6h\n`);
  const build = runScript('build.ts', ['--root', sixHoursRoot, '--out', path.join(sixHoursRoot, 'dist')]);
  if (build.status !== 0) throw new Error(build.stderr);
  [example, sixHours] = await Promise.all([serveStatic(inject('exampleSite')), serveStatic(path.join(sixHoursRoot, 'dist'))]);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([example?.close(), sixHours?.close()]);
  await rm(sixHoursRoot, { recursive: true, force: true });
});

/** The notice's text on a page read at `readerNow`, or null when there is none. */
async function noticeAt(server: StaticServer, route: string, readerNow: number, javaScript = true): Promise<string | null> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, timezoneId: 'Asia/Shanghai', locale: 'en-US' });
  try {
    await context.clock.setFixedTime(readerNow);
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) blocked.push(message.text());
    });
    await page.goto(`${server.url}${route}`);
    expect(blocked).toEqual([]);
    const notices = page.locator('main > .stale-notice');
    if ((await notices.count()) === 0) return null;
    // It is the first thing in the page's content, where the skip link lands.
    expect(await page.locator('main > :first-child').getAttribute('class')).toBe('stale-notice');
    return await notices.innerText();
  } finally {
    await context.close();
  }
}

describe('the example site (default: 3 hours)', () => {
  const built = () => Date.parse(inject('exampleNow'));

  it('shows nothing while the figures are under 3 hours old', async () => {
    expect(await noticeAt(example, '/', built() + 2 * HOUR + 59 * 60_000)).toBeNull();
  });

  it('says how old the figures are once they are older', async () => {
    expect(await noticeAt(example, '/', built() + 4 * HOUR)).toBe('This page was last updated 4 hours ago: the status and figures on it may be out of date.');
  });

  it('shows it on every page whose figures run to now, not only the status page', async () => {
    const notice = 'This page was last updated 4 hours ago: the status and figures on it may be out of date.';
    expect(await noticeAt(example, '/incidents/', built() + 4 * HOUR)).toBe(notice);
    expect(await noticeAt(example, '/targets/', built() + 4 * HOUR)).toBe(notice);
    expect(await noticeAt(example, `/incidents/${OPEN_INCIDENT}/`, built() + 4 * HOUR)).toBe(notice);
  });

  it('shows none on a resolved incident\'s page, whose record is complete (so rebuilds can keep the page as it is)', async () => {
    expect(await noticeAt(example, '/incidents/INC-20250115-001/', built() + 4 * HOUR)).toBeNull();
  });

  it('says it in Chinese on the Chinese pages', async () => {
    expect(await noticeAt(example, '/zh-cn/', built() + 26 * HOUR)).toBe('本页最后更新于昨天，页面上的状态和数据可能已过时。');
  });

  it('shows nothing without JavaScript, which a static page needs to read the clock', async () => {
    expect(await noticeAt(example, '/', built() + 4 * HOUR, false)).toBeNull();
  });
});

describe('a site with staleAfter: 6h', () => {
  it('shows nothing at 5 hours', async () => {
    expect(await noticeAt(sixHours, '/', VALID_NOW + 5 * HOUR)).toBeNull();
  });

  it('shows the notice at 7 hours', async () => {
    expect(await noticeAt(sixHours, '/', VALID_NOW + 7 * HOUR)).toBe('This page was last updated 7 hours ago: the status and figures on it may be out of date.');
  });
});

describe('staleAfter in site.yaml', () => {
  const staleAfter = siteSchema.shape.staleAfter;

  it('is 3 hours when absent, a duration when given, and none turns the notice off', () => {
    expect(staleAfter.parse(undefined)).toBe(3 * HOUR);
    expect(staleAfter.parse('90m')).toBe(90 * 60_000);
    expect(staleAfter.parse('none')).toBeNull();
  });
});
