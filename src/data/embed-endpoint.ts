// The /embed/ strip's response in a locale, for the routes of every language.
import { translator } from '../i18n/index.ts';
import { localePrefix } from '../i18n/routes.ts';
import { siteUrl } from '../lib/model/site-urls.ts';
import { embedStripHtml } from '../lib/status/embed-strip.ts';
import { statusPage } from '../lib/status/status-page.ts';
import type { Locale } from '../schemas/site.ts';
import { previewBuild } from './build-mode.ts';
import { siteModel } from './site-model.ts';

export async function embedResponse(locale?: Locale): Promise<Response> {
  const model = await siteModel();
  const pageLocale = locale ?? model.site.defaultLocale;
  const page = statusPage(model);
  const html = embedStripHtml(
    {
      locale: pageLocale,
      siteName: model.site.name,
      state: page.overall,
      openIncidents: page.openIncidents.length,
      statusPageUrl: siteUrl(model.site.baseUrl, localePrefix(pageLocale, model.site.defaultLocale)),
      builtMs: model.nowMs,
      timeZone: model.site.timeZone,
      noindex: previewBuild,
    },
    translator(pageLocale),
  );
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
