// Writes a feed channel as RSS 2.0 (the `rss` package), Atom 1.0 (the `feed` package) or JSON Feed 1.1.
import { Feed } from 'feed';
import RSS from 'rss';
import { channelUpdatedMs, feedPath, type FeedChannel, type FeedFormat, type FeedSite } from './feed-channels.ts';
import { siteUrl } from '../model/site-urls.ts';
import type { FeedItem } from './feed-items.ts';
import { isoInstantInZone } from '../time/format.ts';
import { markdownToHtml } from '../markdown/markdown-html.ts';
import { feedTextOf } from './feed-text.ts';

// Every writer takes the site as FeedSite, so callers of the writers find it here too.
export type { FeedSite };

/** How often readers should poll, in minutes: incidents move fast. */
const TTL_MINUTES = 5;

function categoriesOf(item: FeedItem): string[] {
  return [item.severity, item.status, ...item.serviceIds];
}

export function rssDocument(written: FeedChannel, writtenSite: FeedSite): string {
  const { channel, site } = feedTextOf(written, writtenSite);
  // The newest item, not the build time, so an unchanged record gives an unchanged feed.
  const updated = new Date(channelUpdatedMs(channel, site.nowMs));
  const feed = new RSS({
    title: channel.title,
    // RSS defines a channel's description as HTML, and readers render it so: the site's words arrive as text.
    description: escapeHtml(channel.description),
    site_url: siteUrl(site.baseUrl, channel.homePath),
    feed_url: siteUrl(site.baseUrl, feedPath(channel, 'rss')),
    language: site.language,
    pubDate: updated,
    ttl: TTL_MINUTES,
  });
  for (const item of channel.items) {
    feed.item({ title: item.title, description: markdownToHtml(item.markdown, { siteBase: site.baseUrl }), url: item.url, guid: item.guid, date: new Date(item.dateMs), categories: categoriesOf(item) });
  }
  // `rss` always stamps lastBuildDate with the wall clock; RSS 2.0 defines it as the last time the content
  // changed, which is the newest item, and a fixed value keeps builds reproducible.
  return feed.xml({ indent: true }).replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, `<lastBuildDate>${updated.toUTCString()}</lastBuildDate>`);
}

/** Text as HTML: Atom titles from the `feed` package are declared `type="html"`, so a literal "<" must arrive escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Text for an Atom element the `feed` package writes as plain text (feed title, subtitle, author name): its
 * serialiser first turns every "&amp;" back into "&" before escaping, so "&" is doubled here to come out as written.
 */
function atomPlainText(text: string): string {
  return text.replaceAll('&', '&amp;');
}

export function atomDocument(written: FeedChannel, writtenSite: FeedSite): string {
  const { channel, site } = feedTextOf(written, writtenSite);
  const selfUrl = siteUrl(site.baseUrl, feedPath(channel, 'atom'));
  const feed = new Feed({
    // The feed's own address is its permanent id: it never changes while the site keeps its base URL.
    id: selfUrl,
    title: atomPlainText(channel.title),
    description: atomPlainText(channel.description),
    link: siteUrl(site.baseUrl, channel.homePath),
    language: site.language,
    updated: new Date(channelUpdatedMs(channel, site.nowMs)),
    generator: 'aftermath',
    feedLinks: { atom: selfUrl },
    author: { name: atomPlainText(site.name), link: site.baseUrl },
  });
  for (const item of channel.items) {
    const date = new Date(item.dateMs);
    feed.addItem({
      id: item.guid,
      title: escapeHtml(item.title),
      link: item.url,
      date,
      published: date,
      content: markdownToHtml(item.markdown, { siteBase: site.baseUrl }),
      category: categoriesOf(item).map((term) => ({ term, name: term })),
    });
  }
  return feed.atom1();
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/); written by hand because it is plain JSON. */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  authors: { name: string; url: string }[];
  items: JsonFeedItem[];
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  date_published: string;
  tags: string[];
}

export function jsonFeed(written: FeedChannel, writtenSite: FeedSite): JsonFeed {
  const { channel, site } = feedTextOf(written, writtenSite);
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: siteUrl(site.baseUrl, channel.homePath),
    feed_url: siteUrl(site.baseUrl, feedPath(channel, 'json')),
    description: channel.description,
    language: site.language,
    authors: [{ name: site.name, url: site.baseUrl }],
    items: channel.items.map((item) => ({
      id: item.guid,
      url: item.url,
      title: item.title,
      content_html: markdownToHtml(item.markdown, { siteBase: site.baseUrl }),
      date_published: isoInstantInZone(item.dateMs, site.timeZone),
      tags: categoriesOf(item),
    })),
  };
}

export function jsonFeedDocument(channel: FeedChannel, site: FeedSite): string {
  return `${JSON.stringify(jsonFeed(channel, site), null, 2)}\n`;
}

export const FEED_WRITERS: Record<FeedFormat, (channel: FeedChannel, site: FeedSite) => string> = { rss: rssDocument, atom: atomDocument, json: jsonFeedDocument };
