// Reads the feeds, the maintenance calendar, the Statuspage-compatible API and the badges of the built example site
// with parsers independent of the code that wrote them.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import ICAL from 'ical.js';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { IncidentEntry, SiteContent } from '../src/validation/load-site.ts';
import { loadSite } from '../src/validation/load-site.ts';
import { schemaErrors } from './helpers/json-schemas.ts';
import { EXAMPLE_FIXTURE } from './helpers/sites.ts';

let out: string;
let content: SiteContent;

const BASE = 'https://status.example.com/';
const read = (file: string) => readFile(path.join(out, file), 'utf8');
const json = async <T>(file: string): Promise<T> => JSON.parse(await read(file)) as T;
const text = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

type ParsedFeed = ReturnType<typeof parseFeed>;

interface JsonFeedDocument {
  version: string;
  feed_url: string;
  items: { id: string; url: string; title: string; content_html: string; date_published: string; tags: string[] }[];
}

const published = (entry: IncidentEntry) => entry.postmortem?.postmortem.status === 'published';
/** Every update of every incident, plus one item per published postmortem: what a feed of these incidents must hold. */
const expectedItemCount = (entries: readonly IncidentEntry[]) => entries.reduce((sum, entry) => sum + entry.incident.updates.length + (published(entry) ? 1 : 0), 0);

beforeAll(async () => {
  out = inject('exampleSite');
  const loaded = await loadSite(EXAMPLE_FIXTURE, { AFTERMATH_NOW: inject('exampleNow') });
  if (!loaded.ok) throw new Error('example content is invalid');
  content = loaded.content;
});

describe('the site feeds', () => {
  const formats = async (): Promise<{ rss: ParsedFeed; atom: ParsedFeed; json: JsonFeedDocument }> => ({
    rss: parseFeed(await read('rss.xml')),
    atom: parseFeed(await read('atom.xml')),
    json: await json<JsonFeedDocument>('feed.json'),
  });

  it('hold the newest 50 incident updates and published postmortems, newest first, in all three formats', async () => {
    const { rss, atom, json: feed } = await formats();
    // 158 entries in all; every feed keeps the newest 50, whatever the length of the history.
    expect(expectedItemCount(content.incidents)).toBe(158);
    const count = 50;
    expect(rss.items).toHaveLength(count);
    expect(atom.items).toHaveLength(count);
    expect(feed.items).toHaveLength(count);
    const rssDates = rss.items.map((item) => item.published!.getTime());
    expect(rssDates).toEqual([...rssDates].sort((a, b) => b - a));
    expect(atom.items.map((item) => item.updated!.getTime())).toEqual(rssDates);
    expect(feed.items.map((item) => Date.parse(item.date_published))).toEqual(rssDates);
  });

  it('give every item the same stable, unique id and the same absolute link in every format', async () => {
    const { rss, atom, json: feed } = await formats();
    const ids = rss.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(atom.items.map((item) => item.id)).toEqual(ids);
    expect(feed.items.map((item) => item.id)).toEqual(ids);
    const links = rss.items.map((item) => item.url);
    expect(links.every((link) => link?.startsWith(BASE))).toBe(true);
    expect(atom.items.map((item) => item.url)).toEqual(links);
    expect(feed.items.map((item) => item.url)).toEqual(links);
  });

  it('start with the latest update of the open P1, titled with its severity, services and status', async () => {
    const { rss, atom, json: feed } = await formats();
    const title = '[P1] API gateway, Agent coordinator: fixing — API gateway returning 502 errors for some requests';
    for (const first of [rss.items[0]!, atom.items[0]!]) {
      expect(first).toMatchObject({
        id: `${BASE}incidents/INC-20261125-001/#update-2026-11-25t143500z-fixing`,
        url: `${BASE}incidents/INC-20261125-001/#update-2026-11-25t143500z`,
        title,
      });
    }
    expect(atom.items[0]!.updated!.toISOString()).toBe('2026-11-25T14:35:00.000Z');
    expect(feed.items[0]).toMatchObject({ title, date_published: '2026-11-25T22:35:00+08:00' });
    expect(atom.updated!.toISOString()).toBe('2026-11-25T14:35:00.000Z');
    expect(rss.updated!.toISOString()).toBe('2026-11-25T14:35:00.000Z');
  });

  it('announce each published postmortem once, at the incident’s closing, in the postmortem feed', async () => {
    const atom = parseFeed(await read('postmortems/atom.xml'));
    const postmortems = atom.items.filter((item) => item.id?.endsWith('#published'));
    expect(postmortems).toHaveLength(atom.items.length);
    expect(postmortems).toHaveLength(content.incidents.filter(published).length);
    const coordinator = postmortems.find((item) => item.id === `${BASE}postmortems/INC-20261014-001/#published`)!;
    expect(coordinator.url).toBe(`${BASE}postmortems/INC-20261014-001/`);
    expect(coordinator.title).toBe('[P1] Agent coordinator, Primary database, API gateway: postmortem — Coordinator scale-out exhausts primary database connections');
    expect(coordinator.updated!.toISOString()).toBe('2026-10-16T10:00:00.000Z');
    expect(coordinator.content).toContain("One workspace's 40,000-task batch");
    expect(postmortems.map((item) => item.id)).not.toContain(`${BASE}postmortems/INC-20261119-001/#published`);
  });

  it('is valid JSON Feed 1.1', async () => {
    const feed = await json<JsonFeedDocument>('feed.json');
    expect(schemaErrors('jsonfeed-1.1.schema.json', feed)).toEqual([]);
    expect(feed.feed_url).toBe(`${BASE}feed.json`);
  });
});

