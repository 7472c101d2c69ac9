// Schema of content/maintenance/*.md frontmatter: a scheduled maintenance window.
import { z } from 'zod';
import { impactLevel, instant, slug, text, title } from './primitives.ts';

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
  /** Where `npm run import` read this window (`statuspage:<id>`), so importing again does not write it twice. */
  importedFrom: text.optional(),
});

export type Maintenance = z.infer<typeof maintenanceSchema>;
