// Lighthouse (mobile settings) on every page family in both languages, against a local server of the built example
// site with the browser the other suites use: accessibility, best practices and SEO score 100. The status page's
// weight is asserted too: at most 800 DOM elements and 60 KB of HTML before compression in each language.
// Performance depends on the machine, so `npm run bench` records it instead (docs/benchmarks.md).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { describe, expect, inject, it } from 'vitest';
import { exampleInBrowser } from './helpers/example-in-browser.ts';
import { FAMILY_ROUTES as ROUTES, freePort } from './helpers/page-families.ts';

const CATEGORIES = ['accessibility', 'best-practices', 'seo'] as const;



// Chromium's DevTools endpoint, which Lighthouse drives, on a port picked before the suite starts.
const port = await freePort();
const example = exampleInBrowser([`--remote-debugging-port=${port}`]);

describe('Lighthouse on every page family, both languages', () => {
  for (const route of ROUTES) {
    it(`${route} scores 100 in accessibility, best practices and SEO`, async () => {
      const result = await lighthouse(`${example.server.url}${route}`, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
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
      const page = await (await example.browser.newContext()).newPage();
      await page.goto(`${example.server.url}/${route.replace('index.html', '')}`);
      const elements = await page.evaluate(() => document.querySelectorAll('*').length);
      expect(elements).toBeLessThanOrEqual(800);
      await page.context().close();
    });
  }
});
