// A reopened incident recorded with the commands on a copy of the valid fixture (Europe/Berlin, UTC+1 in November):
// the incident page, the status page and the check count the two real impact windows, not the quiet gap.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../src/validation/problem.ts';
import { loadSite } from '../src/validation/load-site.ts';
import type { CommandResult } from './helpers/sites.ts';
import { affectedRows, outageStory, QUEUE_AND_DATABASE, targetRows, text, windowTexts, type OutageStory } from './helpers/outage-story.ts';

const ID = 'INC-20261127-001';
const FILE = `incidents/2026/${ID}/index.md`;
// Built at 13:00 in Berlin the next day, so 27 November is a whole day of 1440 minutes.
const BUILD_NOW = '2026-11-28T12:00:00Z';

let story: OutageStory;
let root: string;
let results: CommandResult[];
let build: CommandResult;

const run = (script: string, now: string, args: string[]) => story.run(script, now, args);
const page = (route: string) => story.page(route);

beforeAll(async () => {
  // Two services nothing else touched, and the weights of the issue: partial outage 0.5, degraded 0.25.
  story = await outageStory(QUEUE_AND_DATABASE);
  ({ root, results } = story);

  // Jobs stuck from 09:30, noticed 09:35; resolved 10:30; back at 11:00; recovered 11:20 (Berlin time).
  run('new-incident.ts', '2026-11-27T08:35:00Z', [
    '--title', 'Jobs stuck and database slow', '--severity', 'P2', '--service', 'queue:partial_outage', '--service', 'db:degraded',
    '--started', '2026-11-27 09:30', '--status', 'investigating', '--message', 'Background jobs are not running.',
  ]);
  run('resolve.ts', '2026-11-27T09:30:00Z', [ID, '--message', 'Jobs run again.']);
  run('new-update.ts', '2026-11-27T10:00:00Z', [ID, '--status', 'reopened', '--message', 'Jobs are stuck again.']);
  run('resolve.ts', '2026-11-27T10:20:00Z', [ID, '--message', 'Jobs run again; the stuck worker is gone.']);
  build = story.build(BUILD_NOW);
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a reopen recorded with the commands', () => {
  it('runs every command and the build without a problem', () => {
    // Each resolve comes at the moment of recovery, so it is reminded that a P2 asks for 2 h of watching first.
    const note = (recovered: string) =>
      `resolve: note: INC-20261127-001 was resolved 0 s after its last recovery (${recovered} (UTC+1)); P2 asks for 2 h of monitoring first (monitoringAfterRecovery in content/severity.yaml). It is resolved all the same; reopen it if the problem returns.\n`;
    expect(results.map((result) => [result.status, result.stderr])).toEqual([[0, ''], [0, note('10:30')], [0, ''], [0, note('11:20')]]);
    // The build may say it waited for another build's lock; only its outcome matters here.
    expect(build.status, build.stderr).toBe(0);
  });

  it('keeps the windows in the updates: resolved, reopened, resolved, and the final resolved instant', async () => {
    const written = await readFile(path.join(root, FILE), 'utf8');
    expect(written).toContain('resolved: 2026-11-27T11:20:00+01:00');
    expect([...written.matchAll(/status: (\w+)/g)].map((match) => match[1])).toEqual(['investigating', 'resolved', 'reopened', 'resolved']);
  });
});

describe('the incident page', () => {
  it('lists each service’s two impact windows and 80 minutes, not one window of 110', async () => {
    const incidentPage = await page(`incidents/${ID}`);
    const cells = affectedRows(incidentPage);
    // 09:30–10:30 is 60 min, 11:00–11:20 is 20 min: 80 min = 1 h 20 min.
    expect(cells).toEqual([
      ['Job queue', 'Partial outage', 2, '1 h 20 min'],
      ['Database', 'Degraded', 2, '1 h 20 min'],
    ]);
    const windows = windowTexts(incidentPage, 0);
    expect(windows[0]).toMatch(/09:30.*–.*10:30/);
    expect(windows[1]).toMatch(/11:00.*–.*11:20/);
  });

  it('judges recovery per window and each service by its slowest one, and says so', async () => {
    const rows = targetRows(await page(`incidents/${ID}`));
    // Job queue, RTO 15 min: 60 min (45 over) and 20 min (5 over) → missed, 45 min over, not 1 h 35 min.
    expect(rows.find((row) => row[0]!.startsWith('Time to recover: Job queue'))).toEqual([
      'Time to recover: Job queue judged by the slowest of its impact windows (2)',
      '1 h',
      'RTO 15 min',
      '✗ missed (over 45 min)',
    ]);
    // Database, RTO 30 min: 60 min (30 over) and 20 min (10 to spare) → missed by 30 min.
    expect(rows.find((row) => row[0]!.startsWith('Time to recover: Database'))?.[3]).toBe('✗ missed (over 30 min)');
  });
});

describe('the status page', () => {
  // The service's page lists its days newest first: today, 28 November, then the day of the incident.
  const day27 = async (id: string) => text((await page(`services/${id}`)).querySelectorAll('.days .day')[1]!);

  it('shows the job queue’s day at 97.222% with 40 minutes down, not 96.18%', async () => {
    // 80 min at weight 0.5 = 40 min down; 1 − 40 / 1440 = 0.972222…
    expect(await day27('queue')).toBe(`Nov 27, 2026: 97.222%, Downtime 40 min. ${ID}`);
  });

  it('shows the database’s 90 days at 99.984%, not 99.978%', async () => {
    // 80 min at weight 0.25 = 20 min down out of 90 × 1440 = 129600; 1 − 20 / 129600 = 0.9998456…, shown rounded down
    expect(text((await page('')).querySelector('#service-db'))).toContain('Availability over the last 90 days: 99.984%');
    // Job queue: 40 / 129600 → 0.9996913…
    expect(text((await page('')).querySelector('#service-queue'))).toContain('Availability over the last 90 days: 99.969%');
  });
});

describe('the check on hand edits across a reopen', () => {
  it('refuses a service that recovered in the quiet gap, at its line, and still refuses listing a service twice', async () => {
    const written = await readFile(path.join(root, FILE), 'utf8');
    const edited = written
      .replace('  - id: queue\n    impact: partial_outage\n', '  - id: queue\n    impact: partial_outage\n    end: 2026-11-27T10:45:00+01:00\n')
      .replace('  - id: db\n    impact: degraded\n', '  - id: db\n    impact: degraded\n  - id: db\n    impact: degraded\n');
    await writeFile(path.join(root, FILE), edited);
    const lines = edited.split('\n');
    const lineOf = (needle: string, from = 0) => lines.findIndex((line, index) => index >= from && line.includes(needle)) + 1;
    const result = await loadSite(root, { AFTERMATH_NOW: BUILD_NOW });
    await writeFile(path.join(root, FILE), written);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      `${FILE}:${lineOf('end: 2026-11-27T10:45')}: services[0].end: 2026-11-27T10:45:00+01:00 falls between the resolution at 2026-11-27T10:30:00+01:00 and the reopen at 2026-11-27T11:00:00+01:00 (expected an end while the incident was open, at the latest the resolution)`,
      `${FILE}:${lineOf('- id: db', lineOf('- id: db'))}: services[2].id: service "db" is listed twice (expected each affected service once; for a service impaired more than once, list its windows under windows:)`,
    ]);
  });
});
