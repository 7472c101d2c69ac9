// /maintenance.ics: the scheduled maintenance windows as an iCalendar file calendar clients can subscribe to.
import type { APIRoute } from 'astro';
import { siteBodies, siteModel } from '../data/site-model.ts';
import { translator } from '../i18n/index.ts';
import { maintenanceCalendar } from '../lib/feeds/icalendar.ts';

export const GET: APIRoute = async () => {
  const [model, bodies] = await Promise.all([siteModel(), siteBodies()]);
  return new Response(maintenanceCalendar(model, bodies, translator(model.site.defaultLocale)), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
