// Schema of content/site.yaml: the site's name, address, locale, time zone and figures' settings.
import { z } from 'zod';
import { siteAddressAsFolder } from '../lib/model/site-urls.ts';
import { isTimeZone } from '../lib/time/time-zone.ts';
import { duration, link, oneOf, siteAddress, text, title } from './primitives.ts';

export const LOCALES = ['en', 'zh-CN'] as const;

/** Three hours: a rebuild GitHub delays or drops now and then (schedules are best effort) raises no notice; two in a row do. */
export const STALE_AFTER_DEFAULT_MS = 3 * 3_600_000;

const timeZone = text.refine(
  (zone) => isTimeZone(zone),
  { error: (issue) => `found ${JSON.stringify(issue.input)} (expected an IANA time zone such as Asia/Shanghai or Europe/Berlin)` },
);

const weight = z.number({ error: (issue) => `found ${JSON.stringify(issue.input)} (expected a number between 0 and 1)` }).min(0, { error: 'below 0 (expected a number between 0 and 1)' }).max(1, { error: 'above 1 (expected a number between 0 and 1)' });

export const siteSchema = z.strictObject({
  name: title,
  description: text.optional(),
  /** Where the site is served, a host's root or a path on it; read as a folder (`…/status` is `…/status/`). */
  baseUrl: siteAddress.transform(siteAddressAsFolder),
  defaultLocale: oneOf(LOCALES).default('en'),
  timeZone,
  contacts: z.array(link).default([]),
  severityScheme: text.optional(),
  /** Share of a minute counted as down for each impact level; a major outage always counts in full. */
  impactWeights: z
    .strictObject({ degraded: weight.default(0.25), partial_outage: weight.default(0.5) })
    .default({ degraded: 0.25, partial_outage: 0.5 }),
  /**
   * How old the figures may get before pages tell the reader they may be out of date (the site is rebuilt hourly,
   * so a notice means rebuilds have stopped), or `none` for no notice.
   */
  staleAfter: z
    .preprocess((value) => (value === 'none' ? null : value), duration.nullable())
    .refine((ms) => ms !== 0, { error: 'found 0 (expected a duration such as 3h, or none for no notice)' })
    .default(STALE_AFTER_DEFAULT_MS),
  /** The build's "now"; AFTERMATH_NOW overrides it. Set it for reproducible builds. */
  now: z.string().optional(),
});

export type Site = z.infer<typeof siteSchema>;
export type Locale = (typeof LOCALES)[number];
