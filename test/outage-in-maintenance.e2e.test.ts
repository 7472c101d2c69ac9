// An unplanned outage during a maintenance window, and planned work that went wrong, recorded with the commands
// on a copy of the valid fixture (Europe/Berlin, UTC+1 in November). A build while the outage is monitored shows
// each service's state on the card, in step with the rows; the final build's figures and budgets are computed
// by hand below (issue #11, items 2, 10 and 12).
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandResult } from './helpers/sites.ts';
import { outageStory, text, type OutageStory } from './helpers/outage-story.ts';

const UNPLANNED = 'INC-20261127-001';
const PLANNED = 'INC-20261127-002';
// Built at 13:00 in Berlin the next day, so 27 November is a whole day of 1440 minutes.
const BUILD_NOW = '2026-11-28T12:00:00Z';
// While the unplanned outage is monitored: 03:15 in Berlin.
const MID_NOW = '2026-11-27T02:15:00Z';

let story: OutageStory;
let root: string;
let out: string;
let midOut: string;
let results: CommandResult[];
let midBuild: CommandResult;
let build: CommandResult;

const run = (script: string, now: string, args: string[]) => story.run(script, now, args);
const page = (dir: string, route: string) => story.page(route, dir);
/** The day of the outage on the service's page, which lists its days newest first: today, then 27 November. */
const day27 = async (dir: string, id: string) => text((await page(dir, `services/${id}`)).querySelectorAll('.days .day')[1]!);

