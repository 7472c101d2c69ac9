// A service that recovers and fails again within one incident, and a reopen that brings back only one of two
// services, recorded with the commands on a copy of the valid fixture (Europe/Berlin, UTC+1 in November). The
// file gets a hand-editable `windows:` list and every figure counts the real windows, computed by hand below.
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
  story = await outageStory(QUEUE_AND_DATABASE);
  ({ root, results } = story);

  // Berlin time: both down from 09:30; the database is back at 09:50 and slow again at 10:10; everything is
  // resolved at 10:30; at 11:00 only the job queue fails again, and it recovers at 11:20.
  run('new-incident.ts', '2026-11-27T08:35:00Z', [
    '--title', 'Jobs stuck and database slow', '--severity', 'P2', '--service', 'queue:partial_outage', '--service', 'db:degraded',
    '--started', '2026-11-27 09:30', '--status', 'investigating', '--message', 'Background jobs are not running.',
  ]);
  run('new-update.ts', '2026-11-27T08:50:00Z', [ID, '--status', 'fixing', '--recovered', 'db', '--message', 'The database is fast again.']);
  run('new-update.ts', '2026-11-27T09:10:00Z', [ID, '--impaired', 'db', '--message', 'The database is slow again.']);
  run('resolve.ts', '2026-11-27T09:30:00Z', [ID, '--message', 'Jobs run again.']);
  run('new-update.ts', '2026-11-27T10:00:00Z', [ID, '--status', 'reopened', '--impaired', 'queue', '--message', 'Jobs are stuck again.']);
  run('resolve.ts', '2026-11-27T10:20:00Z', [ID, '--message', 'Jobs run again; the stuck worker is gone.']);
  build = story.build(BUILD_NOW);
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('recovering, failing again and a partial reopen, with the commands', () => {
  it('runs every command and the build', () => {
    expect(results.map((result) => [result.status, result.stderr.includes('resolve: note:') ? 'note' : result.stderr])).toEqual([
      [0, ''],
      [0, ''],
      [0, ''],
      [0, 'note'],
      [0, ''],
      [0, 'note'],
    ]);
    expect(build.status, build.stderr).toBe(0);
  });

  it('writes the database’s two windows as a list, and ends its window at the resolution the reopen did not undo', async () => {
    const written = await readFile(path.join(root, FILE), 'utf8');
    expect(written).toContain(
      [
        '  - id: db',
        '    impact: degraded',
        '    windows:',
        '      - start: 2026-11-27T09:30:00+01:00',
        '        end: 2026-11-27T09:50:00+01:00',
        '      - start: 2026-11-27T10:10:00+01:00',
        '        end: 2026-11-27T10:30:00+01:00',
      ].join('\n'),
    );
    // The job queue was never recovered on its own: its window runs to each resolution, so it needs no list.
    expect(written).toMatch(/ {2}- id: queue\n {4}impact: partial_outage\n {2}- id: db/);
  });
});

describe('the figures', () => {
  it('lists each service’s real windows on the incident page', async () => {
    const incidentPage = await page(`incidents/${ID}`);
    const cells = affectedRows(incidentPage);
    // Job queue: 09:30–10:30 (60) + 11:00–11:20 (20) = 80 min. Database: 09:30–09:50 (20) + 10:10–10:30 (20) = 40 min.
    expect(cells).toEqual([
      ['Job queue', 'Partial outage', 2, '1 h 20 min'],
      ['Database', 'Degraded', 2, '40 min'],
    ]);
    const db = windowTexts(incidentPage, 1);
    expect(db[0]).toMatch(/09:30.*–.*09:50/);
    expect(db[1]).toMatch(/10:10.*–.*10:30/);
  });

  it('judges the database’s recovery by its slowest window: 20 min against an RTO of 30 min, met', async () => {
    const rows = targetRows(await page(`incidents/${ID}`));
    const db = rows.find((row) => row[0]!.startsWith('Time to recover: Database'));
    expect(db?.[1]).toBe('20 min');
    expect(db?.[3]).toMatch(/^✓ met/);
  });

  it('counts the day and the 90 days from those windows', async () => {
    const home = await page('');
    // The service's page lists its days newest first: today (28 November), then the day of the incident.
    const day27 = async (id: string) => text((await page(`services/${id}`)).querySelectorAll('.days .day')[1]!);
    // Database: 40 min at weight 0.25 = 10 min down; 1 − 10 / 1440 = 0.993055… shown to three places, rounded down.
    expect(await day27('db')).toBe(`Nov 27, 2026: 99.305%, Downtime 10 min. ${ID}`);
    // Job queue: 80 min at weight 0.5 = 40 min; 1 − 40 / 1440 = 0.972222…
    expect(await day27('queue')).toBe(`Nov 27, 2026: 97.222%, Downtime 40 min. ${ID}`);
    // 90 days: 10 / 129600 → 0.99992283…; 40 / 129600 → 0.99969135…
    expect(text(home.querySelector('#service-db'))).toContain('Availability over the last 90 days: 99.992%');
    expect(text(home.querySelector('#service-queue'))).toContain('Availability over the last 90 days: 99.969%');
  });
});

