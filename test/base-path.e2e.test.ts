// A site served under a path (a GitHub Pages project site, https://example.org/status/) works as one served at a
// host's root: the built folder is served under that path only, a link checker follows every page from there, and
// every address a page, feed, calendar, sitemap or the API gives is under the path.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { check, LinkState } from 'linkinator';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../src/cli/search-index.ts';
import { launchChromium } from './helpers/browser.ts';
import { copyOf, runScript, VALID_FIXTURE } from './helpers/sites.ts';
import { serveStatic } from './helpers/static-server.ts';

const NOW = { AFTERMATH_NOW: '2026-11-26T12:00:00Z' };
const PUBLIC_ORIGIN = 'https://example.org';
const INCIDENT_FILE = 'incidents/2026/INC-20261110-001/index.md';
/** Eight bytes of PNG signature: the build copies the file, nobody decodes it. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** What a team writes in markdown: paths from the site's root, never with the path the site is served under. */
const BODY_LINKS = '\nSee ![the expiry alert](/images/expiry.png) and [the earlier incident](/incidents/INC-20261115-001/).\n';
const MESSAGE_LINK = 'Details on [the status page](/).';
const MAINTENANCE_LINK = '\nSee [the incident history](/incidents/) afterwards.\n';

interface ServedSite {
  /** The built folder. */
  out: string;
  /** `http://127.0.0.1:<port>`: where the test's server listens. */
  origin: string;
  /** Where the site sits on that server and at its public address: `/status/` or `/`. */
  mount: string;
  close(): Promise<void>;
}

/** The valid fixture with baseUrl set as written, an image in public/images/ and site links in markdown, built and served. */
async function buildAndServe(baseUrl: string): Promise<ServedSite> {
  const site = await copyOf(VALID_FIXTURE);
  const siteFile = path.join(site, 'content/site.yaml');
  const siteYaml = await readFile(siteFile, 'utf8');
  await writeFile(siteFile, siteYaml.replace(/^baseUrl: .*$/m, `baseUrl: ${baseUrl}`));
  const incident = path.join(site, INCIDENT_FILE);
  const incidentText = await readFile(incident, 'utf8');
  const withLinks = incidentText.replace('message: The postmortem is published.', `message: "${MESSAGE_LINK}"`);
  expect(withLinks).not.toBe(incidentText);
  await writeFile(incident, `${withLinks}${BODY_LINKS}`);
  const maintenance = path.join(site, 'content/maintenance/2026-12-05-api-upgrade.md');
  await writeFile(maintenance, `${await readFile(maintenance, 'utf8')}${MAINTENANCE_LINK}`);
  await mkdir(path.join(site, 'public/images'), { recursive: true });
  await writeFile(path.join(site, 'public/images/expiry.png'), PNG);

  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'aftermath-base-path-')), 'site');
  try {
    const checked = runScript('check.ts', ['--root', site], NOW);
    expect(checked.status, checked.stdout + checked.stderr).toBe(0);
    const built = runScript('build.ts', ['--root', site, '--out', out], NOW);
    expect(built.status, built.stdout + built.stderr).toBe(0);
  } finally {
    await rm(site, { recursive: true, force: true });
  }
  const mount = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).pathname;
  // Only under the path, as GitHub Pages serves a project site: a link that leaves it is a 404.
  const server = await serveStatic(out, { mount });
  return {
    out,
    origin: server.url,
    mount,
    close: async () => {
      await server.close();
      await rm(path.dirname(out), { recursive: true, force: true });
    },
  };
}

/**
 * linkinator, offline: it follows every page from the site's address on the test's server, checks every link and
 * asset (`<a>`, `<link>`, `<img>`, `<meta content>`) and every #fragment, and reads the sitemap. Addresses at the
 * public host (canonical, hreflang, og:url, og:image, the sitemap's entries) are checked on the test's server
 * instead; any other host is skipped.
 */
