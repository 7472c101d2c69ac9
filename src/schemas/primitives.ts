// Field types shared by every content schema: instants with offsets, durations, percentages, ids.
import { z } from 'zod';

const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** An instant written with an explicit UTC offset (`2026-11-25T14:32:00+08:00` or `...Z`), parsed to a Date. */
export const instant = z
  .string({ error: (issue) => (issue.input === undefined ? 'missing (expected an instant such as 2026-11-25T14:32:00+08:00)' : `found ${JSON.stringify(issue.input)} (expected an instant such as 2026-11-25T14:32:00+08:00, quoted or not)`) })
  .superRefine((text, ctx) => {
    if (INSTANT_WITHOUT_OFFSET.test(text)) {
      ctx.addIssue({ code: 'custom', message: `instant "${text}" has no UTC offset (expected an explicit offset such as ${text}+08:00 or ${text}Z)` });
    } else if (!INSTANT_WITH_OFFSET.test(text) || Number.isNaN(Date.parse(text))) {
      ctx.addIssue({ code: 'custom', message: `found "${text}" (expected an instant such as 2026-11-25T14:32:00+08:00)` });
    }
  })
  .transform((text) => new Date(text));

/** A calendar date `YYYY-MM-DD` (due dates, report dates): kept as text, compared as text. */
export const calendarDate = z
  .string({ error: (issue) => (issue.input === undefined ? 'missing (expected a date such as 2026-12-01)' : `found ${JSON.stringify(issue.input)} (expected a date such as 2026-12-01)`) })
  .refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), {
    error: (issue) => `found ${JSON.stringify(issue.input)} (expected a date such as 2026-12-01)`,
  });

const DURATION_PART = /(\d+(?:\.\d+)?)(d|h|m|s)/g;
const DURATION = /^(\d+(?:\.\d+)?(d|h|m|s))+$/;
const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/** Parses `15m`, `1h30m`, `2d`, `30s` into milliseconds; undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!DURATION.test(compact)) return undefined;
  let total = 0;
  for (const match of compact.matchAll(DURATION_PART)) total += Number(match[1]) * UNIT_MS[match[2]!]!;
  return total;
}

/** A duration written as `15m`, `1h`, `1h30m`, `2d` or `30s`, parsed to milliseconds. */
export const duration = z
  .union([z.string(), z.number()], {
    error: (issue) => (issue.input === undefined ? 'missing (expected a duration such as 15m, 1h or 2d)' : `found ${JSON.stringify(issue.input)} (expected a duration such as 15m, 1h or 2d)`),
  })
  .transform((value, ctx) => {
    const ms = typeof value === 'number' ? (value === 0 ? 0 : undefined) : parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `found ${JSON.stringify(value)} (expected a duration such as 15m, 1h or 2d)` });
      return z.NEVER;
    }
    return ms;
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
  .string({ error: (issue) => (issue.input === undefined ? 'missing (expected text)' : `found ${JSON.stringify(issue.input)} (expected text)`) })
  .trim()
  .min(1, { error: 'empty (expected text)' });

/** An enumeration whose message lists every allowed value. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `missing (expected one of: ${values.join(', ')})`
        : `found ${JSON.stringify(issue.input)} (expected one of: ${values.join(', ')})`,
  });
}

/** How badly a service is affected, mildest first; the names Statuspage also uses. */
export const IMPACT_LEVELS = ['degraded', 'partial_outage', 'major_outage'] as const;
export const impactLevel = oneOf(IMPACT_LEVELS);
export type ImpactLevel = z.infer<typeof impactLevel>;

export const link = z.strictObject({ label: text, url: z.url({ error: (issue) => `found ${JSON.stringify(issue.input)} (expected an absolute URL such as https://example.com/)` }) });
