// Static paths for the pages of every non-default locale (`/zh-cn/...` when the site's default is English).
import { getCollection } from 'astro:content';
import { localeSegment, otherLocales } from '../i18n/routes.ts';
import type { Locale } from '../schemas/site.ts';
import { hasPostmortemPage } from '../lib/postmortems/postmortems.ts';
import { previewBuild } from './build-mode.ts';
import { historyPage, historyPageCount } from '../lib/status/history.ts';
import { siteModel } from './site-model.ts';
import { historyPageKey, incidentPageKey, postmortemPageKey } from '../lib/model/page-keys.ts';

export async function otherLocalePaths(): Promise<{ params: { lang: string }; props: { locale: Locale } }[]> {
  const { site } = await siteModel();
  return otherLocales(site.defaultLocale).map((locale) => ({ params: { lang: localeSegment(locale) }, props: { locale } }));
}

function routeParams(id: string, locale: Locale, locales: 'default' | 'others'): { id: string; lang?: string } {
  return locales === 'default' ? { id } : { id, lang: localeSegment(locale) };
}

export async function incidentPaths(locales: 'default' | 'others') {
  const [model, entries] = await Promise.all([siteModel(), getCollection('incidents')]);
  const wanted = locales === 'default' ? [model.site.defaultLocale] : otherLocales(model.site.defaultLocale);
  // The key lets a rebuild copy the pages of incidents nothing changed for (experimental.incrementalBuild).
  return wanted.flatMap((locale) =>
    entries.map((entry) => ({ params: routeParams(entry.id, locale, locales), props: { entry, locale }, cacheKey: incidentPageKey(model, entry.id, entry.body ?? '', locale, previewBuild) })),
  );
}

export async function postmortemPaths(locales: 'default' | 'others') {
  const [model, entries] = await Promise.all([siteModel(), getCollection('postmortems', (entry) => hasPostmortemPage(entry.data, previewBuild))]);
  const wanted = locales === 'default' ? [model.site.defaultLocale] : otherLocales(model.site.defaultLocale);
  return wanted.flatMap((locale) =>
    entries.map((entry) => ({ params: routeParams(entry.id, locale, locales), props: { entry, locale }, cacheKey: postmortemPageKey(model, entry.id, entry.body ?? '', locale, previewBuild) })),
  );
}

/** The history's pages after the first (the first is /incidents/ itself), in the default locale or the others. */
export async function historyPaths(locales: 'default' | 'others') {
  const model = await siteModel();
  const wanted = locales === 'default' ? [model.site.defaultLocale] : otherLocales(model.site.defaultLocale);
  const numbers = Array.from({ length: historyPageCount(model.incidents.length) - 1 }, (_, index) => index + 2);
  return wanted.flatMap((locale) =>
    numbers.map((page) => ({
      params: locales === 'default' ? { n: String(page) } : { n: String(page), lang: localeSegment(locale) },
      props: { locale, page },
      cacheKey: historyPageKey(model, historyPage(model.incidents, page), locale, previewBuild),
    })),
  );
}

/** Each service's page, in the default locale or the others. */
export async function servicePagePaths(locales: 'default' | 'others') {
  const model = await siteModel();
  const wanted = locales === 'default' ? [model.site.defaultLocale] : otherLocales(model.site.defaultLocale);
  return wanted.flatMap((locale) => model.services.map((service) => ({ params: routeParams(service.id, locale, locales), props: { locale, serviceId: service.id } })));
}
