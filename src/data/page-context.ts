// What every page starts from: the site model, its locale and translator, time zone, base path and names.
import { translator, type Translate } from '../i18n/index.ts';
import { localePrefix } from '../i18n/routes.ts';
import { localizedName, serviceNameOf, type Named } from '../lib/model/service-names.ts';
import { basePathOf, siteUrl } from '../lib/model/site-urls.ts';
import type { SiteModel } from '../lib/model/site-model.ts';
import type { Locale } from '../schemas/site.ts';
import { siteModel } from './site-model.ts';

export interface PageContext {
  model: SiteModel;
  locale: Locale;
  t: Translate;
  zone: string;
  /** Path prefix of this locale's pages, ending in '/': '/' or '/zh-cn/', under the site's path ('/status/zh-cn/'). */
  base: string;
  /** Path prefix of the site root ('/', or '/status/' for a site served under a path), for files that exist once (feeds, favicon). */
  root: string;
  serviceName: (id: string) => string;
  /**
   * The `lang` a service, group or level name needs on this page: its language when that is not the page's (a
   * Chinese site's English page showing a name given only in Chinese), undefined when it matches.
   */
  nameLang: (item: Named) => Locale | undefined;
  /**
   * The `lang` of what the team wrote (titles, messages, bodies: the site's default language) on this page:
   * undefined on pages in that language, so screen readers switch voice only where the language changes.
   */
  contentLang: Locale | undefined;
  /** `nameLang` of the service with this id (undefined for an unknown id, shown as the id itself). */
  serviceLang: (id: string) => Locale | undefined;
}

const localizedModels = new Map<string, { source: SiteModel; model: SiteModel }>();

/**
 * The model with every service, group and level name in the page's language where `names:` gives one, so every
 * view and view model shows names the reader can read; kept per locale so view-model caches see one model.
 */
function modelIn(model: SiteModel, locale: Locale): SiteModel {
  const known = localizedModels.get(locale);
  if (known?.source === model) return known.model;
  const defaultLocale = model.site.defaultLocale;
  const named = <T extends Named>(item: T): T => ({ ...item, name: localizedName(item, locale, defaultLocale).text });
  const localized = locale === defaultLocale ? model : { ...model, groups: model.groups.map(named), services: model.services.map(named), levels: model.levels.map(named) };
  localizedModels.set(locale, { source: model, model: localized });
  return localized;
}

export async function pageContext(locale?: Locale): Promise<PageContext> {
  const source = await siteModel();
  const pageLocale = locale ?? source.site.defaultLocale;
  const model = modelIn(source, pageLocale);
  const defaultLocale = model.site.defaultLocale;
  // From site.yaml, as Astro's `base` is: import.meta.env.BASE_URL can be overridden by a BASE_URL variable in the
  // build's environment, which a CI machine may well set for something else.
  const root = basePathOf(model.site.baseUrl);
  return {
    model,
    locale: pageLocale,
    t: translator(pageLocale),
    zone: model.site.timeZone,
    base: siteUrl(root, localePrefix(pageLocale, model.site.defaultLocale)),
    root,
    serviceName: (id) => serviceNameOf(model.services, id),
    nameLang: (item) => {
      const { lang } = localizedName(item, pageLocale, defaultLocale);
      return lang === pageLocale ? undefined : lang;
    },
    contentLang: pageLocale === defaultLocale ? undefined : defaultLocale,
    serviceLang: (id) => {
      const service = model.services.find((candidate) => candidate.id === id);
      const lang = service ? localizedName(service, pageLocale, defaultLocale).lang : pageLocale;
      return lang === pageLocale ? undefined : lang;
    },
  };
}
