// Makes every string a channel (or the maintenance calendar) carries safe to write, in one place before any writer sees it.
import { withoutControlCharacters } from '../markdown/markdown-html.ts';
import type { FeedChannel, FeedSite } from './feed-channels.ts';
import type { FeedItem } from './feed-items.ts';

/**
 * Text any feed can carry: characters XML 1.0 cannot hold (NUL, ANSI escapes, C1 controls, lone surrogates) are
 * dropped, since one of them makes the whole RSS or Atom document unreadable. A `]]>` needs nothing here: `rss`
 * splits every one in its CDATA sections, Atom titles are HTML-escaped (no `>` is left to close one), and message
 * HTML comes from markdownToHtml, which writes `]]&gt;`.
 */
export function feedText(text: string): string {
  return withoutControlCharacters(text);
}

function itemFeedText(item: FeedItem): FeedItem {
  // The markdown goes through markdownToHtml, which does the same; ids and URLs are built from slugs and the base URL.
  return { ...item, title: feedText(item.title), severity: feedText(item.severity), serviceIds: item.serviceIds.map(feedText) };
}

/** The channel and the site as the writers need them: every title, description, name and category as feed text. */
export function feedTextOf(channel: FeedChannel, site: FeedSite): { channel: FeedChannel; site: FeedSite } {
  return {
    channel: { ...channel, title: feedText(channel.title), description: feedText(channel.description), items: channel.items.map(itemFeedText) },
    site: { ...site, name: feedText(site.name) },
  };
}
