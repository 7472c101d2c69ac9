// /badge.svg: the whole site's state (the status page's banner) as a badge; outside /badges/ so no service id can take its name.
import type { APIRoute } from 'astro';
import { siteModel } from '../data/site-model.ts';
import { translator } from '../i18n/index.ts';
import { overallBadge } from '../lib/status/badges.ts';

export const GET: APIRoute = async () => {
  const model = await siteModel();
  return new Response(overallBadge(model, translator(model.site.defaultLocale)), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
