// Schema of content/severity.yaml: the severity scheme (P0-P3 by default) and each level's policy times.
import { z } from 'zod';
import { duration, localizedNames, oneOf, text, title } from './primitives.ts';

/** The Statuspage impact a level maps to in the JSON API. */
export const STATUSPAGE_IMPACTS = ['none', 'minor', 'major', 'critical'] as const;

export const severityLevelSchema = z.strictObject({
  id: z
    .string({ error: (issue) => (issue.input === undefined ? 'missing (expected a level id such as P1)' : `found ${JSON.stringify(issue.input)} (expected a level id such as P1)`) })
    .regex(/^[A-Z][A-Z0-9-]*$/, { error: (issue) => `found ${JSON.stringify(issue.input)} (expected a level id of capitals and digits such as P1)` }),
  name: title,
  /** The name in other languages; `name` is in the site's default language. */
  names: localizedNames.optional(),
  meaning: text,
  /** Time from detection to the first response update. */
  responseTime: duration,
  /** Time from start to resolution. */
  resolutionTime: duration,
  /** How often the status page must be updated while the incident is open. */
  updateCadence: duration,
  /**
   * How long after resolution the postmortem must be published, or `none` when this level needs no postmortem:
   * its incidents are never overdue and may be closed without one.
   */
  postmortemDue: z.preprocess((value) => (value === 'none' ? null : value), duration.nullable()),
  /** How long the service is watched after recovery before the incident is closed. */
  monitoringAfterRecovery: duration,
  statuspageImpact: oneOf(STATUSPAGE_IMPACTS).optional(),
});

export const severityFileSchema = z.strictObject({
  scheme: text,
  /** Most severe first. */
  levels: z.array(severityLevelSchema).min(1, { error: 'empty (expected at least one level)' }),
});

export type SeverityLevel = z.infer<typeof severityLevelSchema>;
export type SeverityFile = z.infer<typeof severityFileSchema>;
