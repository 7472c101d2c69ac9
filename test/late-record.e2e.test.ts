// Records written after the fact and notes from scripts, on a copy of the valid fixture (Europe/Berlin, UTC+1 in
// November): the commands write the true times and keep the status, and the built incident pages show the figures.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newIncident } from '../src/cli/new-incident.ts';
import { KEY, scriptedTerminal } from './helpers/commands.ts';
import { copyOf, runScript, VALID_FIXTURE, type CommandResult } from './helpers/sites.ts';

// 08:30 in Berlin on 27 November, the morning after the blip.
const NOW = '2026-11-27T07:30:00Z';
const BLIP = 'INC-20261127-001';
const BLIP_FILE = `incidents/2026/${BLIP}/index.md`;
const ASKED = 'INC-20261127-002';
const MONITORED = 'INC-20261120-001';
const MONITORED_FILE = `incidents/2026/${MONITORED}/index.md`;

let root: string;
let out: string;
const results: Record<string, CommandResult> = {};
let blipBeforeRefusals = '';
let blipAfterRefusals = '';
let monitoredBeforeRefusal = '';
let monitoredAfterRefusal = '';
let interactive = { status: -1, screen: '' };

const run = (name: string, script: string, args: string[]) => {
  results[name] = runScript(script, [...args, '--root', root], { AFTERMATH_NOW: NOW });
  return results[name]!;
};
const file = (relative: string) => readFile(path.join(root, relative), 'utf8');
const page = async (id: string): Promise<HTMLElement> => parse(await readFile(path.join(out, 'incidents', id, 'index.html'), 'utf8'));
const text = (element: HTMLElement | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const facts = (incident: HTMLElement) => Object.fromEntries(incident.querySelectorAll('dl.facts dt').map((dt) => [text(dt), text(dt.nextElementSibling)]));

beforeAll(async () => {
  root = await copyOf(VALID_FIXTURE);
  out = path.join(root, 'dist');

  // An overnight blip, recorded in the morning with the times the team noted down.
  run('new:incident', 'new-incident.ts', [
    '--title', 'Website down overnight', '--severity', 'P3', '--service', 'web:major_outage',
    '--started', '2026-11-27 02:10', '--detected', '2026-11-27 02:15', '--at', '2026-11-27 02:20', '--message', 'The website does not load.',
  ]);
  blipBeforeRefusals = await file(BLIP_FILE);
  run('resolve before the latest update', 'resolve.ts', [BLIP, '--at', '2026-11-27 02:00']);
  run('resolve after now', 'resolve.ts', [BLIP, '--at', '2026-11-27 09:00']);
  run('resolve on a date that does not exist', 'resolve.ts', [BLIP, '--at', '2026-11-31 03:10']);
  blipAfterRefusals = await file(BLIP_FILE);
  run('resolve', 'resolve.ts', [BLIP, '--at', '2026-11-27 03:10']);

  // A note from a script on an incident being monitored: nothing moves it to resolved.
  run('new:update monitoring', 'new-update.ts', [MONITORED, '--status', 'monitoring', '--at', '2026-11-27 08:00', '--message', 'A fix is in place; we are watching.']);
  monitoredBeforeRefusal = await file(MONITORED_FILE);
  run('new:update after now', 'new-update.ts', [MONITORED, '--at', '2026-11-27T08:31:00+01:00', '--message', 'Too early.']);
  monitoredAfterRefusal = await file(MONITORED_FILE);
  run('new:update note', 'new-update.ts', [MONITORED, '--message', 'Still watching; pages load normally.']);

  // At a terminal: the detection time is asked, and wrong answers are asked again.
  const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: NOW } });
  const done = newIncident(['--root', root], terminal.io);
  await terminal.answer('Title', `Sign-in errors on the REST API${KEY.enter}`);
  await terminal.answer('P4', `${KEY.down}${KEY.enter}`); // P1, then P2
  await terminal.answer('REST API (rest-api)', `${KEY.down}${KEY.space}${KEY.enter}`);
  await terminal.answer('Impact on REST API', KEY.enter);
  await terminal.answer('When were users first affected?', `${KEY.clearLine}2026-11-27 07:50${KEY.enter}`);
  await terminal.answer('When did the team know?', `${KEY.clearLine}07:40${KEY.enter}`);
  // The screen is 80 columns wide: the refusals are matched by their start here, and whole below.
  await terminal.answer('detection time: 07:40 (UTC+1) is before users', `${KEY.clearLine}08:45${KEY.enter}`);
  await terminal.answer('detection time: 08:45 (UTC+1) is after now', `${KEY.clearLine}08:05${KEY.enter}`);
  await terminal.answer('User impact', KEY.enter);
  await terminal.answer('Incident commander', KEY.enter);
  await terminal.answer('Status', KEY.enter);
  await terminal.answer('Language of the message', KEY.enter);
  await terminal.answer('Message', KEY.enter);
  interactive = { status: await done, screen: terminal.screen() };

  run('check', 'check.ts', []);
  results.build = runScript('build.ts', ['--root', root, '--out', out], { AFTERMATH_NOW: NOW });
}, 300_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('an overnight blip recorded the next morning', () => {
  it('writes the times given, not the morning', async () => {
    expect(results['new:incident']!.status, results['new:incident']!.stderr).toBe(0);
    expect(results.resolve!.status, results.resolve!.stderr).toBe(0);
    const written = await file(BLIP_FILE);
    expect(written).toContain('started: 2026-11-27T02:10:00+01:00\ndetected: 2026-11-27T02:15:00+01:00\nresolved: 2026-11-27T03:10:00+01:00\n');
    expect(written).toContain('  - at: 2026-11-27T02:20:00+01:00\n    status: investigating\n');
    expect(written).toContain('  - at: 2026-11-27T03:10:00+01:00\n    status: resolved\n');
    // The offered resolution notice counts from the start to --at: 03:10 - 02:10.
    expect(written).toContain('Resolved: 03:10 (UTC+1). Duration: 1 h.');
  });

  it('shows on its page the durations computed by hand', async () => {
    const shown = facts(await page(BLIP));
    // Detect: 02:15 - 02:10 = 5 min. First response: 02:20 - 02:15 = 5 min. Resolve: 03:10 - 02:10 = 60 min.
    expect(shown).toMatchObject({
      Started: 'Nov 27, 2026, 02:10 GMT+1',
      Detected: 'Nov 27, 2026, 02:15 GMT+1',
      Resolved: 'Nov 27, 2026, 03:10 GMT+1',
      'Time to detect': `${2 * 60 + 15 - (2 * 60 + 10)} min`,
      'Time to first response': `${2 * 60 + 20 - (2 * 60 + 15)} min`,
      'Time to resolve': `${(3 * 60 + 10 - (2 * 60 + 10)) / 60} h`,
    });
    const row = (await page(BLIP)).querySelector('section[aria-labelledby="affected"] tbody tr');
    expect(text(row?.querySelectorAll('td').at(-1))).toBe(`${(3 * 60 + 10 - (2 * 60 + 10)) / 60} h`);
  });

  it('refuses --at before the latest update, after now or on a date that does not exist, writing nothing', () => {
    expect(results['resolve before the latest update']).toMatchObject({
      status: 1,
      stdout: '',
      stderr: `resolve: --at: 2026-11-27T02:00:00+01:00 is before the latest update of ${BLIP}, 2026-11-27T02:20:00+01:00 (expected an instant from that update to now)\n`,
    });
    expect(results['resolve after now']).toMatchObject({
      status: 1,
      stdout: '',
      stderr: 'resolve: --at: 2026-11-27T09:00:00+01:00 is after now 2026-11-27T08:30:00+01:00 (expected an instant that has already happened)\n',
    });
    const nonexistent = results['resolve on a date that does not exist']!;
    expect(nonexistent.status).toBe(2);
    expect(nonexistent.stdout).toBe('');
    expect(nonexistent.stderr.split('\n')[0]).toBe(
      'resolve: --at: found "2026-11-31 03:10", a date that does not exist: November 2026 has 30 days (expected "now", "21:10" (today), "2026-11-25 21:10" (in the site\'s time zone) or 2026-11-25T21:10:00+08:00)',
    );
    expect(blipAfterRefusals).toBe(blipBeforeRefusals);
  });
});

