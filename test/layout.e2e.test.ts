// Every page family, in both languages, as readers open it: on a small phone (320 px), a common phone (390 px), a
// tablet (768 px) and a laptop (1280 px), in light and dark. Nothing scrolls sideways; a table too wide for the
// screen scrolls inside a region a keyboard can reach and a screen reader names; no table cell is squeezed to a few
// characters a line; axe (WCAG 2.2 A/AA and best practice) finds nothing.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, exampleInBrowser } from './helpers/example-in-browser.ts';
import { FAMILY_ROUTES as ROUTES } from './helpers/page-families.ts';
import { PROJECT } from './helpers/sites.ts';
const WIDTHS = [320, 390, 768, 1280];
/** Where every page family is photographed at 390 and 1280 px, light and dark, both languages, to be looked at. */
const SCREENSHOTS = path.join(PROJECT, 'test-output', 'screenshots', 'families');

const example = exampleInBrowser();

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
});

async function open(route: string, width: number, colorScheme: 'light' | 'dark' = 'light', bypassCSP = false): Promise<Page> {
  const context = await example.browser.newContext({ viewport: { width, height: 800 }, colorScheme, bypassCSP, timezoneId: 'Asia/Shanghai', locale: 'en-US' });
  const page = await context.newPage();
  const response = await page.goto(`${example.server.url}${route}`);
  expect(response?.status(), route).toBe(200);
  return page;
}

interface LayoutFaults {
  pageWidth: number;
  /** The innermost elements reaching past the screen's right edge, which make the page scroll sideways. */
  pastTheEdge: string[];
  /** Scrolling regions a keyboard cannot reach or a screen reader cannot name. */
  unreachableScrollers: string[];
  /** Table cells narrower than four characters of their own text. */
  crushedCells: string[];
}

function layoutFaults(page: Page): Promise<LayoutFaults> {
  return page.evaluate(() => {
    const describe = (element: Element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    const unreachableScrollers = [...document.querySelectorAll('body *')]
      .filter((element) => {
        const style = getComputedStyle(element);
        return /(auto|scroll)/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      })
      // A region: a <section> (or role="region") with a name, in the Tab order.
      .filter((element) => !(element.getAttribute('tabindex') === '0' && (element.tagName === 'SECTION' || element.getAttribute('role') === 'region') && (element.getAttribute('aria-label') || element.getAttribute('aria-labelledby'))))
      .map(describe);
    const crushedCells = [...document.querySelectorAll('th, td')]
      .filter((cell) => {
        const text = (cell.textContent ?? '').trim();
        if (text.length < 4) return false;
        const fontSize = parseFloat(getComputedStyle(cell).fontSize);
        const padding = parseFloat(getComputedStyle(cell).paddingLeft) + parseFloat(getComputedStyle(cell).paddingRight);
        return cell.getBoundingClientRect().width - padding < 2 * fontSize;
      })
      .map(describe);
    const insideScroller = (element: Element) => element.closest('.table-scroll') !== null;
    const past = [...document.querySelectorAll('body *')].filter((element) => !insideScroller(element) && element.getBoundingClientRect().right > document.documentElement.clientWidth + 1);
    const pastTheEdge = past.filter((element) => !past.some((other) => other !== element && element.contains(other))).map(describe);
    return { pageWidth: document.documentElement.scrollWidth, pastTheEdge, unreachableScrollers, crushedCells };
  });
}

describe('every page family at phone, tablet and laptop widths', () => {
  for (const route of ROUTES) {
    it(`${route} never scrolls sideways; wide tables scroll in a named, focusable region; no cell is crushed`, async () => {
      for (const width of WIDTHS) {
        const page = await open(route, width);
        const faults = await layoutFaults(page);
        expect({ width, ...faults }, `${route} at ${width} px`).toEqual({ width, pageWidth: width, pastTheEdge: [], unreachableScrollers: [], crushedCells: [] });
        await page.context().close();
      }
    });
  }
});

describe('an update holding a long unbroken address', () => {
  it('wraps it rather than widen the incident page on a small phone', async () => {
    const page = await open('/incidents/INC-20250115-001/', 320);
    // As a comms lead pastes it: one word of 150 characters, as markdown renders it, in the page's own markup.
    await page.evaluate(() => {
      const message = document.querySelector('.timeline-message')!;
      message.insertAdjacentHTML('beforeend', `<p>See https://status-dashboards.example.com/d/a1b2c3/${'x'.repeat(100)}?from=now-6h&to=now</p>`);
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
    await page.context().close();
  });
});

/** WCAG 2.2 A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

describe('axe on every page family, both languages, light and dark, at 390 and 1280 px (each photographed)', () => {
  for (const route of ROUTES) {
    it(`${route} has no violation`, async () => {
      const found: string[] = [];
      for (const width of [390, 1280]) {
        for (const colorScheme of ['light', 'dark'] as const) {
          // axe is injected as a script, which the page's Content-Security-Policy rightly refuses.
          const page = await open(route, width, colorScheme, true);
          await page.screenshot({ path: path.join(SCREENSHOTS, `${route.replace(/\//g, '_').replace(/^_|_$/g, '') || 'home'}-${width}-${colorScheme}.png`), fullPage: true });
          found.push(...(await axeViolations(page, AXE_TAGS)).map((violation) => `${width} px ${colorScheme}: ${violation}`));
          await page.context().close();
        }
      }
      expect(found).toEqual([]);
    });
  }
});
