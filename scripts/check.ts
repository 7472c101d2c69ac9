// `npm run check`: validates every content and data file without building; prints every problem, one per line,
// and, on a valid site, what the record still owes at "now" as warnings (they fail the check only with --strict).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatGithubAnnotation, formatProblem, problemLines } from '../src/validation/problem.ts';
import { loadSite } from '../src/validation/load-site.ts';
import { recordWarnings } from '../src/validation/record-warnings.ts';
import { unexpectedErrorLine } from '../src/validation/unexpected-error.ts';
import { fieldLinesIn, warningLines } from '../src/validation/warning-lines.ts';

const USAGE = 'usage: npm run check -- [--root <site folder>] [--format text|github] [--strict]';

let options: { root: string; format: string; strict: boolean };
try {
  const { values } = parseArgs({ options: { root: { type: 'string', default: '.' }, format: { type: 'string', default: 'text' }, strict: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.format !== 'text' && values.format !== 'github') throw new Error(`unknown format "${values.format}" (expected text or github)`);
  options = { root: path.resolve(values.root), format: values.format, strict: values.strict };
} catch (error) {
  console.error(`check: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

let result: Awaited<ReturnType<typeof loadSite>>;
try {
  result = await loadSite(options.root);
} catch (error) {
  // Every bad input should be a problem line above; reaching here is a bug in the check, still told in one line.
  console.error(unexpectedErrorLine('check', error));
  if (process.env.AFTERMATH_DEBUG) console.error(error);
  process.exit(1);
}
if (result.ok) {
  const { content } = result;
  const count = content.incidents.length;
  const postmortems = content.incidents.filter((entry) => entry.postmortem).length;
  const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  // Worked out from the loaded site on every run, never kept: they change with the time, not with the files.
  const warnings = recordWarnings(content);
  for (const line of warningLines(warnings, fieldLinesIn(options.root), options.format === 'github' ? 'github' : 'text')) console.log(line);
  const warned = warnings.length > 0 ? `; ${counted(warnings.length, 'warning')}` : '';
  console.log(`ok: ${counted(count, 'incident')}, ${counted(postmortems, 'postmortem')}, ${counted(content.maintenance.length, 'maintenance window')}, ${counted(content.services.services.length, 'service')} checked${warned}`);
  if (options.strict && warnings.length > 0) {
    console.error(`${counted(warnings.length, 'warning')} found, which --strict counts as failing`);
    process.exitCode = 1;
  }
} else {
  for (const line of problemLines(result.problems, options.format === 'github' ? formatGithubAnnotation : formatProblem)) console.log(line);
  console.error(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} found`);
  // exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it short.
  process.exitCode = 1;
}
