// The text of a new incident file: valid frontmatter in the README's layout, the first update, a summary body.
import { stringify } from 'yaml';
import type { IncidentStatus } from '../../schemas/incident.ts';
import type { ImpactLevel } from '../../schemas/primitives.ts';
import { instantText } from '../time/written-instants.ts';

/** A new incident starts somewhere before it is over: resolving and closing are later updates. */
export const FIRST_STATUSES = ['detecting', 'investigating', 'fixing', 'monitoring'] as const satisfies readonly IncidentStatus[];
export type FirstStatus = (typeof FIRST_STATUSES)[number];

export interface NewIncident {
  id: string;
  title: string;
  severity: string;
  startedMs: number;
  detectedMs: number;
  timeZone: string;
  commander?: string;
  impact?: string;
  /** The maintenance window whose planned work caused the incident. */
  maintenance?: string;
  services: readonly { id: string; impact: ImpactLevel }[];
  firstUpdate: { status: FirstStatus; message: string; atMs: number };
  /** The markdown body: the summary readers see above the timeline. */
  summary: string;
}

/** The incident file, keys in the README's order so every incident reads the same way. */
export function incidentMarkdown(incident: NewIncident): string {
  const frontmatter: Record<string, unknown> = {
    id: incident.id,
    title: incident.title.trim(),
    severity: incident.severity,
    started: instantText(incident.startedMs, incident.timeZone),
    detected: instantText(incident.detectedMs, incident.timeZone),
  };
  if (incident.maintenance) frontmatter.maintenance = incident.maintenance;
  if (incident.commander?.trim()) frontmatter.commander = incident.commander.trim();
  if (incident.impact?.trim()) frontmatter.impact = incident.impact.trim();
  frontmatter.services = incident.services.map((affected) => ({ id: affected.id, impact: affected.impact }));
  frontmatter.updates = [{ at: instantText(incident.firstUpdate.atMs, incident.timeZone), status: incident.firstUpdate.status, message: incident.firstUpdate.message.trim() }];
  const summary = incident.summary.trim();
  return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n${summary ? `${summary}\n` : ''}`;
}
