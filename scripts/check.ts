// `npm run check`: validates every content and data file without building; prints every problem, one per line.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatGithubAnnotation, formatProblem } from '../src/validation/problem.ts';
import { loadSite } from '../src/validation/load-site.ts';

const USAGE = 'usage: npm run check -- [--root <site folder>] [--format text|github]';

let options: { root: string; format: string };
try {
  const { values } = parseArgs({ options: { root: { type: 'string', default: '.' }, format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.format !== 'text' && values.format !== 'github') throw new Error(`unknown format "${values.format}" (expected text or github)`);
  options = { root: path.resolve(values.root), format: values.format };
} catch (error) {
  console.error(`check: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

const result = await loadSite(options.root);
if (result.ok) {
  const { content } = result;
  const count = content.incidents.length;
  const postmortems = content.incidents.filter((entry) => entry.postmortem).length;
  console.log(`ok: ${count} incidents, ${postmortems} postmortems, ${content.maintenance.length} maintenance windows, ${content.services.services.length} services checked`);
  process.exit(0);
}
for (const problem of result.problems) console.log(options.format === 'github' ? formatGithubAnnotation(problem) : formatProblem(problem));
console.error(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} found`);
process.exit(1);
