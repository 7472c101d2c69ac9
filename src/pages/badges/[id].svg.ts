// /badges/<service>.svg: one service's current state as a badge for READMEs and dashboards.
import type { APIRoute, GetStaticPaths } from 'astro';
import { servicePaths } from '../../data/service-paths.ts';
import { siteModel } from '../../data/site-model.ts';
import { translator } from '../../i18n/index.ts';
import { serviceBadge } from '../../lib/status/badges.ts';

export const getStaticPaths = (() => servicePaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const model = await siteModel();
  return new Response(serviceBadge(model, String(params.id), translator(model.site.defaultLocale)), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