beforeAll(async () => {
  story = await outageStory([
    { id: 'queue', name: 'Job queue', rto: '15m', availability: '99.9%' },
    { id: 'db', name: 'Database', rto: '30m', availability: '99.9%' },
    { id: 'search', name: 'Search', rto: '30m', availability: '99.9%' },
  ]);
  ({ root, out, results } = story);
  midOut = path.join(root, 'dist-mid');

  // A week ahead: the database's upgrade 02:00–04:00, announced as unnoticeable; search's reindex 05:00–07:00,
  // announced as a partial outage.
  run('new-maintenance.ts', '2026-11-21T10:00:00Z', ['--title', 'Database upgrade', '--service', 'db', '--start', '2026-11-27 02:00', '--end', '2026-11-27 04:00', '--impact', 'none', '--lang', 'en', '--notes', 'Nothing to notice.']);
  run('new-maintenance.ts', '2026-11-21T10:00:00Z', ['--title', 'Search reindex', '--service', 'search', '--start', '2026-11-27 05:00', '--end', '2026-11-27 07:00', '--impact', 'partial_outage', '--lang', 'en', '--notes', 'Search results may be incomplete.']);

  // Unplanned, inside the database's window: both down from 02:30; the job queue back at 03:10, the database at 03:19.
  run('new-incident.ts', '2026-11-27T01:35:00Z', [
    '--title', 'Database and jobs down', '--severity', 'P1', '--service', 'db:major_outage', '--service', 'queue:partial_outage',
    '--started', '2026-11-27 02:30', '--status', 'investigating', '--message', 'The database does not answer.',
  ]);
  run('new-update.ts', '2026-11-27T02:10:00Z', [UNPLANNED, '--status', 'monitoring', '--recovered', 'queue', '--message', 'Jobs run again; the database is still down.']);
  midBuild = story.build(MID_NOW, midOut);
  run('resolve.ts', '2026-11-27T02:19:00Z', [UNPLANNED, '--recovered', 'all', '--message', 'The database answers again.']);

  // Planned work gone wrong: the reindex breaks search from 06:00 to 07:30, as badly as announced, linked to its window.
  run('new-incident.ts', '2026-11-27T05:00:00Z', [
    '--title', 'Search incomplete after reindex', '--severity', 'P3', '--service', 'search:partial_outage', '--maintenance', '2026-11-27-search-reindex',
    '--started', '2026-11-27 06:00', '--status', 'investigating', '--message', 'Search results are incomplete.',
  ]);
  run('resolve.ts', '2026-11-27T06:30:00Z', [PLANNED, '--message', 'Search is complete again.']);
  build = story.build(BUILD_NOW);
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the commands', () => {
  it('run, and link only the incident the planned work caused', async () => {
    expect(results.map((result) => [result.status, result.stderr.includes('resolve: note:') ? 'note' : result.stderr])).toEqual([
      [0, ''], [0, ''], [0, ''], [0, ''], [0, 'note'], [0, ''], [0, 'note'],
    ]);
    expect(midBuild.status, midBuild.stderr).toBe(0);
    expect(build.status, build.stderr).toBe(0);
    expect(await readFile(path.join(root, `incidents/2026/${UNPLANNED}/index.md`), 'utf8')).not.toContain('maintenance:');
    expect(await readFile(path.join(root, `incidents/2026/${PLANNED}/index.md`), 'utf8')).toContain('\nmaintenance: 2026-11-27-search-reindex\n');
  });

  it('refuse a window that does not cover an affected service, or an unknown one, writing nothing', async () => {
    const refused = run('new-incident.ts', '2026-11-27T07:00:00Z', ['--title', 'X', '--severity', 'P3', '--service', 'queue:degraded', '--maintenance', '2026-11-27-search-reindex', '--started', '2026-11-27 06:00', '--message', 'X.']);
    expect([refused.status, refused.stderr.trim()]).toEqual([1, 'new:incident: --maintenance: "2026-11-27-search-reindex" covers search, none of the affected services (expected the window whose planned work caused this incident)']);
    const unknown = run('new-incident.ts', '2026-11-27T07:00:00Z', ['--title', 'X', '--severity', 'P3', '--service', 'queue:degraded', '--maintenance', 'db-upgrade', '--message', 'X.']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--maintenance: unknown window "db-upgrade" (expected none or one of: 2026-11-27-database-upgrade, 2026-11-27-search-reindex');
    expect(await readdir(path.join(root, 'incidents/2026'))).not.toContain('INC-20261127-003');
  });
});

describe('while the unplanned outage is monitored (03:15)', () => {
  it('shows on the card the database still down and the job queue recovered at 03:10, as the rows and banner do', async () => {
    const home = await page(midOut, '');
    const card = home.querySelectorAll('.incident-card').find((element) => text(element).includes('Database and jobs down'));
    expect(text(card?.querySelector('p.muted'))).toBe('Database: Major outage · Job queue: recovered Nov 27, 2026, 03:10 GMT+1');
    expect(text(home.querySelector('#service-queue .service-head'))).toMatch(/Operational$/);
    expect(text(home.querySelector('#service-db .service-head'))).toMatch(/Major outage$/);
    expect(text(home.querySelector('#overall-status'))).toMatch(/major outage/i);
  });
});

describe('the figures afterwards', () => {
  it('count the unplanned outage inside the "no impact" window in full', async () => {
    const home = await page(out, '');
    // Database: 02:30–03:19 major = 49 min at weight 1; 1 − 49 / 1440 = 0.965972…, shown 96.597%.
    expect(await day27(out, 'db')).toMatch(/^Nov 27, 2026: 96\.597%, Downtime 49 min\b/);
    // 90 days: 1 − 49 / 129600 = 0.9996219…, shown 99.962%.
    expect(text(home.querySelector('#service-db'))).toContain('Availability over the last 90 days: 99.962%');
    // Job queue: 02:30–03:10 partial = 40 min at 0.5 = 20 min; 1 − 20 / 1440 = 0.986111…
    expect(await day27(out, 'queue')).toMatch(/^Nov 27, 2026: 98\.611%, Downtime 20 min\b/);
  });

  it('excuse the planned work inside its window up to the announced impact, and count the overrun', async () => {
    // Search: 06:00–07:00 inside the window, partial as announced: excused. 07:00–07:30 after it: 30 min at 0.5 = 15 min.
    // 1 − 15 / 1440 = 0.989583…, shown 98.958%.
    expect(await day27(out, 'search')).toMatch(/^Nov 27, 2026: 98\.958%, Downtime 15 min\b/);
  });

  it('floor an overspent budget toward minus infinity: −6 min, not −5 min', async () => {
    const targets = await page(out, 'targets');
    // 30 days at 99.9%: allowed 0.1% of 43,200 min = 43.2 min, shown 43 min; used 49 min; left −5.8 min, shown −6 min.
    expect(targets.querySelectorAll('#target-db td').map(text)[6]).toMatch(/^\u22126 min \/ 43 min\b/);
    // Job queue: 43.2 − 20 = 23.2 min left, shown 23 min.
    expect(targets.querySelectorAll('#target-queue td').map(text)[6]).toMatch(/^23 min \/ 43 min\b/);
  });
});
