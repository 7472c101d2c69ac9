// The record's warnings as the check and the build print them: at most a few dozen of a kind, each on its line.
import { closeSync, constants, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatGithubAnnotation, formatGithubWarningText, formatWarning, fieldPath, type Problem } from './problem.ts';
import { WARNING_KINDS, type RecordWarning, type WarningKind } from './record-warnings.ts';
import { parseMarkdownFile } from './yaml-source.ts';

/**
 * How many warnings of one kind are printed; the rest are counted in one line. Years of history without
 * postmortems would otherwise print thousands, and placing each on its line costs a full parse of its file.
 */
export const WARNINGS_SHOWN_PER_KIND = 50;

/** What the line counting the unlisted warnings of a kind calls one and several, and which ones were listed. */
const UNLISTED: Record<WarningKind, { one: string; many: string; listed: string }> = {
  'update-overdue': { one: 'open incident not updated in time', many: 'open incidents not updated in time', listed: 'the first found' },
  'maintenance-started': { one: 'maintenance window under way', many: 'maintenance windows under way', listed: 'the first found' },
  'maintenance-ended': { one: 'maintenance window just ended', many: 'maintenance windows just ended', listed: 'the first found' },
  'postmortem-overdue': { one: 'postmortem past due', many: 'postmortems past due', listed: 'the most recently due' },
  'action-item-overdue': { one: 'action item past due', many: 'action items past due', listed: 'the longest overdue' },
};

/** Where a field is in a site's file: the line of its key, 1 when the file cannot be read again or parsed. */
export type LineOf = (file: string, at: readonly (string | number)[]) => number;

/**
 * The lines of the fields warnings point at, from the files as they are now, each file read and parsed at most
 * once. A link swapped in after the check is not followed (O_NOFOLLOW), as the check reads files.
 */
export function fieldLinesIn(root: string): LineOf {
  const sources = new Map<string, ((at: readonly PropertyKey[]) => number) | undefined>();
  return (file, at) => {
    if (!sources.has(file)) {
      let lineOf: ((at: readonly PropertyKey[]) => number) | undefined;
      try {
        const descriptor = openSync(path.join(root, file), constants.O_RDONLY | constants.O_NOFOLLOW);
        try {
          const parsed = parseMarkdownFile(file, readFileSync(descriptor, 'utf8'));
          if (parsed.ok) lineOf = parsed.source.lineOf;
        } finally {
          closeSync(descriptor);
        }
      } catch {
        // Changed or removed since it was checked: the warning still names the file.
      }
      sources.set(file, lineOf);
    }
    return sources.get(file)?.(at) ?? 1;
  };
}

/** The warnings as printed, kind by kind: at most WARNINGS_SHOWN_PER_KIND each, then one line counting the rest. */
export function warningLines(warnings: readonly RecordWarning[], lineOf: LineOf, format: 'text' | 'github'): string[] {
  const lines: string[] = [];
  for (const kind of WARNING_KINDS) {
    const ofKind = warnings.filter((warning) => warning.kind === kind);
    for (const warning of ofKind.slice(0, WARNINGS_SHOWN_PER_KIND)) {
      const placed: Problem = { file: warning.file, line: lineOf(warning.file, warning.at), field: fieldPath(warning.at), message: warning.message };
      lines.push(format === 'github' ? formatGithubAnnotation(placed, 'warning') : formatWarning(placed));
    }
    const rest = ofKind.length - WARNINGS_SHOWN_PER_KIND;
    if (rest > 0) {
      const { one, many, listed } = UNLISTED[kind];
      const message = `${rest} more ${rest === 1 ? one : many}, not listed (the ${WARNINGS_SHOWN_PER_KIND} above are ${listed})`;
      lines.push(format === 'github' ? formatGithubWarningText(message) : `warning: ${message}`);
    }
  }
  return lines;
}
