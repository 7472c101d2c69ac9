// Serves one feed channel in one format: the shared body of every feed endpoint under src/pages.
import { translator } from '../i18n/index.ts';
import { FEED_MEDIA_TYPES, type FeedChannel, type FeedFormat, type FeedWording } from '../lib/feeds/feed-channels.ts';
import { FEED_WRITERS, type FeedSite } from '../lib/feeds/feed-formats.ts';
import type { MarkdownBodies, SiteModel } from '../lib/model/site-model.ts';
import { siteBodies, siteModel } from './site-model.ts';

export type ChannelOf = (model: SiteModel, bodies: MarkdownBodies, wording: FeedWording) => FeedChannel;

export function feedSiteOf(model: SiteModel): FeedSite {
  return { name: model.site.name, baseUrl: model.site.baseUrl, language: model.site.defaultLocale, timeZone: model.site.timeZone, nowMs: model.nowMs };
}

/** Feeds exist for the default locale only; their interface words come from it. */
export function feedWordingOf(model: SiteModel): FeedWording {
  return { postmortems: translator(model.site.defaultLocale)('nav.postmortems') };
}

export async function feedResponse(format: FeedFormat, channelOf: ChannelOf): Promise<Response> {
  const [model, bodies] = await Promise.all([siteModel(), siteBodies()]);
  const channel = channelOf(model, bodies, feedWordingOf(model));
  return new Response(FEED_WRITERS[format](channel, feedSiteOf(model)), { headers: { 'Content-Type': `${FEED_MEDIA_TYPES[format]}; charset=utf-8` } });
}
