// Schema of incidents/YYYY/<id>/index.md frontmatter: one incident, its affected services and its status updates.
import { z } from 'zod';
import { duration, impactLevel, instant, oneOf, slug, text, title } from './primitives.ts';

/** The incident lifecycle in order; `reopened` is the one explicit way back. */
export const INCIDENT_STATUSES = ['detecting', 'investigating', 'fixing', 'monitoring', 'resolved', 'closed', 'reopened'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_ID = /^INC-(\d{4})(\d{2})(\d{2})-(\d{3})$/;

export const incidentUpdateSchema = z.strictObject({
  at: instant,
  status: oneOf(INCIDENT_STATUSES),
  message: text,
});

/** One stretch in which a service was impaired, for a service that recovered and failed again within the incident. */
export const impactWindowSchema = z.strictObject({
  start: instant,
  /** When the service recovered; the incident's resolution when absent (only the last window may leave it out). */
  end: instant.optional(),
});

export const affectedServiceSchema = z.strictObject({
  id: slug,
  impact: impactLevel,
  /** When this service's impact began; the incident's start when absent. */
  start: instant.optional(),
  /** When this service recovered; the incident's resolution when absent. */
  end: instant.optional(),
  /**
   * Several windows instead of `start`/`end`, oldest first, for a service that recovered and was impaired again
   * (the commands write this list when a recovered service is impaired again, on a reopen say).
   */
  windows: z.array(impactWindowSchema).min(1, { error: 'empty (expected at least one window with a start)' }).optional(),
  /** How much of this service's data was lost, as a window of time, for comparison with its RPO; none when absent. */
  dataLoss: duration.optional(),
});

export const incidentSchema = z.strictObject({
  id: z
    .string({ error: (issue) => (issue.input === undefined ? 'missing (expected an id such as INC-20261125-001)' : `found ${JSON.stringify(issue.input)} (expected an id such as INC-20261125-001)`) })
    .regex(INCIDENT_ID, { error: (issue) => `found ${JSON.stringify(issue.input)} (expected an id of the form INC-YYYYMMDD-NNN such as INC-20261125-001)` }),
  title: title,
  severity: text,
  started: instant,
  detected: instant,
  /** When service was restored for everyone; absent while the incident is open. */
  resolved: instant.optional(),
  /**
   * Older files' single data-loss window: read as the loss of the one affected service, refused by the check when
   * there are several (it cannot say which lost data). New files put `dataLoss:` under the service.
   */
  dataLoss: duration.optional(),
  services: z.array(affectedServiceSchema).min(1, { error: 'empty (expected at least one affected service)' }),
  /** Who and what was affected, in one or two sentences for the status page. */
  impact: text.optional(),
  commander: text.optional(),
  /**
   * The scheduled maintenance window (its id) whose planned work caused this incident. Only then, and only up to
   * the impact that window announced, is downtime inside the window excused from availability.
   */
  maintenance: slug.optional(),
  updates: z.array(incidentUpdateSchema).min(1, { error: 'empty (expected at least one status update)' }),
  /**
   * Where `npm run import` read this incident (`statuspage:<incident id>`, `cstate:<file name>`), so importing the
   * same history again recognises it instead of writing it twice.
   */
  importedFrom: text.optional(),
});

export type Incident = z.infer<typeof incidentSchema>;
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>;
export type AffectedService = z.infer<typeof affectedServiceSchema>;
export type ImpactWindow = z.infer<typeof impactWindowSchema>;