async function brokenLinks(served: ServedSite, extraUrls: readonly string[] = []): Promise<string[]> {
  const local = (url: string) => url.replace(PUBLIC_ORIGIN, served.origin);
  const result = await check({
    path: [`${served.origin}${served.mount}`, ...extraUrls.map(local)],
    recurse: true,
    checkFragments: true,
    sitemap: `${served.origin}${served.mount}sitemap-index.xml`,
    urlRewriteExpressions: [{ pattern: new RegExp(`^${PUBLIC_ORIGIN.replace(/\./g, '\\.')}(?=/)`), replacement: served.origin }],
    linksToSkip: async (link) => !link.startsWith(`${served.origin}/`) && !link.startsWith(`${PUBLIC_ORIGIN}/`),
    concurrency: 4,
    timeout: 10_000,
  });
  const pagesFollowed = result.links.filter((link) => link.state === LinkState.OK && link.url.endsWith('/')).length;
  expect(pagesFollowed, 'the checker followed the pages').toBeGreaterThan(10);
  return result.links.filter((link) => link.state === LinkState.BROKEN).map((link) => `${link.url} (status ${link.status ?? '?'}, on ${link.parent ?? 'the start'})`);
}

const html = async (served: ServedSite, file: string) => parse(await readFile(path.join(served.out, file), 'utf8'));
const text = async (served: ServedSite, file: string) => readFile(path.join(served.out, file), 'utf8');

