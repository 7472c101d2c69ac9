// Display names of services, groups and severity levels: by id, and in a page's language with the language
// they are actually written in, so a page can mark a name it had to borrow from another language.
import type { Service } from '../../schemas/service.ts';
import type { Locale } from '../../schemas/site.ts';

/** Anything with a `name` in the site's default language and, optionally, `names` in others. */
export interface Named {
  name: string;
  names?: Partial<Record<Locale, string | undefined>> | undefined;
}

export interface LocalizedName {
  text: string;
  /** The language the text is written in: the page's when `names` has it, else the site's default. */
  lang: Locale;
}

/** The name a page in `locale` shows: its own language's when given, else `name` in the site's default language. */
export function localizedName(item: Named, locale: Locale, defaultLocale: Locale): LocalizedName {
  const own = locale === defaultLocale ? undefined : item.names?.[locale];
  if (own !== undefined) return { text: own, lang: locale };
  return { text: item.names?.[defaultLocale] ?? item.name, lang: defaultLocale };
}

/** A service's display name from its id in the site's default language, the id itself when the service is unknown. */
export function serviceNameOf(services: readonly Pick<Service, 'id' | 'name'>[], id: string): string {
  return services.find((service) => service.id === id)?.name ?? id;
}
