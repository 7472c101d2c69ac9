// Schema of content/services.yaml: service groups and the services with their recovery and availability targets.
import { z } from 'zod';
import { readCalendarDate, readInstantWithOffset } from '../lib/time/calendar.ts';
import { availabilityTarget, duration, localizedNames, slug, text, title } from './primitives.ts';

const SINCE_EXPECTED = 'a date such as 2026-11-01 (midnight in the site\'s time zone) or an instant such as 2026-11-01T09:00:00+08:00';

/**
 * Since when a service's record is kept: a calendar date, read as its midnight in the site's zone (the schema does
 * not know the zone, so the date stays a date), or an exact instant.
 */
export const trackedSince = z
  .string({ error: (issue) => `found ${JSON.stringify(issue.input)} (expected ${SINCE_EXPECTED})` })
  .transform((value, ctx): { date: string } | { at: Date } => {
    const date = readCalendarDate(value);
    if ('date' in date) return { date: date.date };
    const instant = readInstantWithOffset(value);
    if ('ms' in instant) return { at: new Date(instant.ms) };
    const reason = 'reason' in date ? date.reason : 'reason' in instant ? instant.reason : undefined;
    ctx.addIssue({ code: 'custom', message: reason ? `found "${value}", ${reason} (expected ${SINCE_EXPECTED})` : `found "${value}" (expected ${SINCE_EXPECTED})` });
    return z.NEVER;
  });

export const serviceGroupSchema = z.strictObject({
  id: slug,
  name: title,
  /** The name in other languages; `name` is in the site's default language. */
  names: localizedNames.optional(),
  description: text.optional(),
  parent: slug.optional(),
});

export const serviceSchema = z.strictObject({
  id: slug,
  name: title,
  /** The name in other languages; `name` is in the site's default language. */
  names: localizedNames.optional(),
  group: slug,
  description: text.optional(),
  /** Recovery time objective: how long the service may be down per incident. */
  rto: duration,
  /** Recovery point objective: how much data (as time) may be lost per incident. */
  rpo: duration,
  /** Availability target in percent. */
  availability: availabilityTarget,
  /**
   * Since when the service is tracked. Days before it have no data (never 100%), and every availability and
   * budget window is clipped to it. Without it the record is taken to reach back as far as any window.
   */
  since: trackedSince.optional(),
  /**
   * Listed on the status page only while something is wrong with it (impaired or under maintenance), like
   * Statuspage's only_show_if_degraded: a rarely used service that would otherwise crowd the page. Its own page,
   * feeds, badge and figures are always there.
   */
  showOnlyWhenImpaired: z.boolean({ error: (issue) => `found ${JSON.stringify(issue.input)} (expected true or false)` }).optional(),
});

export const servicesFileSchema = z.strictObject({
  groups: z.array(serviceGroupSchema).min(1, { error: 'empty (expected at least one group)' }),
  services: z.array(serviceSchema).min(1, { error: 'empty (expected at least one service)' }),
});

export type ServiceGroup = z.infer<typeof serviceGroupSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type TrackedSince = z.infer<typeof trackedSince>;
export type ServicesFile = z.infer<typeof servicesFileSchema>;