/** Every absolute address the feeds, the API and the calendar give: what a feed reader or a script would follow. */
async function addressesOutsidePages(served: ServedSite): Promise<string[]> {
  const files = ['rss.xml', 'atom.xml', 'feed.json', 'postmortems/rss.xml', 'services/rest-api/atom.xml', 'maintenance.ics', 'api/v2/summary.json', 'api/v2/incidents.json', 'api/v2/scheduled-maintenances.json', 'robots.txt', 'sitemap-0.xml'];
  const texts = await Promise.all(files.map((file) => text(served, file)));
  // iCalendar folds lines longer than 75 octets: unfold before reading addresses.
  const joined = texts.join('\n').replace(/\r?\n[ \t]/g, '');
  const addresses = joined.match(/https:\/\/example\.org[^\s"'<>)\]\\]*/g) ?? [];
  return [...new Set(addresses.map((address) => address.replace(/&amp;/g, '&').replace(/[.,;]$/, '')))].sort();
}

describe('a site served under a path (baseUrl https://example.org/status)', () => {
  let served: ServedSite;
  beforeAll(async () => {
    // Written without the closing slash, as it is easy to copy it: the site is still the folder /status/.
    served = await buildAndServe('https://example.org/status');
  });
  afterAll(async () => {
    await served?.close();
  });

  it('has no broken internal link, asset or fragment on any page, in the sitemap or in the feeds, API and calendar', async () => {
    const elsewhere = await addressesOutsidePages(served);
    expect(elsewhere.length).toBeGreaterThan(20);
    expect(await brokenLinks(served, elsewhere)).toEqual([]);
  });

  it('links pages, feeds, the favicon and the other language under /status/', async () => {
    const page = await html(served, 'incidents/INC-20261110-001/index.html');
    const links = page.querySelectorAll('a[href], link[href]').map((element) => element.getAttribute('href')!);
    const sitePaths = links.filter((href) => href.startsWith('/'));
    expect(sitePaths.length).toBeGreaterThan(15);
    expect(sitePaths.filter((href) => !href.startsWith('/status/'))).toEqual([]);
    expect(links).toContain('/status/incidents/');
    expect(links).toContain('/status/rss.xml');
    expect(links).toContain('/status/favicon.svg');
    // The site's one stylesheet, shared by every page.
    expect(page.querySelectorAll('link[rel="stylesheet"]').map((link) => link.getAttribute('href'))).toEqual([expect.stringMatching(/^\/status\/_astro\/[\w.-]+\.css$/)]);
    expect(links).toContain('/status/zh-cn/incidents/INC-20261110-001/');
    expect(links).toContain('/status/maintenance.ics');
    expect(links).toContain('/status/api/v2/summary.json');
    expect(page.querySelector('link[rel="alternate"][type="application/rss+xml"]')!.getAttribute('href')).toBe('/status/rss.xml');
  });

  it('writes the markdown image and site links of a body under /status/', async () => {
    const page = await html(served, 'incidents/INC-20261110-001/index.html');
    expect(page.querySelector('img[alt="the expiry alert"]')!.getAttribute('src')).toBe('/status/images/expiry.png');
    const linkTo = (words: string) => page.querySelectorAll('a').find((link) => link.text === words)?.getAttribute('href');
    expect(linkTo('the earlier incident')).toBe('/status/incidents/INC-20261115-001/');
    expect(linkTo('the status page')).toBe('/status/');
  });

  it("links the page's markdown twin under /status/, whose site links and images are full addresses under the site's path", async () => {
    const page = await html(served, 'zh-cn/incidents/INC-20261110-001/index.html');
    const twinPath = page.querySelector('link[rel="alternate"][type="text/markdown"]')!.getAttribute('href')!;
    expect(twinPath).toBe('/status/incidents/INC-20261110-001/index.html.md');
    const twin = await text(served, twinPath.slice('/status/'.length));
    expect(twin).toContain('![the expiry alert](https://example.org/status/images/expiry.png)');
    expect(twin).toContain('(https://example.org/status/incidents/INC-20261115-001/)');
    expect(twin).toContain('> Markdown version of https://example.org/status/incidents/INC-20261110-001/');
  });

  it('gives canonical, og:url, og:image and hreflang alternates under https://example.org/status/', async () => {
    const page = await html(served, 'zh-cn/incidents/INC-20261110-001/index.html');
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://example.org/status/zh-cn/incidents/INC-20261110-001/');
    expect(page.querySelector('meta[property="og:url"]')!.getAttribute('content')).toBe('https://example.org/status/zh-cn/incidents/INC-20261110-001/');
    expect(page.querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe('https://example.org/status/social/INC-20261110-001.png');
    const alternates = Object.fromEntries(page.querySelectorAll('link[rel="alternate"][hreflang]').map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]));
    expect(alternates).toEqual({ en: 'https://example.org/status/incidents/INC-20261110-001/', 'zh-CN': 'https://example.org/status/zh-cn/incidents/INC-20261110-001/' });
    const home = await html(served, 'index.html');
    expect(home.querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe('https://example.org/status/social/site.png');
  });

  it('lists every page in the sitemap under https://example.org/status/', async () => {
    expect(await text(served, 'sitemap-index.xml')).toContain('<loc>https://example.org/status/sitemap-0.xml</loc>');
    const entries = [...(await text(served, 'sitemap-0.xml')).matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!);
    expect(entries).toContain('https://example.org/status/');
    expect(entries).toContain('https://example.org/status/zh-cn/postmortems/INC-20261110-001/');
    expect(entries.filter((entry) => !entry.startsWith('https://example.org/status/'))).toEqual([]);
    expect(await text(served, 'robots.txt')).toContain('Sitemap: https://example.org/status/sitemap-index.xml');
  });

  it('gives feed links, item links and markdown links in feeds as full addresses under /status/', async () => {
    const rss = await text(served, 'rss.xml');
    expect(rss).toContain('<link>https://example.org/status/</link>');
    expect(rss).toContain('<atom:link href="https://example.org/status/rss.xml" rel="self"');
    expect(rss).toContain('<link>https://example.org/status/incidents/INC-20261110-001/#update-');
    expect(rss).toContain('<a href="https://example.org/status/">the status page</a>');
    const atom = await text(served, 'atom.xml');
    expect(atom).toContain('<link rel="self" href="https://example.org/status/atom.xml"');
    const feed = JSON.parse(await text(served, 'feed.json')) as { home_page_url: string; feed_url: string };
    expect(feed.home_page_url).toBe('https://example.org/status/');
    expect(feed.feed_url).toBe('https://example.org/status/feed.json');
  });

  it('gives the Statuspage API’s page, shortlinks and link addresses in bodies under /status/', async () => {
    const summary = JSON.parse(await text(served, 'api/v2/summary.json')) as { page: { url: string } };
    expect(summary.page.url).toBe('https://example.org/status/');
    const incidents = JSON.parse(await text(served, 'api/v2/incidents.json')) as { incidents: { shortlink: string; incident_updates: { body: string }[] }[] };
    expect(incidents.incidents.map((incident) => incident.shortlink)).toContain('https://example.org/status/incidents/INC-20261110-001/');
    expect(incidents.incidents.flatMap((incident) => incident.incident_updates.map((update) => update.body))).toContain('Details on the status page (https://example.org/status/).');
  });

  it('gives the calendar’s address and its events’ links under /status/', async () => {
    const calendar = (await text(served, 'maintenance.ics')).replace(/\r\n[ \t]/g, '');
    expect(calendar).toContain('URL:https://example.org/status/maintenance.ics');
    expect(calendar).toContain('URL;VALUE=URI:https://example.org/status/');
    expect(calendar).toContain('See the incident history (https://example.org/status/incidents/) afterwards.');
  });

  it('serves the badges and social cards at /status/, and nothing at the host’s root', async () => {
    for (const file of ['badge.svg', 'badges/rest-api.svg', 'social/site.png', 'social/INC-20261110-001.png', 'images/expiry.png']) {
      expect((await fetch(`${served.origin}/status/${file}`)).status, file).toBe(200);
    }
    expect((await fetch(`${served.origin}/badge.svg`)).status).toBe(404);
  });

  // Last in this block: it writes the site's index again, in parts, as a site with years of history has it.
  it('searches an index written in parts from /status/search/, every result under /status/', async () => {
    await rm(path.join(served.out, 'pagefind'), { recursive: true });
    const written = await writeSearchIndex(served.out, 'en', 12_000);
    expect(written.parts).toBeGreaterThan(1);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(`${served.origin}/status/search/`);
      await page.locator('.pagefind-ui__search-input').fill('certificate');
      await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
      const links = await page.locator('.pagefind-ui__result-link').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
      expect(links).toEqual(expect.arrayContaining(['/status/incidents/INC-20261110-001/', '/status/postmortems/INC-20261110-001/']));
      // Every part was read from under the path (a 404 would be a console error).
      expect(requests.filter((request) => /pagefind-entry\.json$/.test(request)).sort()).toEqual(['/status/pagefind/pagefind-entry.json', ...Array.from({ length: written.parts - 1 }, (_, index) => `/status/pagefind/part-${index + 2}/pagefind-entry.json`)].sort());
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('a site served at a host’s root (baseUrl https://example.org/)', () => {
  let served: ServedSite;
  beforeAll(async () => {
    served = await buildAndServe('https://example.org/');
  });
  afterAll(async () => {
    await served?.close();
  });

  it('has no broken internal link, asset or fragment on any page, in the sitemap or in the feeds, API and calendar', async () => {
    expect(await brokenLinks(served, await addressesOutsidePages(served))).toEqual([]);
  });

  it('writes site paths from the root, and full addresses at the host', async () => {
    const page = await html(served, 'incidents/INC-20261110-001/index.html');
    expect(page.querySelector('img[alt="the expiry alert"]')!.getAttribute('src')).toBe('/images/expiry.png');
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://example.org/incidents/INC-20261110-001/');
    expect(page.querySelector('link[rel="icon"]')!.getAttribute('href')).toBe('/favicon.svg');
    expect(await text(served, 'rss.xml')).toContain('<atom:link href="https://example.org/rss.xml" rel="self"');
  });
});
