// Static paths for the pages of every non-default locale (`/zh-cn/...` when the site's default is English).
import { getCollection } from 'astro:content';
import { localeSegment, otherLocales } from '../i18n/routes.ts';
import type { Locale } from '../schemas/site.ts';
import { archivePageCount, hasPostmortemPage, publishedPostmortems } from '../lib/postmortems/postmortems.ts';
import { previewBuild } from './build-mode.ts';
import { historyPage, historyPageCount } from '../lib/status/history.ts';
import { siteModel } from './site-model.ts';
import { historyPageKey, incidentPageKey, postmortemPageKey } from '../lib/model/page-keys.ts';
import { reportPeriods } from '../lib/reports/period-reports.ts';
import { facetLists } from '../lib/status/incident-lists.ts';

export async function otherLocalePaths(): Promise<{ params: { lang: string }; props: { locale: Locale } }[]> {
  const { site } = await siteModel();
  return otherLocales(site.defaultLocale).map((locale) => ({ params: { lang: localeSegment(locale) }, props: { locale } }));
}

type WhichLocales = 'default' | 'others';

/**
 * The locales a route serves with the `lang` parameter each needs: the default locale at the site's root (no
 * parameter), or every other locale under its segment (`zh-cn`).
 */
function routeLocales(defaultLocale: Locale, locales: WhichLocales): { locale: Locale; langParam: { lang?: string } }[] {
  return locales === 'default' ? [{ locale: defaultLocale, langParam: {} }] : otherLocales(defaultLocale).map((locale) => ({ locale, langParam: { lang: localeSegment(locale) } }));
}

export async function incidentPaths(locales: WhichLocales) {
  const [model, entries] = await Promise.all([siteModel(), getCollection('incidents')]);
  // The key lets a rebuild copy the pages of incidents nothing changed for (experimental.incrementalBuild).
  return routeLocales(model.site.defaultLocale, locales).flatMap(({ locale, langParam }) =>
    entries.map((entry) => ({ params: { id: entry.id, ...langParam }, props: { entry, locale }, cacheKey: incidentPageKey(model, entry.id, entry.body ?? '', locale, previewBuild) })),
  );
}

export async function postmortemPaths(locales: WhichLocales) {
  const [model, entries] = await Promise.all([siteModel(), getCollection('postmortems', (entry) => hasPostmortemPage(entry.data, previewBuild))]);
  return routeLocales(model.site.defaultLocale, locales).flatMap(({ locale, langParam }) =>
    entries.map((entry) => ({ params: { id: entry.id, ...langParam }, props: { entry, locale }, cacheKey: postmortemPageKey(model, entry.id, entry.body ?? '', locale, previewBuild) })),
  );
}

/** The history's pages after the first (the first is /incidents/ itself), in the default locale or the others. */
export async function historyPaths(locales: WhichLocales) {
  const model = await siteModel();
  const numbers = Array.from({ length: historyPageCount(model.incidents.length) - 1 }, (_, index) => index + 2);
  return routeLocales(model.site.defaultLocale, locales).flatMap(({ locale, langParam }) =>
    numbers.map((page) => ({ params: { n: String(page), ...langParam }, props: { locale, page }, cacheKey: historyPageKey(model, historyPage(model.incidents, page), locale, previewBuild) })),
  );
}

/** The postmortem archive's older pages (2 and on), in the default locale or the others. */
export async function archivePaths(locales: WhichLocales) {
  const model = await siteModel();
  const numbers = Array.from({ length: archivePageCount(publishedPostmortems(model).length) - 1 }, (_, index) => index + 2);
  return routeLocales(model.site.defaultLocale, locales).flatMap(({ locale, langParam }) => numbers.map((page) => ({ params: { n: String(page), ...langParam }, props: { locale, page } })));
}

/** Each service's page, in the default locale or the others. */
export async function servicePagePaths(locales: WhichLocales) {
  const model = await siteModel();
  return routeLocales(model.site.defaultLocale, locales).flatMap(({ locale, langParam }) => model.services.map((service) => ({ params: { id: service.id, ...langParam }, props: { locale, serviceId: service.id } })));
}

/** Each year's and quarter's report, in the default locale or the others. */
export async function reportPaths(locales: WhichLocales) {
  const model = await siteModel();
  const periods = reportPeriods(model);
  return routeLocales(model.site.defaultLocale, locales).flatMap(({ locale, langParam }) => periods.map((period) => ({ params: { period: period.id, ...langParam }, props: { locale, period } })));
}

/** Each level's and each service's incident list, page by page, in the default locale or the others. */
export async function facetPaths(locales: WhichLocales) {
  const model = await siteModel();
  const lists = facetLists(model);
  return routeLocales(model.site.defaultLocale, locales).flatMap(({ locale, langParam }) =>
    lists.flatMap((list) =>
      Array.from({ length: list.pageCount }, (_, index) => ({
        params: { facet: list.facet, value: list.value, page: index === 0 ? undefined : `page/${index + 1}`, ...langParam },
        props: { locale, facet: list.facet, value: list.value, page: index + 1 },
      })),
    ),
  );
}
