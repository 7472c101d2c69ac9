// The text of a new maintenance window file, with notes for readers in the site's language.
import { stringify } from 'yaml';
import type { ImpactLevel } from '../../schemas/primitives.ts';
import type { Locale } from '../../schemas/site.ts';
import { instantText, messageTime } from '../time/written-instants.ts';

export interface NewMaintenance {
  id: string;
  title: string;
  startMs: number;
  endMs: number;
  timeZone: string;
  services: readonly string[];
  /** What users will see; absent when the work should not be noticeable. */
  impact?: ImpactLevel;
  notes: string;
}

/** Default notes: which services, when, in the reader's language; the team adds what users should do. */
export function maintenanceNotes(serviceNames: readonly string[], startMs: number, endMs: number, timeZone: string, locale: Locale): string {
  const start = messageTime(startMs, timeZone);
  const end = messageTime(endMs, timeZone, startMs);
  return locale === 'en'
    ? `We will carry out scheduled maintenance on ${serviceNames.join(', ')} from ${start} to ${end}. We will post here when the work starts and when it ends.`
    : `我们将于 ${start} 至 ${end} 对${serviceNames.join('、')}进行计划维护。维护开始和结束时我们会在此发布通知。`;
}

export function maintenanceMarkdown(window: NewMaintenance): string {
  const frontmatter: Record<string, unknown> = {
    id: window.id,
    title: window.title.trim(),
    start: instantText(window.startMs, window.timeZone),
    end: instantText(window.endMs, window.timeZone),
    services: [...window.services],
  };
  if (window.impact) frontmatter.impact = window.impact;
  return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n${window.notes.trim()}\n`;
}
