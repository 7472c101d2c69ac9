// /rss.xml: one item per incident update, newest first, built with the `rss` package.
import type { APIRoute } from 'astro';
import RSS from 'rss';
import { siteModel } from '../data/site-model.ts';
import { absoluteUrl, incidentUpdateItems } from '../lib/feed-items.ts';
import { markdownToHtml } from '../lib/markdown-html.ts';

export const GET: APIRoute = async () => {
  const model = await siteModel();
  const items = incidentUpdateItems(model.incidents, model.services, model.site.baseUrl);
  const feed = new RSS({
    title: model.site.name,
    description: model.site.description ?? `Incident updates from ${model.site.name}`,
    site_url: model.site.baseUrl,
    feed_url: absoluteUrl(model.site.baseUrl, 'rss.xml'),
    language: model.site.defaultLocale,
    // The newest update, not the build time, so an unchanged record gives an unchanged feed.
    pubDate: new Date(items[0]?.dateMs ?? model.nowMs),
    ttl: 5,
  });
  for (const item of items) {
    feed.item({
      title: item.title,
      description: markdownToHtml(item.markdown),
      url: item.url,
      guid: item.guid,
      date: new Date(item.dateMs),
      categories: [item.severity, item.status, ...item.serviceIds],
    });
  }
  return new Response(feed.xml({ indent: true }), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
