// An incident's figures against its targets as rows and words: which rows the targets box shows and in what order
// (response and resolution against the severity policy, each service's recovery against its RTO, each service's
// data loss against its RPO), and how a verdict reads. The incident's and postmortem's pages
// (src/components/IncidentTargetsBox.astro, TargetVerdict.astro) and their markdown twins show the same.
import { bracketed, durationWords, type MessageKey, type Translate } from '../../i18n/index.ts';
import { formatDuration } from '../time/durations.ts';
import type { IncidentTargets, TargetComparison } from './incident-metrics.ts';

export interface TargetRow {
  /** What is measured; a row about one service is followed by the service's name. */
  measure: MessageKey;
  serviceId?: string;
  /** How many times the service was impaired: over one, the row judges the slowest recovery and says so. */
  windows: number;
  /** The target's name; a severity policy's target is preceded by the severity. */
  target: MessageKey;
  severityTarget: boolean;
  comparison: TargetComparison;
}

export function targetRows(targets: IncidentTargets): TargetRow[] {
  return [
    { measure: 'incident.timeToRespond', windows: 1, target: 'targets.responseTime', severityTarget: true, comparison: targets.response },
    { measure: 'incident.timeToResolve', windows: 1, target: 'targets.resolutionTime', severityTarget: true, comparison: targets.resolution },
    ...targets.services.map((row): TargetRow => ({ measure: 'targets.recovery', serviceId: row.serviceId, windows: row.windows.length, target: 'targets.rto', severityTarget: false, comparison: row.recovery })),
    ...targets.services.flatMap((row): TargetRow[] => (row.dataLoss ? [{ measure: 'incident.dataLoss', serviceId: row.serviceId, windows: 1, target: 'targets.rpo', severityTarget: false, comparison: row.dataLoss }] : [])),
  ];
}

/** The row's target in words: "P1 Response 30 min", "RTO 10 min". */
export function targetWords(row: TargetRow, severity: string, t: Translate): string {
  return `${row.severityTarget ? `${severity} ` : ''}${t(row.target)} ${formatDuration(row.comparison.targetMs, durationWords(t))}`;
}

/** What was achieved in words, or that it is still going on. */
export function actualWords(comparison: TargetComparison, t: Translate): string {
  return comparison.actualMs !== undefined ? formatDuration(comparison.actualMs, durationWords(t)) : t('incident.ongoing');
}

/** The verdict as a mark and a word: "✓ met", "✗ missed", "… pending". */
export function verdictWords(comparison: TargetComparison, t: Translate): string {
  return `${comparison.verdict === 'met' ? '✓' : comparison.verdict === 'missed' ? '✗' : '…'} ${t(`targets.${comparison.verdict}`)}`;
}

/** The margin in brackets ("(margin 26 min)", "(over 50 min)"), when there is one. */
export function marginWords(comparison: TargetComparison, t: Translate): string | undefined {
  const margin = comparison.marginMs;
  if (margin === undefined) return undefined;
  return bracketed(t, margin >= 0 ? `${t('targets.margin')} ${formatDuration(margin, durationWords(t))}` : `${t('targets.over')} ${formatDuration(-margin, durationWords(t))}`);
}