describe('the postmortem and per-service feeds', () => {
  it('list the published postmortems only', async () => {
    const feed = parseFeed(await read('postmortems/rss.xml'));
    expect(feed.items.map((item) => item.id)).toEqual(
      content.incidents
        .filter(published)
        .sort((a, b) => b.postmortem!.postmortem.date.localeCompare(a.postmortem!.postmortem.date))
        .map((entry) => `${BASE}postmortems/${entry.incident.id}/#published`),
    );
    expect(parseFeed(await read('postmortems/atom.xml')).items).toHaveLength(feed.items.length);
    expect((await json<JsonFeedDocument>('postmortems/feed.json')).items).toHaveLength(feed.items.length);
  });

  it('exist for every service in every format, each with the newest items of the incidents that affected it', async () => {
    for (const service of content.services.services) {
      for (const file of ['rss.xml', 'atom.xml', 'feed.json']) expect(existsSync(path.join(out, 'services', service.id, file)), `${service.id}/${file}`).toBe(true);
      const affecting = content.incidents.filter((entry) => entry.incident.services.some((affected) => affected.id === service.id));
      const feed = parseFeed(await read(`services/${service.id}/atom.xml`));
      // Each service's feed keeps its newest 50 too (the API gateway's history has 69).
      expect(feed.items, service.id).toHaveLength(Math.min(50, expectedItemCount(affecting)));
      expect(feed.items.every((item) => item.categories.some((category) => category.term === service.id))).toBe(true);
      expect(feed.self).toBe(`${BASE}services/${service.id}/atom.xml`);
    }
  });
});

