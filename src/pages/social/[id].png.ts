// /social/<incident id>.png and /social/site.png: social preview images, built with the site.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../data/site-model.ts';
import { renderSocialCard } from '../../data/render-social-card.ts';
import { translator } from '../../i18n/index.ts';
import { formatInstant } from '../../lib/format.ts';
import { currentStatus } from '../../lib/incident-timeline.ts';
import { STATE_COLOURS } from '../../lib/social-card.ts';
import { statusPage } from '../../lib/status-page.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const model = await siteModel();
  return [{ params: { id: 'site' } }, ...model.incidents.map((incident) => ({ params: { id: incident.id } }))];
};

export const GET: APIRoute = async ({ params }) => {
  const model = await siteModel();
  const t = translator(model.site.defaultLocale);
  const locale = model.site.defaultLocale;
  const incident = model.incidents.find((candidate) => candidate.id === params.id);
  const names = (ids: string[]) => ids.map((id) => model.services.find((service) => service.id === id)?.name ?? id).join(', ');
  let png: Buffer;
  if (!incident) {
    const overall = statusPage(model).overall;
    png = await renderSocialCard({ siteName: model.site.name, title: t(`banner.${overall}`), details: [model.site.description ?? ''], accent: STATE_COLOURS[overall] });
  } else {
    const worst = incident.services.some((affected) => affected.impact === 'major_outage') ? 'major_outage' : incident.services.some((affected) => affected.impact === 'partial_outage') ? 'partial_outage' : 'degraded';
    const status = currentStatus(incident);
    png = await renderSocialCard({
      siteName: model.site.name,
      kicker: `${incident.severity} · ${t(`status.${status}`)}`,
      title: incident.title,
      details: [names(incident.services.map((affected) => affected.id)), `${incident.id} · ${formatInstant(incident.started.getTime(), model.site.timeZone, locale)}`],
      accent: status === 'resolved' || status === 'closed' ? STATE_COLOURS.operational : STATE_COLOURS[worst],
    });
  }
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
