import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { FeedChannel } from '../src/lib/feeds/feed-channels.ts';
import { atomDocument, escapeHtml, jsonFeed, jsonFeedDocument, rssDocument, type FeedSite } from '../src/lib/feeds/feed-formats.ts';
import type { FeedItem } from '../src/lib/feeds/feed-items.ts';
import { markdownToHtml } from '../src/lib/markdown/markdown-html.ts';
import { schemaErrors } from './helpers/json-schemas.ts';

const site: FeedSite = { name: 'Ops & Co Status', baseUrl: 'https://status.example.com/', language: 'en', timeZone: 'Asia/Shanghai', nowMs: Date.parse('2026-11-26T00:00:00Z') };

const item = (overrides: Partial<FeedItem>): FeedItem => ({
  guid: 'https://status.example.com/incidents/INC-20261125-001/#update-2026-11-25t143500z-fixing',
  title: '[P1] API gateway: fixing — 502 errors',
  url: 'https://status.example.com/incidents/INC-20261125-001/#update-2026-11-25t143500z',
  dateMs: Date.parse('2026-11-25T14:35:00Z'),
  markdown: 'Moving traffic.',
  incidentId: 'INC-20261125-001',
  status: 'fixing',
  severity: 'P1',
  serviceIds: ['api-gateway'],
  ...overrides,
});

// A title and a message with every character XML and HTML care about, and a CDATA terminator.
const tricky = item({
  guid: 'https://status.example.com/incidents/INC-20261125-001/#update-2026-11-25t150000z-monitoring',
  title: '[P1] API <gateway> & "edge": monitoring — errors for <script>alert(1)</script>',
  dateMs: Date.parse('2026-11-25T15:00:00Z'),
  markdown: 'Requests with `]]>` or `<b>` in a header & others fail.',
  status: 'monitoring',
});

/**
 * The tricky message as HTML: markdown rendered, its own "<" and "&" escaped for HTML (rehype writes &#x3C; and
 * &#x26;), and "]]>" written "]]&gt;" so no CDATA section can be closed by the text.
 */
const TRICKY_HTML = '<p>Requests with <code>]]&gt;</code> or <code>&#x3C;b></code> in a header &#x26; others fail.</p>';

const channel: FeedChannel = { folder: '', title: 'Ops & Co Status', description: 'Status <of> everything', homePath: '', items: [tricky, item({})] };

describe('the RSS document', () => {
  it('carries the items in order with their guids, links, dates and HTML content', () => {
    const feed = parseFeed(rssDocument(channel, site));
    expect(feed.meta.type).toBe('rss');
    expect(feed.items.map((entry) => entry.id)).toEqual([tricky.guid, channel.items[1]!.guid]);
    expect(feed.items[0]!.title).toBe(tricky.title);
    expect(feed.items[0]!.url).toBe(tricky.url);
    expect(feed.items[0]!.published?.toISOString()).toBe('2026-11-25T15:00:00.000Z');
    expect(feed.self).toBe('https://status.example.com/rss.xml');
  });

  it('carries the channel description as escaped HTML, since readers render it', () => {
    const xml = new XMLParser().parse(rssDocument(channel, site)) as { rss: { channel: { description: string } } };
    expect(xml.rss.channel.description).toBe('Status &lt;of&gt; everything');
  });

  it('carries each message as HTML escaped inside the XML', () => {
    const items = new XMLParser().parse(rssDocument(channel, site)).rss.channel.item as { description: string }[];
    expect(items[0]!.description).toBe(TRICKY_HTML);
  });

  it('dates the channel by its newest item, not the clock', () => {
    const xml = new XMLParser().parse(rssDocument(channel, site)) as { rss: { channel: { lastBuildDate: string; pubDate: string } } };
    expect(xml.rss.channel.lastBuildDate).toBe('Wed, 25 Nov 2026 15:00:00 GMT');
    expect(xml.rss.channel.pubDate).toBe('Wed, 25 Nov 2026 15:00:00 GMT');
  });
});

