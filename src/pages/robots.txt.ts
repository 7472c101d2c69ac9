// /robots.txt: everything may be crawled; points crawlers at the sitemap. Crawlers read it only at a host's root,
// so a site served under a path (a GitHub Pages project site) is found through its sitemap or links instead.
import type { APIRoute } from 'astro';
import { siteModel } from '../data/site-model.ts';
import { siteUrl } from '../lib/model/site-urls.ts';

export const GET: APIRoute = async () => {
  const { site } = await siteModel();
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${siteUrl(site.baseUrl, 'sitemap-index.xml')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
