// /social/<incident id>.png, /social/site.png and /social/history.png: social preview images, built with the site.
// Open incidents and the newest ones have their own (OWN_CARD_LIMIT); older incidents' pages show the history card.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../data/site-model.ts';
import { renderSocialCard } from '../../data/render-social-card.ts';
import { translator } from '../../i18n/index.ts';
import { historyCardText, incidentCardText, incidentsWithOwnCard, siteCardText } from '../../lib/status/social-card.ts';
import { statusPage } from '../../lib/status/status-page.ts';
import { incidentById } from '../../lib/model/lookups.ts';
import { contentKey } from '../../lib/model/page-keys.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const model = await siteModel();
  const t = translator(model.site.defaultLocale);
  // A card is its text drawn by the code Astro already hashes: a rebuild copies the cards whose text is unchanged.
  const own = incidentsWithOwnCard(model.incidents);
  return [
    { params: { id: 'site' } },
    { params: { id: 'history' } },
    ...model.incidents.filter((incident) => own.has(incident.id)).map((incident) => ({ params: { id: incident.id }, cacheKey: contentKey(incidentCardText(incident, model, t)) })),
  ];
};

export const GET: APIRoute = async ({ params }) => {
  const model = await siteModel();
  const t = translator(model.site.defaultLocale);
  const incident = incidentById(model, params.id ?? '');
  const text = incident ? incidentCardText(incident, model, t) : params.id === 'history' ? historyCardText(model, t) : siteCardText(statusPage(model).overall, model, t);
  const png = await renderSocialCard(text);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