describe('the Atom document', () => {
  it('carries the items in order with ids, links, updated instants and escaped HTML content', () => {
    const xml = atomDocument(channel, site);
    const feed = parseFeed(xml);
    expect(feed.meta).toEqual({ type: 'atom', version: '1.0' });
    expect(feed.items.map((entry) => entry.id)).toEqual([tricky.guid, channel.items[1]!.guid]);
    expect(feed.items[0]!.title).toBe(tricky.title);
    expect(feed.items[0]!.url).toBe(tricky.url);
    expect(feed.items[0]!.updated?.toISOString()).toBe('2026-11-25T15:00:00.000Z');
    expect(feed.updated?.toISOString()).toBe('2026-11-25T15:00:00.000Z');
    expect(feed.self).toBe('https://status.example.com/atom.xml');
    expect(feed.title).toBe('Ops & Co Status');
    // No markup from a title can reach a reader as markup: it arrives as text inside type="html".
    expect(xml).not.toContain('<script>');
  });

  it('carries each message as HTML escaped inside the XML, declared type="html"', () => {
    const entry = new XMLParser({ ignoreAttributes: false }).parse(atomDocument(channel, site)).feed.entry[0] as { content: { '#text': string; '@_type': string } };
    expect(entry.content['@_type']).toBe('html');
    expect(entry.content['#text']).toBe(TRICKY_HTML);
  });
});

describe('the JSON Feed document', () => {
  it('is JSON Feed 1.1 with instants on the site’s clock and HTML content', () => {
    const feed = JSON.parse(jsonFeedDocument(channel, site)) as ReturnType<typeof jsonFeed>;
    expect(schemaErrors('jsonfeed-1.1.schema.json', feed)).toEqual([]);
    expect(feed.items.map((entry) => entry.id)).toEqual([tricky.guid, channel.items[1]!.guid]);
    expect(feed.items[0]).toMatchObject({ title: tricky.title, url: tricky.url, date_published: '2026-11-25T23:00:00+08:00', tags: ['P1', 'monitoring', 'api-gateway'] });
    expect(feed.items[0]!.content_html).toBe(TRICKY_HTML);
    expect(feed.feed_url).toBe('https://status.example.com/feed.json');
  });
});

describe('the HTML of a message', () => {
  it('is the markdown rendered, with literal markup escaped', () => {
    expect(markdownToHtml(tricky.markdown)).toBe(TRICKY_HTML);
  });
});

describe('escaping text as HTML', () => {
  it('escapes the characters that start markup or entities', () => {
    expect(escapeHtml('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });
});

describe('text XML cannot carry', () => {
  // A NUL, a bell and an ANSI colour code in the site name, a service name and a title; a literal "&amp;" that must survive.
  const controlled: FeedChannel = {
    folder: '',
    title: 'Ops\u0000 Status \u001b[31mred\u001b[0m',
    description: 'R&amp;D \u0007status',
    homePath: '',
    items: [item({ title: '[P1] API\u0000 gateway: fixing — 502 ]]> errors\u0007 for R&amp;D', serviceIds: ['api-gateway'] })],
  };
  const controlledSite: FeedSite = { ...site, name: 'Ops\u0000 Status' };

  it('is dropped from every title and description in RSS, and the rest arrives as written', () => {
    const xml = rssDocument(controlled, controlledSite);
    expect(xml).not.toMatch(/[\u0000\u0007\u001b]/);
    const parsed = new XMLParser().parse(xml) as { rss: { channel: { title: string; description: string; item: { title: string } } } };
    expect(parsed.rss.channel.title).toBe('Ops Status [31mred[0m');
    // The channel description is HTML in RSS: the literal "&amp;" is written so that it displays as written.
    expect(parsed.rss.channel.description).toBe('R&amp;amp;D status');
    expect(parsed.rss.channel.item.title).toBe('[P1] API gateway: fixing — 502 ]]> errors for R&amp;D');
  });

  it('is dropped from every title, description and name in Atom, and the rest arrives as written', () => {
    const xml = atomDocument(controlled, controlledSite);
    expect(xml).not.toMatch(/[\u0000\u0007\u001b]/);
    // Read with a plain XML parser: feed-parser decodes entities in Atom text elements a second time.
    const parsed = new XMLParser().parse(xml) as { feed: { title: string; subtitle: string; author: { name: string } } };
    expect(parsed.feed).toMatchObject({ title: 'Ops Status [31mred[0m', subtitle: 'R&amp;D status', author: { name: 'Ops Status' } });
    // The entry's title is HTML (type="html"), which feed-parser reads as a reader renders it.
    expect(parseFeed(xml).items[0]!.title).toBe('[P1] API gateway: fixing — 502 ]]> errors for R&amp;D');
  });

  it('is dropped from every title and name in JSON Feed', () => {
    const feed = JSON.parse(jsonFeedDocument(controlled, controlledSite)) as ReturnType<typeof jsonFeed>;
    expect(feed).toMatchObject({ title: 'Ops Status [31mred[0m', description: 'R&amp;D status', authors: [{ name: 'Ops Status' }] });
    expect(feed.items[0]!.title).toBe('[P1] API gateway: fixing — 502 ]]> errors for R&amp;D');
  });
});
