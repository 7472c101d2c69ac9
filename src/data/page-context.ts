// What every page starts from: the site model, its locale and translator, time zone, base path and names.
import { translator, type Translate } from '../i18n/index.ts';
import { localePrefix } from '../i18n/routes.ts';
import { serviceNameOf } from '../lib/model/service-names.ts';
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
}

export async function pageContext(locale?: Locale): Promise<PageContext> {
  const model = await siteModel();
  const pageLocale = locale ?? model.site.defaultLocale;
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
  };
}
