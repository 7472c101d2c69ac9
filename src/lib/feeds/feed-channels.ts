// Which feeds the site publishes (everything, postmortems only, one per service), where their files live, and the autodiscovery links to them.
import { translator } from '../../i18n/index.ts';
import { feedTitleWords, incidentUpdateItems, maintenanceUpdateItems, newestItemsFirst, postmortemItems, servicePath, type FeedItem } from './feed-items.ts';
import { publishedPostmortems } from '../postmortems/postmortems.ts';
import type { MarkdownBodies, SiteModel } from '../model/site-model.ts';

/** Every channel is written in each format, under the channel's folder. */
export const FEED_FILES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;
export type FeedFormat = keyof typeof FEED_FILES;

export const FEED_MEDIA_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

export const FEED_FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/** What every format needs to know about the site besides the channel. */
export interface FeedSite {
  name: string;
  baseUrl: string;
  /** BCP 47, the site's default locale. */
  language: string;
  timeZone: string;
  nowMs: number;
}

export interface FeedChannel {
  /** Folder of the channel's files relative to the site root, '' or ending in '/': '', 'postmortems/', 'services/cache/'. */
  folder: string;
  title: string;
  description: string;
  /** The page the channel follows, relative to the site root. */
  homePath: string;
  /** Newest first. */
  items: FeedItem[];
}

/** Interface words the channels are titled with, in the site's default locale. */
export interface FeedWording {
  /** "Postmortems" */
  postmortems: string;
}

export function feedPath(channel: Pick<FeedChannel, 'folder'>, format: FeedFormat): string {
  return `${channel.folder}${FEED_FILES[format]}`;
}

export function serviceFeedFolder(serviceId: string): string {
  return servicePath(serviceId);
}

/**
 * How many entries a feed holds: the newest, as Statuspage's API lists 50. Feed readers and chat integrations
 * fetch the whole file on every poll, so it stays the same size after years of history; older entries live on
 * the site's pages.
 */
export const FEED_ITEM_LIMIT = 50;

const itemsByModel = new WeakMap<SiteModel, FeedItem[]>();

/** Every incident update, postmortem publication and maintenance update, newest first, made once per model for all channels. */
function allItems(model: SiteModel, bodies: MarkdownBodies): FeedItem[] {
  const known = itemsByModel.get(model);
  if (known) return known;
  // Feeds exist once, in the site's default language, as its names and titles are written.
  const words = feedTitleWords(model.site.defaultLocale);
  const updates = incidentUpdateItems(model.incidents, model.services, model.site.baseUrl, words);
  const postmortems = postmortemItems(publishedPostmortems(model), model.services, model.site.baseUrl, model.site.timeZone, bodies.postmortems, words);
  const maintenance = maintenanceUpdateItems(model.maintenance, model.services, model.site.baseUrl, model.nowMs, words);
  const items = newestItemsFirst([...updates, ...postmortems, ...maintenance]);
  itemsByModel.set(model, items);
  return items;
}

/** The newest FEED_ITEM_LIMIT of those that belong in a channel. */
function newest(items: readonly FeedItem[], belongs: (item: FeedItem) => boolean = () => true): FeedItem[] {
  const kept: FeedItem[] = [];
  for (const item of items) {
    if (kept.length === FEED_ITEM_LIMIT) break;
    if (belongs(item)) kept.push(item);
  }
  return kept;
}

/** The colon of the site's default language ("Status: Cache", "状态页：缓存"), as feeds are written in it. */
function siteColon(model: SiteModel): string {
  return translator(model.site.defaultLocale)('punct.colon');
}

/** `/rss.xml`, `/atom.xml`, `/feed.json`: the newest incident updates, postmortem publications and maintenance updates. */
export function siteChannel(model: SiteModel, bodies: MarkdownBodies): FeedChannel {
  return { folder: '', title: model.site.name, description: model.site.description ?? model.site.name, homePath: '', items: newest(allItems(model, bodies)) };
}

/** `/postmortems/rss.xml` and its siblings: the newest postmortem publications. */
export function postmortemChannel(model: SiteModel, bodies: MarkdownBodies, wording: FeedWording): FeedChannel {
  return {
    folder: 'postmortems/',
    title: `${model.site.name}${siteColon(model)}${wording.postmortems}`,
    description: `${model.site.name}${siteColon(model)}${wording.postmortems}`,
    homePath: 'postmortems/',
    items: newest(allItems(model, bodies), (item) => item.status === 'postmortem'),
  };
}

/** `/services/<id>/rss.xml` and its siblings: the newest updates and postmortems of incidents that affected the service. */
export function serviceChannel(model: SiteModel, bodies: MarkdownBodies, serviceId: string): FeedChannel {
  const service = model.services.find((candidate) => candidate.id === serviceId);
  if (!service) throw new Error(`no service "${serviceId}" in content/services.yaml`);
  return {
    folder: serviceFeedFolder(service.id),
    title: `${model.site.name}${siteColon(model)}${service.name}`,
    description: service.description ?? service.name,
    // The service's own page: its state, its 90 days in words, its incidents.
    homePath: servicePath(service.id),
    items: newest(allItems(model, bodies), (item) => item.serviceIds.includes(service.id)),
  };
}

/** The instant a channel last changed: its newest item, else now (a feed must carry some `updated`). */
export function channelUpdatedMs(channel: FeedChannel, nowMs: number): number {
  return channel.items[0]?.dateMs ?? nowMs;
}

export interface FeedAlternate {
  type: string;
  title: string;
  /** Site-relative path below the site root, without a leading '/'. */
  path: string;
}

/**
 * Which feeds a page announces in its <head>: every page the site's feed in each format; the postmortem pages the
 * postmortem feeds too; the status pages (where a subscriber starts) everything, the calendar included. Seven
 * links on each of tens of thousands of pages of history were a tenth of each page.
 */
export type AlternateFeeds = 'all' | 'postmortems' | 'site';

/** The `<link rel="alternate">` tags of a page that announces `offered`. */
export interface AlternateWording extends FeedWording {
  /** "Scheduled maintenance" */
  maintenance: string;
  /** The page language's colon and brackets: ": ", " (", ")" in English, "：", "（", "）" in Chinese. */
  colon: string;
  parenOpen: string;
  parenClose: string;
}

export function feedAlternates(siteName: string, wording: AlternateWording, offered: AlternateFeeds): FeedAlternate[] {
  const named = (title: string, format: string) => `${title}${wording.parenOpen}${format}${wording.parenClose}`;
  const channels = [{ folder: '', title: siteName }, ...(offered === 'site' ? [] : [{ folder: 'postmortems/', title: `${siteName}${wording.colon}${wording.postmortems}` }])];
  const feeds = channels.flatMap((channel) =>
    (Object.keys(FEED_FILES) as FeedFormat[]).map((format) => ({ type: FEED_MEDIA_TYPES[format], title: named(channel.title, FEED_FORMAT_NAMES[format]), path: feedPath(channel, format) })),
  );
  return offered === 'all' ? [...feeds, { type: 'text/calendar', title: named(`${siteName}${wording.colon}${wording.maintenance}`, 'iCalendar'), path: 'maintenance.ics' }] : feeds;
}
