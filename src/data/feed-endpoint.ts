// Serves one feed channel in one format: the shared body of every feed endpoint under src/pages.
import { translator } from '../i18n/index.ts';
import { FEED_MEDIA_TYPES, serviceChannel, type FeedChannel, type FeedFormat, type FeedWording } from '../lib/feeds/feed-channels.ts';
import { FEED_WRITERS, type FeedSite } from '../lib/feeds/feed-formats.ts';
import type { MarkdownBodies, SiteModel } from '../lib/model/site-model.ts';
import { siteBodies, siteModel } from './site-model.ts';
import { contentKey } from '../lib/model/page-keys.ts';

export type ChannelOf = (model: SiteModel, bodies: MarkdownBodies, wording: FeedWording) => FeedChannel;

export function feedSiteOf(model: SiteModel): FeedSite {
  return { name: model.site.name, baseUrl: model.site.baseUrl, language: model.site.defaultLocale, timeZone: model.site.timeZone, nowMs: model.nowMs };
}

/** Feeds exist for the default locale only; their interface words come from it. */
export function feedWordingOf(model: SiteModel): FeedWording {
  return { postmortems: translator(model.site.defaultLocale)('nav.postmortems') };
}

/**
 * A feed's file is its channel (items as markdown, titles, links) written for the site: the key of Astro's
 * incremental build, so a rebuild copies every service feed the new update does not touch. "Now" is part of it
 * only for a channel with no item, whose `updated` falls back to it.
 */
export function feedKey(model: SiteModel, channel: FeedChannel): string {
  const { nowMs, ...site } = feedSiteOf(model);
  return contentKey({ channel, site, now: channel.items.length === 0 ? nowMs : null });
}

/** One path per service, each keyed by its channel, for the per-service feeds in every format. */
export async function serviceFeedPaths(): Promise<{ params: { id: string }; cacheKey: string }[]> {
  const [model, bodies] = await Promise.all([siteModel(), siteBodies()]);
  return model.services.map((service) => ({ params: { id: service.id }, cacheKey: feedKey(model, serviceChannel(model, bodies, service.id)) }));
}

export async function feedResponse(format: FeedFormat, channelOf: ChannelOf): Promise<Response> {
  const [model, bodies] = await Promise.all([siteModel(), siteBodies()]);
  const channel = channelOf(model, bodies, feedWordingOf(model));
  return new Response(FEED_WRITERS[format](channel, feedSiteOf(model)), { headers: { 'Content-Type': `${FEED_MEDIA_TYPES[format]}; charset=utf-8` } });
}