describe('the check on hand-written windows', () => {
  const problemsWith = async (edit: (text: string) => string) => {
    const written = await readFile(path.join(root, FILE), 'utf8');
    const edited = edit(written);
    await writeFile(path.join(root, FILE), edited);
    try {
      const result = await loadSite(root, { AFTERMATH_NOW: BUILD_NOW });
      return { lines: edited.split('\n'), problems: result.ok ? [] : result.problems.map(formatProblem) };
    } finally {
      await writeFile(path.join(root, FILE), written);
    }
  };

  it('refuses windows out of order, an open window before the last, and start/end beside windows, each at its line', async () => {
    const { lines, problems } = await problemsWith((written) =>
      written
        .replace('      - start: 2026-11-27T10:10:00+01:00\n', '      - start: 2026-11-27T09:40:00+01:00\n')
        .replace('    impact: degraded\n', '    impact: degraded\n    start: 2026-11-27T09:30:00+01:00\n'),
    );
    const lineOf = (needle: string) => lines.findIndex((line) => line.includes(needle)) + 1;
    expect(problems).toEqual([
      `${FILE}:${lineOf('    start: 2026-11-27T09:30')}: services[1].start: given beside windows: (expected either start/end for one window, or windows: listing every window with its own start and end)`,
      `${FILE}:${lineOf('- start: 2026-11-27T09:40')}: services[1].windows[1].start: 2026-11-27T09:40:00+01:00 is before the previous window ended 2026-11-27T09:50:00+01:00 at services[1].windows[0].end (expected windows oldest first, each starting after the one before ended)`,
    ]);
  });

  it('refuses a first window left open while a later one follows', async () => {
    const { lines, problems } = await problemsWith((written) => written.replace('        end: 2026-11-27T09:50:00+01:00\n', ''));
    const lineOf = (needle: string) => lines.findIndex((line) => line.includes(needle)) + 1;
    expect(problems).toEqual([
      `${FILE}:${lineOf('- start: 2026-11-27T09:30')}: services[1].windows[0]: has no end but is not the last window (expected an end on every window but the last, which may run to the resolution)`,
    ]);
  });
});

describe('refused requests write nothing', () => {
  it('refuses impairing a service that is still impaired, and one on a resolved update', async () => {
    const before = await readFile(path.join(root, FILE), 'utf8');
    const reopened = run('new-update.ts', '2026-11-27T11:00:00Z', [ID, '--status', 'reopened', '--message', 'Again.']);
    expect(reopened.status).toBe(0);
    const afterReopen = await readFile(path.join(root, FILE), 'utf8');
    // Without --impaired, a script's reopen resumes the job queue, whose window the resolution ended.
    const still = run('new-update.ts', '2026-11-27T11:05:00Z', [ID, '--impaired', 'queue', '--message', 'Still.']);
    expect([still.status, still.stderr.trim()]).toEqual([1, `new:update: ${ID}: impaired: "queue" is still impaired (expected a service that has recovered: db)`]);
    const onResolve = run('new-update.ts', '2026-11-27T11:05:00Z', [ID, '--status', 'resolved', '--impaired', 'db', '--message', 'Done.']);
    expect([onResolve.status, onResolve.stderr.trim()]).toEqual([1, `new:update: ${ID}: impaired: given with a "resolved" update (expected services impaired again only while the incident is open, such as on a reopen)`]);
    expect(await readFile(path.join(root, FILE), 'utf8')).toBe(afterReopen);
    await writeFile(path.join(root, FILE), before);
  });
});
