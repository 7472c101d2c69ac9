// Lighthouse (mobile settings) on every page family in both languages, against a local server of the built example
// site with the browser the other suites use: accessibility, best practices and SEO score 100. The status page's
// weight is asserted too: at most 800 DOM elements and 60 KB of HTML before compression in each language.
// Performance depends on the machine, so `npm run bench` records it instead (docs/benchmarks.md).
import { createServer } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import lighthouse from 'lighthouse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

const FAMILIES = ['', 'services/cache/', 'incidents/', 'incidents/INC-20250115-001/', 'postmortems/', 'postmortems/INC-20250115-001/', 'postmortems/actions/', 'targets/'];
const ROUTES = FAMILIES.flatMap((family) => [`/${family}`, `/zh-cn/${family}`]);
const CATEGORIES = ['accessibility', 'best-practices', 'seo'] as const;

let server: StaticServer;
let browser: Browser;
let port: number;

/** A port nothing listens on, for Chromium's DevTools endpoint, which Lighthouse drives. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

beforeAll(async () => {
  server = await serveStatic(inject('exampleSite'));
  port = await freePort();
  browser = await launchChromium([`--remote-debugging-port=${port}`]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Lighthouse on every page family, both languages', () => {
  for (const route of ROUTES) {
    it(`${route} scores 100 in accessibility, best practices and SEO`, async () => {
      const result = await lighthouse(`${server.url}${route}`, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      const lhr = result!.lhr;
      const scores = Object.fromEntries(CATEGORIES.map((category) => [category, lhr.categories[category]!.score]));
      // The audits that cost points, by name, so a failure says what to fix.
      const failing = Object.values(lhr.audits)
        .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual' && audit.scoreDisplayMode !== 'notApplicable')
        .filter((audit) => CATEGORIES.some((category) => lhr.categories[category]!.auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0)))
        .map((audit) => `${audit.id}: ${audit.title}`);
      expect({ scores, failing }).toEqual({ scores: { accessibility: 1, 'best-practices': 1, seo: 1 }, failing: [] });
    }, 120_000);
  }
});

describe('the status page', () => {
  for (const route of ['index.html', 'zh-cn/index.html']) {
    it(`${route} has at most 800 DOM elements and 60 KB of HTML`, async () => {
      const html = await readFile(path.join(inject('exampleSite'), route));
      expect(html.length).toBeLessThanOrEqual(60 * 1024);
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${server.url}/${route.replace('index.html', '')}`);
      const elements = await page.evaluate(() => document.querySelectorAll('*').length);
      expect(elements).toBeLessThanOrEqual(800);
      await page.context().close();
    });
  }
});