describe('a note from a script while the incident is monitored', () => {
  it('keeps the status monitoring and leaves the incident open', async () => {
    expect(results['new:update note']!.status, results['new:update note']!.stderr).toBe(0);
    const written = await file(MONITORED_FILE);
    expect(written).toContain('  - at: 2026-11-27T08:30:00+01:00\n    status: monitoring\n    message: Still watching; pages load normally.\n---\n');
    expect(written).not.toContain('resolved');
    const incident = await page(MONITORED);
    expect(facts(incident)).toMatchObject({ Status: 'Monitoring', Resolved: 'Ongoing' });
    const heads = incident.querySelectorAll('.timeline li').map((item) => text(item.querySelector('.timeline-head')));
    expect(heads).toEqual(['Monitoring Nov 27, 2026, 08:30 GMT+1', 'Monitoring Nov 27, 2026, 08:00 GMT+1', 'Investigating Nov 20, 2026, 22:45 GMT+1']);
  });

  it('refuses --at after now, writing nothing', () => {
    expect(results['new:update after now']).toMatchObject({
      status: 1,
      stdout: '',
      stderr: 'new:update: --at: 2026-11-27T08:31:00+01:00 is after now 2026-11-27T08:30:00+01:00 (expected an instant that has already happened)\n',
    });
    expect(monitoredAfterRefusal).toBe(monitoredBeforeRefusal);
  });
});

describe('new:incident at a terminal', () => {
  it('asks when the team knew and re-asks, naming the question, until the answer fits', async () => {
    expect(interactive.status, interactive.screen).toBe(0);
    const screen = interactive.screen.replace(/\n/g, '');
    expect(screen).toContain('> detection time: 07:40 (UTC+1) is before users were first affected, 07:50 (UTC+1) (expected the team to know at or after that)');
    expect(screen).toContain('> detection time: 08:45 (UTC+1) is after now, 08:30 (UTC+1) (expected a time that has already happened)');
    const written = await file(`incidents/2026/${ASKED}/index.md`);
    expect(written).toContain('started: 2026-11-27T07:50:00+01:00\ndetected: 2026-11-27T08:05:00+01:00\n');
    expect(written).toContain('  - at: 2026-11-27T08:30:00+01:00\n    status: investigating\n');
  });

  it('shows on its page the time to detect and to first response computed by hand', async () => {
    const shown = facts(await page(ASKED));
    // Detect: 08:05 - 07:50 = 15 min. First response: the first update at now, 08:30 - 08:05 = 25 min.
    expect(shown).toMatchObject({ 'Time to detect': `${8 * 60 + 5 - (7 * 60 + 50)} min`, 'Time to first response': `${8 * 60 + 30 - (8 * 60 + 5)} min` });
  });
});

describe('the site afterwards', () => {
  it('passes the check and builds', () => {
    expect(results.check!.status, results.check!.stdout + results.check!.stderr).toBe(0);
    expect(results.build!.status, results.build!.stderr).toBe(0);
  });
});
