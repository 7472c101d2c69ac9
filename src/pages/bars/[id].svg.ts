// /bars/<service>.svg: a service's 90 daily bars as one image, shown on the status page as a link to the service's page.
import type { APIRoute, GetStaticPaths } from 'astro';
import { servicePaths } from '../../data/service-paths.ts';
import { siteModel } from '../../data/site-model.ts';
import { availabilityBarsSvg } from '../../lib/status/availability-bars.ts';
import { serviceRowOf } from '../../lib/status/status-page.ts';

export const getStaticPaths = (() => servicePaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const row = serviceRowOf(await siteModel(), String(params.id));
  return new Response(availabilityBarsSvg(row.days), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
