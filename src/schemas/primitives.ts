// Field types shared by every content schema: instants with offsets, durations, percentages, ids.
import { z } from 'zod';
import { didYouMean } from '../validation/near-miss.ts';
import { readCalendarDate, readInstantWithOffset } from '../lib/time/calendar.ts';
import { formatCompactDuration, LONGEST_DURATION_MS, parseDuration, readDuration, type ReadDuration } from '../lib/time/durations.ts';

const INSTANT_EXAMPLE = '2026-11-25T14:32:00+08:00';

/**
 * What YAML made of a value that is not text, and how to keep it text: `title: 404` is a number, `title: yes` and
 * `title: null` are not words to YAML 1.2's core schema; quoted, each is text.
 */
function notText(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    const kind = value === null ? 'empty (null)' : typeof value === 'number' ? 'a number' : 'true or false';
    return `, which YAML reads as ${kind}; write it in quotes, "${String(value)}", to make it text`;
  }
  return '';
}

/** An instant written with an explicit UTC offset (`2026-11-25T14:32:00+08:00` or `...Z`) that exists, parsed to a Date. */
export const instant = z
  .string({ error: (issue) => (issue.input === undefined ? `missing (expected an instant such as ${INSTANT_EXAMPLE})` : `found ${JSON.stringify(issue.input)} (expected an instant such as ${INSTANT_EXAMPLE}, quoted or not)`) })
  .transform((text, ctx) => {
    const read = readInstantWithOffset(text);
    // A year such as 0000 or 0202 is a typo; dates before 1970 are not written correctly by every tool downstream.
    if ('ms' in read && read.ms < 0) {
      ctx.addIssue({ code: 'custom', message: `found "${text}", before 1970 (expected a year such as 2026)` });
      return z.NEVER;
    }
    if ('ms' in read) return new Date(read.ms);
    const message =
      read.problem === 'no offset'
        ? `instant "${text}" has no UTC offset (expected an explicit offset such as ${text}+08:00 or ${text}Z)`
        : read.problem === 'nonexistent'
          ? `found "${text}", ${read.reason} (expected a real date and time such as ${INSTANT_EXAMPLE})`
          : `found "${text}" (expected an instant such as ${INSTANT_EXAMPLE})`;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });

/** A calendar date `YYYY-MM-DD` that exists (due dates, report dates): kept as text, compared as text. */
export const calendarDate = z
  .string({ error: (issue) => (issue.input === undefined ? 'missing (expected a date such as 2026-12-01)' : `found ${JSON.stringify(issue.input)} (expected a date such as 2026-12-01)`) })
  .superRefine((text, ctx) => {
    const read = readCalendarDate(text);
    if ('date' in read) return;
    ctx.addIssue({ code: 'custom', message: read.problem === 'nonexistent' ? `found "${text}", ${read.reason} (expected a real date such as 2026-12-01)` : `found "${text}" (expected a date such as 2026-12-01)` });
  });

export { parseDuration };

const DURATION_EXAMPLES = 'a duration such as 15m, 1h or 2d';

/** A duration written as `15m`, `1h`, `1h30m`, `2d` or `30s`, at most ten years, parsed to milliseconds. */
export const duration = z
  .union([z.string(), z.number()], {
    error: (issue) => (issue.input === undefined ? `missing (expected ${DURATION_EXAMPLES})` : `found ${JSON.stringify(issue.input)} (expected ${DURATION_EXAMPLES})`),
  })
  .transform((value, ctx) => {
    const read: ReadDuration = typeof value === 'number' ? (value === 0 ? { ms: 0 } : { problem: 'malformed' }) : readDuration(value);
    if ('ms' in read) return read.ms;
    const message =
      read.problem === 'too long'
        ? `duration ${JSON.stringify(value)} is longer than 10 years (expected at most ${formatCompactDuration(LONGEST_DURATION_MS)}, such as 15m, 1h or 2d)`
        : `found ${JSON.stringify(value)} (expected ${DURATION_EXAMPLES})`;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });

/** A percentage between 90 and 100, written `99.95%` or `99.95`. */
export const availabilityTarget = z
  .union([z.string(), z.number()], {
    error: (issue) => (issue.input === undefined ? 'missing (expected a percentage between 90 and 100 such as 99.95%)' : `found ${JSON.stringify(issue.input)} (expected a percentage between 90 and 100 such as 99.95%)`),
  })
  .transform((value, ctx) => {
    const number = typeof value === 'number' ? value : /^\d+(\.\d+)?\s*%?$/.test(value.trim()) ? Number.parseFloat(value) : Number.NaN;
    if (!(number >= 90 && number <= 100)) {
      ctx.addIssue({ code: 'custom', message: `found ${JSON.stringify(value)} (expected a percentage between 90 and 100 such as 99.95%)` });
      return z.NEVER;
    }
    return number;
  });

/** Lower-case ids for services, groups and maintenance: `api-gateway`. */
export const slug = z
  .string({ error: (issue) => (issue.input === undefined ? 'missing (expected an id of lower-case letters, digits and dashes)' : `found ${JSON.stringify(issue.input)} (expected an id of lower-case letters, digits and dashes)`) })
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: (issue) => `found ${JSON.stringify(issue.input)} (expected an id of lower-case letters, digits and dashes)` });

/** Non-empty text. */
export const text = z
  .string({ error: (issue) => (issue.input === undefined ? 'missing (expected text)' : `found ${JSON.stringify(issue.input)}${notText(issue.input)} (expected text)`) })
  .trim()
  .min(1, { error: 'empty (expected text)' });

/**
 * A name or title: plain text that feeds, chat integrations and page titles carry as it is. Some readers render
 * an RSS title as HTML, so anything that reads as a tag is refused rather than escaped differently per reader.
 */
export const title = text.refine((value) => !/<[A-Za-z/!?]/.test(value), {
  error: (issue) => `found ${JSON.stringify(issue.input)}, which reads as an HTML tag (expected plain text; write "less than" or use a space after "<")`,
});

/**
 * A name in the site's other languages, beside `name:` (written in the site's default language), so a page in
 * another language shows its own, marked with its language; a page falls back to `name:` when one is missing.
 */
export const localizedNames = z
  .strictObject({ en: title.optional(), 'zh-CN': title.optional() })
  .refine((names) => Object.values(names).some((name) => name !== undefined), { error: 'empty (expected a name for en or zh-CN, such as zh-CN: 核心服务)' });

/** An enumeration whose message lists every allowed value. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `missing (expected one of: ${values.join(', ')})`
        : `found ${JSON.stringify(issue.input)} (${typeof issue.input === 'string' ? didYouMean(issue.input, values) : ''}expected one of: ${values.join(', ')})`,
  });
}

/** How badly a service is affected, mildest first; the names Statuspage also uses. */
export const IMPACT_LEVELS = ['degraded', 'partial_outage', 'major_outage'] as const;
export const impactLevel = oneOf(IMPACT_LEVELS);
export type ImpactLevel = z.infer<typeof impactLevel>;

/**
 * The URL, when `text` is an absolute URL with one of `schemes` that every reader reads alike: no spaces, control
 * characters or backslashes (URL parsers drop or rewrite them, so ` javascript:` or `java\tscript:` would pass
 * as something else), and http(s) addresses written with `//` and a host.
 */
function urlWithScheme(text: string, schemes: readonly string[]): URL | undefined {
  if (/[\s\\\u0000-\u001f\u007f-\u009f]/.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (!schemes.includes(url.protocol)) return undefined;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && (!/^https?:\/\/[^/]/i.test(text) || url.hostname === '')) return undefined;
  return url;
}

function urlField(expected: string, schemes: readonly string[], isUsable: (url: URL) => boolean = () => true) {
  const found = (input: unknown) => (input === undefined ? `missing (expected ${expected})` : `found ${JSON.stringify(input)} (expected ${expected})`);
  return z.string({ error: (issue) => found(issue.input) }).refine(
    (text) => {
      const url = urlWithScheme(text, schemes);
      return url !== undefined && isUsable(url);
    },
    { error: (issue) => found(issue.input) },
  );
}

/** A link readers follow from a page or feed (contacts, trackers, appendix links): http, https or mailto only. */
export function linkUrl(expected = 'an http, https or mailto address such as https://example.com/') {
  return urlField(expected, ['http:', 'https:', 'mailto:']);
}

/** The site's own address, which every page, feed and calendar entry is resolved against. */
export const siteAddress = urlField("the site's http or https address such as https://status.example.com/, with no user name, query or #fragment", ['http:', 'https:'], (url) => url.username === '' && url.password === '' && url.search === '' && url.hash === '');

export const link = z.strictObject({ label: text, url: linkUrl() });
