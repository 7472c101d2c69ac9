// A problem found in a content file, and the one-line form the check and the build print.

export interface Problem {
  /** Path relative to the site's root, with forward slashes. */
  file: string;
  line: number;
  /** Dotted path of the offending field (`updates[2].status`), or `yaml` / `file` for file-level problems. */
  field: string;
  /** What was found and what was expected. */
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.field}: ${problem.message}`;
}

function escapeAnnotationData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A GitHub Actions workflow command that annotates the file and line in a pull request, as an error or a warning. */
export function formatGithubAnnotation(problem: Problem, level: 'error' | 'warning' = 'error'): string {
  return `::${level} file=${escapeAnnotationProperty(problem.file)},line=${problem.line},title=${escapeAnnotationProperty(problem.field)}::${escapeAnnotationData(`${problem.field}: ${problem.message}`)}`;
}

/** A warning as the check prints it: the problem's line, marked so it is never read as one. */
export function formatWarning(warning: Problem): string {
  return `warning: ${formatProblem(warning)}`;
}

/** A GitHub Actions warning with no file to point at (a count of warnings not listed). */
export function formatGithubWarningText(message: string): string {
  return `::warning::${escapeAnnotationData(message)}`;
}

/** How many problems of one file are printed; a file with more is summarised (a pasted log, a broken indent). */
export const PROBLEMS_SHOWN_PER_FILE = 50;

/**
 * The problems as printed, in order: at most PROBLEMS_SHOWN_PER_FILE per file, then one line saying how many more
 * that file has, so one bad file cannot bury the others or flood a CI log. `line` formats one problem.
 */
export function problemLines(problems: readonly Problem[], line: (problem: Problem) => string = formatProblem): string[] {
  const lines: string[] = [];
  const shownByFile = new Map<string, number>();
  // Per file past its first 50: the line the unlisted ones start at, and how many there are.
  const unlisted = new Map<string, { line: number; count: number }>();
  for (const problem of problems) {
    const shown = shownByFile.get(problem.file) ?? 0;
    if (shown < PROBLEMS_SHOWN_PER_FILE) {
      shownByFile.set(problem.file, shown + 1);
      lines.push(line(problem));
    } else {
      const rest = unlisted.get(problem.file);
      if (rest) rest.count += 1;
      else unlisted.set(problem.file, { line: problem.line, count: 1 });
    }
  }
  for (const [file, rest] of unlisted) {
    lines.push(line({ file, line: rest.line, field: 'file', message: `${rest.count} more problem${rest.count === 1 ? '' : 's'} from here on, not listed (expected the first ${PROBLEMS_SHOWN_PER_FILE} fixed first; the rest often follow from them)` }));
  }
  return lines;
}

export function byFileThenLine(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field);
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/** The error the build throws: every problem, one per line, so Astro's output shows them all. */
export class InvalidContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the content; nothing was built:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'InvalidContentError';
    this.problems = problems;
  }
}
