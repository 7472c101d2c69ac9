// A site with thousands of files is checked on every core: worker threads must find exactly what the checking
// process finds in each file (problems, lines, the validated record with its dates), and a whole check run that
// way must print what a check in one thread prints.
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContentFile, contentFileKind } from '../src/validation/check-file.ts';
import { CheckPool } from '../src/validation/parallel-check.ts';
import { loadSite } from '../src/validation/load-site.ts';
import { formatProblem } from '../src/validation/problem.ts';
import { EXAMPLE_FIXTURE, INVALID_FIXTURES, siteWithCase } from './helpers/sites.ts';

const NOW = { AFTERMATH_NOW: '2026-11-26T12:00:00Z' };
const cases = readdirSync(INVALID_FIXTURES).sort();
const made: string[] = [];
let previousSetting: string | undefined;

beforeAll(() => {
  // Nothing kept between runs: every file is checked by whichever thread takes it.
  previousSetting = process.env.AFTERMATH_VALIDATION_CACHE;
  process.env.AFTERMATH_VALIDATION_CACHE = 'off';
});

afterAll(async () => {
  if (previousSetting === undefined) delete process.env.AFTERMATH_VALIDATION_CACHE;
  else process.env.AFTERMATH_VALIDATION_CACHE = previousSetting;
  await Promise.all(made.map((folder) => rm(folder, { recursive: true, force: true })));
});

function contentFilesOf(root: string): { file: string; kind: NonNullable<ReturnType<typeof contentFileKind>>; text: string }[] {
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .flatMap((file) => {
      const kind = contentFileKind(file);
      return kind && !/README\.md$/i.test(file) ? [{ file, kind, text: readFileSync(path.join(root, file), 'utf8') }] : [];
    });
}

describe('checking in worker threads', () => {
  it('answers for every file exactly what checking it here gives, dates and problems included', async () => {
    const jobs = [EXAMPLE_FIXTURE, ...cases.map((name) => path.join(INVALID_FIXTURES, name, 'site'))].flatMap((root, index) =>
      contentFilesOf(root).map((job) => ({ ...job, file: `${job.file}#${index}` })),
    );
    expect(jobs.length).toBeGreaterThan(60);
    const publicFiles = ['public/images/dashboard.png'];
    const pool = CheckPool.start(publicFiles, { threads: 3, inThisThread: false });
    const { outcomes, inWorkers } = await pool.check(jobs).finally(() => pool.close());
    // Every answer came from a worker: this thread checked nothing.
    expect(inWorkers).toBe(jobs.length);
    for (const { file, kind, text } of jobs) {
      const here = checkContentFile(file, text, kind, (sitePath) => publicFiles.includes(`public${sitePath}`));
      expect(outcomes.get(file), file).toEqual({ file, outcome: here.outcome, keepable: here.keepable });
    }
    const withProblems = jobs.filter(({ file }) => outcomes.get(file)!.outcome.problems.length > 0);
    expect(withProblems.length).toBeGreaterThan(10);
    // Instants come back as the schema made them, not as text.
    const incident = [...outcomes.values()].find(({ file }) => file.startsWith('incidents/') && file.includes('/index.md#0'))!;
    expect((incident.outcome.record!.data as { updates: { at: unknown }[] }).updates[0]!.at).toBeInstanceOf(Date);
  });

  it.each(cases)('%s: a check with every file checked ahead in threads prints what the one-thread check prints', async (name) => {
    const root = await siteWithCase(path.join(INVALID_FIXTURES, name));
    made.push(root);
    const expected = readFileSync(path.join(INVALID_FIXTURES, name, 'expected.txt'), 'utf8').trim().split('\n');
    const result = await loadSite(root, NOW, Date.now(), undefined, { parallelFrom: 1 });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual(expected);
  });
});
