// /social/<incident id>.png and /social/site.png: social preview images, built with the site.
import { createHash } from 'node:crypto';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../data/site-model.ts';
import { renderSocialCard } from '../../data/render-social-card.ts';
import { translator } from '../../i18n/index.ts';
import { incidentCardText, siteCardText } from '../../lib/status/social-card.ts';
import { statusPage } from '../../lib/status/status-page.ts';
import { incidentById } from '../../lib/model/lookups.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const model = await siteModel();
  const t = translator(model.site.defaultLocale);
  // A card is its text drawn by the code Astro already hashes: a rebuild copies the cards whose text is unchanged.
  return [{ params: { id: 'site' } }, ...model.incidents.map((incident) => ({ params: { id: incident.id }, cacheKey: createHash('sha256').update(JSON.stringify(incidentCardText(incident, model, t))).digest('hex') }))];
};

export const GET: APIRoute = async ({ params }) => {
  const model = await siteModel();
  const t = translator(model.site.defaultLocale);
  const incident = incidentById(model, params.id ?? '');
  const png = await renderSocialCard(incident ? incidentCardText(incident, model, t) : siteCardText(statusPage(model).overall, model, t));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