describe('the maintenance calendar', () => {
  it('has one valid VEVENT per maintenance window, with a stable UID and UTC start and end', async () => {
    const calendar = new ICAL.Component(ICAL.parse(await read('maintenance.ics')));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(content.maintenance.length);
    const names = new Map(content.services.services.map((service) => [service.id, service.name]));
    for (const { maintenance } of content.maintenance) {
      const event = events.find((candidate) => candidate.uid === `${maintenance.id}@status.example.com`)!;
      expect(event, maintenance.id).toBeDefined();
      expect(event.summary).toBe(maintenance.title);
      expect(event.startDate.zone?.tzid).toBe('UTC');
      expect(event.startDate.toJSDate().getTime()).toBe(maintenance.start.getTime());
      expect(event.endDate.toJSDate().getTime()).toBe(maintenance.end.getTime());
      for (const id of maintenance.services) expect(event.description).toContain(names.get(id));
      expect(event.component.getFirstPropertyValue('status')).toBe(maintenance.cancelled ? 'CANCELLED' : 'CONFIRMED');
      expect(event.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
    }
  });

  it('is written with CRLF line ends and lines of at most 75 octets', async () => {
    const raw = await read('maintenance.ics');
    expect(raw.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('the Statuspage-compatible API', () => {
  const files = [
    'summary.json',
    'status.json',
    'components.json',
    'incidents.json',
    'incidents/unresolved.json',
    'scheduled-maintenances.json',
    'scheduled-maintenances/upcoming.json',
    'scheduled-maintenances/active.json',
  ];
  type Named = { id: string; name: string; status: string };

  it('writes every file in the shape of Statuspage’s public API', async () => {
    for (const file of files) {
      expect(schemaErrors('statuspage-v2.schema.json', await json(`api/v2/${file}`), file), file).toEqual([]);
    }
  });

  it('gives the page and its rollup as the status page shows them', async () => {
    const { page, status } = await json<{ page: Record<string, string>; status: Record<string, string> }>('api/v2/status.json');
    expect(page).toMatchObject({ name: 'Aura Flow Status', url: BASE, time_zone: 'Asia/Shanghai', updated_at: '2026-11-25T22:35:00+08:00' });
    expect(page.id).toMatch(/^[a-z0-9]{12}$/);
    // the banner reads "Partial outage"
    expect(status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
  });

  it('gives each service the state the status page shows, inside its group', async () => {
    const home = parse(await read('index.html'));
    const { components } = await json<{ components: (Named & { group: boolean; group_id: string | null; components?: string[] })[] }>('api/v2/components.json');
    const words: Record<string, string> = { operational: 'Operational', under_maintenance: 'Under maintenance', degraded_performance: 'Degraded performance', partial_outage: 'Partial outage', major_outage: 'Major outage' };
    for (const service of content.services.services) {
      const component = components.find((candidate) => !candidate.group && candidate.name === service.name)!;
      expect(words[component.status], service.id).toBe(text(home.querySelector(`#service-${service.id} .service-head .state`)?.textContent));
      const group = components.find((candidate) => candidate.id === component.group_id)!;
      expect(group.name).toBe(content.services.groups.find((candidate) => candidate.id === service.group)!.name);
      expect(group.components).toContain(component.id);
    }
  });

  it('lists the unresolved incidents with their updates newest first', async () => {
    const { incidents } = await json<{ incidents: (Named & { impact: string; incident_updates: { status: string; body: string }[] })[] }>('api/v2/incidents/unresolved.json');
    expect(incidents.map((incident) => [incident.name, incident.status, incident.impact])).toEqual([
      ['API gateway returning 502 errors for some requests', 'identified', 'major'],
      ['Large file uploads intermittently failing', 'monitoring', 'minor'],
    ]);
    expect(incidents[0]!.incident_updates[0]!.body).toMatch(/^We are moving traffic away/);
    const summary = await json<{ incidents: Named[] }>('api/v2/summary.json');
    expect(summary.incidents.map((incident) => incident.id)).toEqual(incidents.map((incident) => incident.id));
  });

  it('lists every incident newest first, resolved ones with a published postmortem as "postmortem"', async () => {
    const { incidents } = await json<{ incidents: (Named & { started_at: string; shortlink: string })[] }>('api/v2/incidents.json');
    expect(incidents).toHaveLength(content.incidents.length);
    const starts = incidents.map((incident) => Date.parse(incident.started_at));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    const seed = incidents.find((incident) => incident.shortlink === `${BASE}incidents/INC-20250115-001/`)!;
    expect(seed.status).toBe('postmortem');
    const inReview = incidents.find((incident) => incident.shortlink === `${BASE}incidents/INC-20261119-001/`)!;
    expect(inReview.status).toBe('resolved');
  });

  it('lists maintenance: the file storage migration upcoming, the database upgrade completed, nothing active', async () => {
    const all = await json<{ scheduled_maintenances: (Named & { scheduled_for: string })[] }>('api/v2/scheduled-maintenances.json');
    expect(all.scheduled_maintenances.map((window) => [window.name, window.status, window.scheduled_for])).toEqual([
      ['File storage migration to the new storage cluster', 'scheduled', '2026-12-06T01:00:00+08:00'],
      ['Primary database version upgrade', 'completed', '2026-10-18T02:00:00+08:00'],
    ]);
    const upcoming = await json<{ scheduled_maintenances: Named[] }>('api/v2/scheduled-maintenances/upcoming.json');
    expect(upcoming.scheduled_maintenances.map((window) => window.name)).toEqual(['File storage migration to the new storage cluster']);
    expect((await json<{ scheduled_maintenances: Named[] }>('api/v2/scheduled-maintenances/active.json')).scheduled_maintenances).toEqual([]);
    expect((await json<{ scheduled_maintenances: Named[] }>('api/v2/summary.json')).scheduled_maintenances.map((window) => window.name)).toEqual(['File storage migration to the new storage cluster']);
  });
});

describe('the badges', () => {
  it('exist for every service, titled with the state the status page shows and in its colour', async () => {
    const home = parse(await read('index.html'));
    for (const service of content.services.services) {
      const svg = parse(await read(`badges/${service.id}.svg`)).querySelector('svg')!;
      const shown = text(home.querySelector(`#service-${service.id} .service-head .state`)?.textContent);
      expect(svg.querySelector('title')!.textContent, service.id).toBe(`${service.name}: ${shown}`);
      expect(svg.getAttribute('role')).toBe('img');
    }
    expect(await read('badges/api-gateway.svg')).toContain('fill="#c2410c"');
  });

  it('has one for the whole site, reading the banner', async () => {
    const svg = parse(await read('badge.svg')).querySelector('svg')!;
    expect(svg.querySelector('title')!.textContent).toBe('Aura Flow Status: Partial outage');
  });
});

describe('links to the feeds from the pages', () => {
  it('every page announces the site feed, postmortem pages the postmortem feeds, status pages everything', async () => {
    const siteFeeds = [
      ['application/rss+xml', '/rss.xml'],
      ['application/atom+xml', '/atom.xml'],
      ['application/feed+json', '/feed.json'],
    ];
    const postmortemFeeds = [
      ['application/rss+xml', '/postmortems/rss.xml'],
      ['application/atom+xml', '/postmortems/atom.xml'],
      ['application/feed+json', '/postmortems/feed.json'],
    ];
    const offered: [string, string[][]][] = [
      ['', [...siteFeeds, ...postmortemFeeds, ['text/calendar', '/maintenance.ics']]],
      ['zh-cn/', [...siteFeeds, ...postmortemFeeds, ['text/calendar', '/maintenance.ics']]],
      // Besides the feeds, the page's own record as markdown (its twin).
      ['postmortems/INC-20250115-001/', [...siteFeeds, ...postmortemFeeds, ['text/markdown', '/postmortems/INC-20250115-001/index.html.md']]],
      ['incidents/', siteFeeds],
      ['targets/', siteFeeds],
    ];
    for (const [route, expected] of offered) {
      const head = parse(await read(`${route}index.html`)).querySelector('head')!;
      const alternates = head.querySelectorAll('link[rel="alternate"][type]').map((link) => [link.getAttribute('type'), link.getAttribute('href')]);
      expect(alternates, route).toEqual(expected);
    }
  });


  it("each service's page links its own feeds, and the status page's row links to that page", async () => {
    const home = parse(await read('index.html'));
    for (const service of content.services.services) {
      expect(home.querySelector(`#service-${service.id} a.bars-link`)!.getAttribute('href'), service.id).toBe(`/services/${service.id}/`);
      const feeds = parse(await read(`services/${service.id}/index.html`)).querySelectorAll('.service-feeds a');
      expect(feeds.map((link) => [text(link.textContent), link.getAttribute('href')]), service.id).toEqual([
        ['RSS', `/services/${service.id}/rss.xml`],
        ['Atom', `/services/${service.id}/atom.xml`],
        ['JSON Feed', `/services/${service.id}/feed.json`],
      ]);
    }
  });

});
