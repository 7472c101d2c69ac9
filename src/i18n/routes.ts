// URL prefixes per locale: the site's default locale lives at the root, every other one under its own folder.
import { LOCALES, type Locale } from '../schemas/site.ts';

export function localeSegment(locale: Locale): string {
  return locale.toLowerCase();
}

/** The path prefix of a locale's pages, relative to the site root: '' for the default locale, 'zh-cn/' otherwise. */
export function localePrefix(locale: Locale, defaultLocale: Locale): string {
  return locale === defaultLocale ? '' : `${localeSegment(locale)}/`;
}

export function otherLocales(defaultLocale: Locale): Locale[] {
  return LOCALES.filter((locale) => locale !== defaultLocale);
}
