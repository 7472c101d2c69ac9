// Bad requests: each command exits non-zero with a one-line reason and leaves the site's files exactly as they were.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../src/cli/command.ts';
import { openSite, writeChecked } from '../src/cli/site-session.ts';
import { exampleSiteCopy, scriptedTerminal, treeSnapshot } from './helpers/commands.ts';
import { INVALID_FIXTURES, runScript, siteWithCase } from './helpers/sites.ts';

const NOW = '2026-11-26T03:00:00Z';
let root: string;
let before: Record<string, string>;

beforeAll(async () => {
  root = await exampleSiteCopy();
  before = await treeSnapshot(root);
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const cases: { name: string; script: string; args: string[]; status: 1 | 2; message: string }[] = [
  {
    name: 'a wrong incident id',
    script: 'new-update.ts',
    args: ['INC-20261126-009'],
    status: 1,
    message: 'new:update: unknown incident "INC-20261126-009" (expected the id of an incident under incidents/, such as one still open: INC-20261124-001, INC-20261125-001)',
  },
  {
    name: 'an unknown service',
    script: 'new-incident.ts',
    args: ['--title', 'Down', '--severity', 'P1', '--service', 'api-gateway,payments'],
    status: 1,
    message: 'new:incident: --service: unknown service "payments" (expected one of the ids in content/services.yaml: api-gateway, agent-coordinator, auth, workflow-engine, primary-db, cache, file-storage, metrics, alerting, logging)',
  },
  {
    name: 'an invalid status',
    script: 'new-update.ts',
    args: ['INC-20261125-001', '--status', 'solved'],
    status: 2,
    message: 'new:update: --status: found "solved" (did you mean "resolved"? expected one of: detecting, investigating, fixing, monitoring, resolved, closed, reopened)',
  },
  {
    name: 'a status going backwards',
    script: 'new-update.ts',
    args: ['INC-20261125-001', '--status', 'investigating'],
    status: 1,
    message:
      'new:update: INC-20261125-001: status: "investigating" cannot follow "fixing" (expected statuses to move forward: detecting, investigating, fixing, monitoring, resolved, closed; use "reopened" to go back after resolved)',
  },
  {
    name: 'closing before the postmortem is published',
    script: 'new-update.ts',
    args: ['INC-20261124-001', '--status', 'closed'],
    status: 1,
    message: 'new:update: INC-20261124-001: status: "closed" is for when the postmortem is published',
  },
  {
    name: 'resolving a closed incident',
    script: 'resolve.ts',
    args: ['INC-20250115-001'],
    status: 1,
    message: 'resolve: INC-20250115-001 is already closed (expected an open incident; use npm run new:update -- INC-20250115-001 to add a note or reopen it)',
  },
  {
    name: 'marking a service recovered that the incident does not affect',
    script: 'new-update.ts',
    args: ['INC-20261125-001', '--recovered', 'cache'],
    status: 1,
    message: 'new:update: INC-20261125-001: recovered: "cache" is not affected by INC-20261125-001 (expected one of: api-gateway, agent-coordinator)',
  },
  {
    name: 'a second postmortem',
    script: 'new-postmortem.ts',
    args: ['INC-20250115-001'],
    status: 1,
    message: 'new:postmortem: INC-20250115-001 already has a postmortem: incidents/2025/INC-20250115-001/postmortem.md',
  },
  {
    name: 'a maintenance window ending before it starts',
    script: 'new-maintenance.ts',
    args: ['--title', 'Upgrade', '--service', 'cache', '--start', '2026-12-10 02:00', '--end', '2026-12-10 01:00'],
    status: 2,
    message: 'new:maintenance: --end: 2026-12-10T01:00:00+08:00 is not after the start, 2026-12-10T02:00:00+08:00 (expected the end after the start, or a duration such as 2h)',
  },
  { name: 'a missing incident id', script: 'new-update.ts', args: [], status: 2, message: 'new:update: missing the incident id (expected it after --, as in npm run new:update -- INC-20261125-001)' },
  {
    name: 'an unknown flag',
    script: 'resolve.ts',
    args: ['INC-20261125-001', '--mesage', 'x'],
    status: 2,
    message: 'resolve: unknown flag --mesage (did you mean --message? expected one of: --root, --now, --lang, --help, --message, --recovered, --data-loss, --at)\n',
  },
  { name: 'a flag without its value', script: 'new-update.ts', args: ['INC-20261125-001', '--status'], status: 2, message: 'new:update: --status: missing its value (expected --status <value>; quote a value with spaces)\n' },
  { name: 'a stray word', script: 'new-incident.ts', args: ['Login', 'down', '--severity', 'P1'], status: 2, message: 'new:incident: unexpected "Login" (expected only flags, such as --title <value>; quote a value with spaces)\n' },
  {
    name: 'a misspelt status',
    script: 'new-update.ts',
    args: ['INC-20261125-001', '--status', 'monitorng'],
    status: 2,
    message: 'new:update: --status: found "monitorng" (did you mean "monitoring"? expected one of: detecting, investigating, fixing, monitoring, resolved, closed, reopened)\n',
  },
  {
    name: 'a misspelt impact',
    script: 'new-incident.ts',
    args: ['--title', 'Down', '--severity', 'P1', '--service', 'auth:partial-outage'],
    status: 2,
    message: 'new:incident: --service: unknown impact "partial-outage" (did you mean "partial_outage"? expected one of: degraded, partial_outage, major_outage)\n',
  },
  {
    name: 'a misspelt service',
    script: 'new-incident.ts',
    args: ['--title', 'Down', '--severity', 'P1', '--service', 'api-gatway'],
    status: 1,
    message: 'new:incident: --service: unknown service "api-gatway" (did you mean "api-gateway"? expected one of the ids in content/services.yaml:',
  },
  {
    name: 'an incident id one digit short',
    script: 'new-update.ts',
    args: ['INC-20261125-01'],
    status: 1,
    message: 'new:update: unknown incident "INC-20261125-01" (did you mean "INC-20261125-001"? expected the id of an incident under incidents/',
  },
  {
    name: 'a "now" thousands of years ahead',
    script: 'new-update.ts',
    args: ['INC-20261125-001', '--message', 'hi', '--now', '9999-12-31T00:00:00Z'],
    status: 2,
    message: 'new:update: --now: found "9999-12-31T00:00:00Z" (expected an instant after 1970 and at most a day after this machine\'s clock, ',
  },
  {
    name: 'a required value with no flag and no answer on standard input',
    script: 'new-incident.ts',
    args: ['--severity', 'P1', '--service', 'auth'],
    status: 2,
    message: 'new:incident: missing --title (no answer to "Title (what is wrong, as readers will see it)" on standard input; pass --title or run the command in a terminal)',
  },
  { name: 'a "now" without an offset', script: 'new-update.ts', args: ['INC-20261125-001', '--now', '2026-11-26 12:00'], status: 2, message: 'new:update: --now: found "2026-11-26 12:00" (expected an instant with an offset' },
  { name: 'a start time that is not a time', script: 'new-maintenance.ts', args: ['--start', 'soon'], status: 2, message: 'new:maintenance: --start: found "soon" (expected "now", "21:10" (today)' },
  {
    name: 'an update dated before the latest one',
    script: 'new-update.ts',
    args: ['INC-20261125-001', '--at', '2026-11-25 21:00'],
    status: 1,
    message: 'new:update: --at: 2026-11-25T21:00:00+08:00 is before the latest update of INC-20261125-001, 2026-11-25T22:35:00+08:00 (expected an instant from that update to now)\n',
  },
  {
    name: 'a resolution dated after now',
    script: 'resolve.ts',
    args: ['INC-20261125-001', '--at', '2026-11-26T11:01:00+08:00'],
    status: 1,
    message: 'resolve: --at: 2026-11-26T11:01:00+08:00 is after now 2026-11-26T11:00:00+08:00 (expected an instant that has already happened)\n',
  },
  {
    name: 'an update dated on a day that does not exist',
    script: 'new-update.ts',
    args: ['INC-20261125-001', '--at', '2026-11-31 10:00'],
    status: 2,
    message: 'new:update: --at: found "2026-11-31 10:00", a date that does not exist: November 2026 has 30 days (expected "now"',
  },
  {
    name: 'a detection before the start',
    script: 'new-incident.ts',
    args: ['--title', 'Down', '--severity', 'P1', '--service', 'auth', '--started', '2026-11-26 10:00', '--detected', '2026-11-26 09:50'],
    status: 1,
    message: 'new:incident: --detected: 2026-11-26T09:50:00+08:00 is before --started 2026-11-26T10:00:00+08:00 (expected the team to know at or after users were first affected)\n',
  },
  {
    name: 'a first update before the detection',
    script: 'new-incident.ts',
    args: ['--title', 'Down', '--severity', 'P1', '--service', 'auth', '--detected', '2026-11-26 10:00', '--at', '2026-11-26 09:55'],
    status: 1,
    message: 'new:incident: --at: 2026-11-26T09:55:00+08:00 is before --detected 2026-11-26T10:00:00+08:00 (expected the first update at or after the team knew)\n',
  },
  {
    name: 'a start after now',
    script: 'new-incident.ts',
    args: ['--title', 'Down', '--severity', 'P1', '--service', 'auth', '--started', '11:30'],
    status: 1,
    message: 'new:incident: --started: 2026-11-26T11:30:00+08:00 is after now 2026-11-26T11:00:00+08:00 (expected an instant that has already happened)\n',
  },
  { name: 'an unknown language', script: 'new-update.ts', args: ['INC-20261125-001', '--lang', 'fr'], status: 2, message: 'new:update: --lang: found "fr" (expected one of: en, zh-CN)' },
];

describe.each(cases)('$name', ({ script, args, status, message }) => {
  it(`exits ${status} with a clear message and changes nothing`, async () => {
    const result = runScript(script, [...args, '--root', root], { AFTERMATH_NOW: NOW });
    expect(result.status).toBe(status);
    expect(result.stderr).toContain(message);
    if (status === 2) expect(result.stderr).toContain('usage: npm run ');
    expect(result.stdout).toBe('');
    expect(await treeSnapshot(root)).toEqual(before);
  });
});

describe('help', () => {
  it('prints what the command does and its usage, exit 0, writing nothing', async () => {
    const result = runScript('resolve.ts', ['--help', '--root', root], { AFTERMATH_NOW: NOW });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'Resolves an incident: a resolved update and the resolved instant, now or at --at.\nusage: npm run resolve -- <incident id> [--message <text>] [--recovered <service id>,...|all] [--data-loss <service id>=<duration>,...] [--at <time>] [--lang en|zh-CN] [--root <site folder>] [--now <instant>]\n',
    );
    expect(await treeSnapshot(root)).toEqual(before);
  });
});

describe('a local time a daylight-saving change skipped or repeated, on a site in Berlin', () => {
  it('is refused with exit 2, both possible instants named, and nothing written', async () => {
    const site = await exampleSiteCopy();
    const siteFile = path.join(site, 'content/site.yaml');
    await writeFile(siteFile, (await readFile(siteFile, 'utf8')).replace('timeZone: Asia/Shanghai', 'timeZone: Europe/Berlin'));
    // Three incidents started in the evening in Shanghai, the day before in Berlin: their ids would no longer match.
    for (const id of ['2025/INC-20251111-001', '2026/INC-20260126-001', '2026/INC-20260409-001']) await rm(path.join(site, 'incidents', id), { recursive: true });
    const before = await treeSnapshot(site);
    const args = ['--title', 'Down', '--severity', 'P1', '--service', 'auth', '--message', 'm', '--root', site];
    const repeated = runScript('new-incident.ts', [...args, '--started', '2026-10-25 02:30'], { AFTERMATH_NOW: NOW });
    expect(repeated.status).toBe(2);
    expect(repeated.stderr).toContain(
      'new:incident: --started: found "2026-10-25 02:30": 02:30 happened twice on 2026-10-25 in Europe/Berlin, where the clocks were turned back (expected the instant with its offset: 2026-10-25T02:30:00+02:00 the first time, 2026-10-25T02:30:00+01:00 the second)\n',
    );
    const skipped = runScript('new-incident.ts', [...args, '--started', '2026-03-29 02:30'], { AFTERMATH_NOW: NOW });
    expect(skipped.status).toBe(2);
    expect(skipped.stderr).toContain('02:30 did not happen on 2026-03-29 in Europe/Berlin');
    expect(await treeSnapshot(site)).toEqual(before);
    await rm(site, { recursive: true, force: true });
  });
});

describe('values and flags typed in other capitals', () => {
  it('are taken as the site spells them', async () => {
    const site = await exampleSiteCopy();
    const created = runScript('new-incident.ts', ['--Title', 'Login slow', '--severity', 'p2', '--service', 'AUTH:Degraded', '--status', 'Investigating', '--message', 'Looking.', '--root', site], { AFTERMATH_NOW: NOW });
    expect(created.stderr).toBe('');
    expect(created.stdout).toBe('wrote incidents/2026/INC-20261126-001/index.md\n');
    const text = await readFile(path.join(site, 'incidents/2026/INC-20261126-001/index.md'), 'utf8');
    expect(text).toContain('severity: P2\n');
    expect(text).toContain('  - id: auth\n    impact: degraded\n');
    const updated = runScript('new-update.ts', ['inc-20261126-001', '--STATUS', 'Fixing', '--message', 'Found it.', '--root', site], { AFTERMATH_NOW: NOW });
    expect(updated.stderr).toBe('');
    expect(await readFile(path.join(site, 'incidents/2026/INC-20261126-001/index.md'), 'utf8')).toContain('    status: fixing\n    message: Found it.\n');
    await rm(site, { recursive: true, force: true });
  });
});

describe('an incident written in flow style (valid YAML the check accepts)', () => {
  it('gets its update, recovery and new impact inside its braces and brackets, and still passes the check', async () => {
    const site = await exampleSiteCopy();
    const file = path.join(site, 'incidents/2026/INC-20261124-001/index.md');
    const text = await readFile(file, 'utf8');
    const flow = text
      .replace(/services:\n[\s\S]*?\nupdates:/, 'services:\n  - { id: file-storage, impact: degraded } # large uploads only\nupdates:')
      .replace(/updates:\n[\s\S]*?\n---\n/, 'updates: [ { at: 2026-11-24T19:40:00+08:00, status: investigating, message: Investigating. } ]\n---\n');
    await writeFile(file, flow);
    const recovered = runScript('new-update.ts', ['INC-20261124-001', '--status', 'fixing', '--recovered', 'file-storage', '--message', 'Uploads work again.', '--at', '2026-11-26 10:30', '--root', site], { AFTERMATH_NOW: NOW });
    expect(recovered.stderr).toBe('');
    expect(recovered.status).toBe(0);
    const afterRecovery = await readFile(file, 'utf8');
    expect(afterRecovery).toBe(
      flow
        .replace('  - { id: file-storage, impact: degraded } # large uploads only', '  - { id: file-storage, impact: degraded, end: 2026-11-26T10:30:00+08:00 } # large uploads only')
        .replace('message: Investigating. } ]', 'message: Investigating. }, { at: 2026-11-26T10:30:00+08:00, status: fixing, message: Uploads work again. } ]'),
    );
    const impaired = runScript('new-update.ts', ['INC-20261124-001', '--status', 'fixing', '--impaired', 'file-storage', '--message', 'Failing again.', '--at', '2026-11-26 10:50', '--root', site], { AFTERMATH_NOW: NOW });
    expect(impaired.stderr).toBe('');
    expect(impaired.status).toBe(0);
    expect(await readFile(file, 'utf8')).toContain(
      '  - { id: file-storage, impact: degraded, windows: [ { start: 2026-11-24T19:25:00+08:00, end: 2026-11-26T10:30:00+08:00 }, { start: 2026-11-26T10:50:00+08:00 } ] } # large uploads only\n',
    );
    expect(runScript('check.ts', ['--root', site], { AFTERMATH_NOW: NOW }).status).toBe(0);
    await rm(site, { recursive: true, force: true });
  });
});

describe('a site that does not pass the check', () => {
  it('is refused before anything is asked or written, with its problems listed', async () => {
    const broken = await siteWithCase(path.join(INVALID_FIXTURES, 'status-not-allowed'));
    const snapshot = await treeSnapshot(broken);
    const result = runScript('new-incident.ts', ['--title', 'x', '--severity', 'P1', '--service', 'api', '--root', broken], { AFTERMATH_NOW: '2026-11-26T12:00:00Z' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'new:incident: the site already has 1 problem; fix it first (npm run check); nothing was written\nincidents/2026/INC-20261120-001/index.md:12: updates[0].status: found "solved" (did you mean "resolved"? expected one of: detecting, investigating, fixing, monitoring, resolved, closed, reopened)\n',
    );
    expect(await treeSnapshot(broken)).toEqual(snapshot);
    await rm(broken, { recursive: true, force: true });
  });
});

describe('writing files', () => {
  it('writes nothing when the result would not pass the check', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: NOW } });
    const session = await openSite('test', root, Date.parse(NOW), terminal.io);
    const incident = 'incidents/2026/INC-20261125-001/index.md';
    const writing = writeChecked(session, [
      { file: incident, text: '---\nid: INC-20261125-001\n---\n', before: await readFile(path.join(root, incident), 'utf8') },
      { file: 'incidents/2027/INC-20270101-001/index.md', text: 'not an incident', before: null },
    ]);
    await expect(writing).rejects.toThrow(DomainError);
    await expect(writing).rejects.toThrow('the result would not pass the check');
    expect(await treeSnapshot(root)).toEqual(before);
    expect(terminal.stdout()).toBe('');
  });

  it('leaves folders that were there before in place when refusing', async () => {
    await mkdir(path.join(root, 'incidents/2027'), { recursive: true });
    await writeFile(path.join(root, 'incidents/2027/.gitkeep'), '');
    const withFolder = await treeSnapshot(root);
    const session = await openSite('test', root, Date.parse(NOW), scriptedTerminal().io);
    await expect(writeChecked(session, [{ file: 'incidents/2027/INC-20270101-001/index.md', text: 'not an incident', before: null }])).rejects.toThrow(DomainError);
    expect(await treeSnapshot(root)).toEqual(withFolder);
    await rm(path.join(root, 'incidents/2027'), { recursive: true });
  });
});
