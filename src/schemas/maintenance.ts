// Schema of content/maintenance/*.md frontmatter: a scheduled maintenance window.
import { z } from 'zod';
import { impactLevel, instant, oneOf, slug, text, title } from './primitives.ts';

/**
 * A window's lifecycle, in Statuspage's words: announced, under way, being verified, done; or called off.
 * `start:` and `end:` always say the window as it stands: starting early or completing moves them with the update.
 */
export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed', 'cancelled'] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

/** A note to readers about the window: posted by `npm run maintenance:update`, shown on the status page and in every feed. */
export const maintenanceUpdateSchema = z.strictObject({
  at: instant,
  status: oneOf(MAINTENANCE_STATUSES),
  message: text,
});

export const maintenanceSchema = z.strictObject({
  id: slug,
  title: title,
  start: instant,
  end: instant,
  services: z.array(slug).min(1, { error: 'empty (expected at least one service id)' }),
  /** What users will see during the window; omitted when the work should not be noticeable. */
  impact: impactLevel.optional(),
  /** Set when the window was called off; it stays on record but leaves the status page. */
  cancelled: z.boolean({ error: (issue) => `found ${JSON.stringify(issue.input)} (expected true or false)` }).default(false),
  /** Updates posted to readers, oldest first. */
  updates: z.array(maintenanceUpdateSchema).default([]),
  /** Where `npm run import` read this window (`statuspage:<id>`), so importing again does not write it twice. */
  importedFrom: text.optional(),
});

export type Maintenance = z.infer<typeof maintenanceSchema>;
export type MaintenanceUpdate = z.infer<typeof maintenanceUpdateSchema>;
