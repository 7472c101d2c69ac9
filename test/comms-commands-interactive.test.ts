// The commands' questions, answered with scripted keys: the real Inquirer prompts on a test terminal and over a pipe.
import { describe, expect, it } from 'vitest';
import { newIncident } from '../src/cli/new-incident.ts';
import { newMaintenance } from '../src/cli/new-maintenance.ts';
import { newPostmortem } from '../src/cli/new-postmortem.ts';
import { newUpdate, resolve } from '../src/cli/update-incident.ts';
import { exampleSiteForStory, KEY, scriptedTerminal, spawnScript } from './helpers/commands.ts';

const story = exampleSiteForStory();
const NEW_ID = 'INC-20261126-001';
const file = story.file;
const expectValidAt = story.expectValidAt;



// One story, in order: each step builds on the file the one before wrote.
describe('answering the questions at a terminal', () => {
  it('new:incident asks for everything, with choices from services.yaml and severity.yaml and the notice offered', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T01:00:00Z' } });
    const done = newIncident(['--root', story.root], terminal.io);
    await terminal.answer('Title', `Sign-in failing for some users${KEY.enter}`);
    await terminal.answer('P3 — Low', `${KEY.up}${KEY.enter}`); // P3, the least severe, offered; one up is P2
    await terminal.answer('User authentication (auth)', `${KEY.down}${KEY.down}${KEY.space}${KEY.enter}`);
    await terminal.answer('Impact on User authentication', `${KEY.down}${KEY.enter}`); // partial (default) → major
    await terminal.answer('When were users first affected?', `${KEY.clearLine}08:50${KEY.enter}`);
    await terminal.answer('When did the team know?', KEY.enter); // now, offered
    await terminal.answer('User impact', `About 10% of sign-ins fail${KEY.enter}`);
    await terminal.answer('Incident commander', `@lisi${KEY.enter}`);
    await terminal.answer('Status', KEY.enter); // investigating, offered
    await terminal.answer('Language of the message', `${KEY.down}${KEY.enter}`); // 简体中文
    await terminal.answer('Message', KEY.enter); // the offered notice as it is
    expect(await done, terminal.screen()).toBe(0);

    expect(terminal.screen()).toContain('Core services');
    expect(terminal.screen()).toContain('P1 — High');
    expect(terminal.screen()).toContain(`Writing ${NEW_ID}: P2 — Medium; affected: User authentication (Major outage)`);
    expect(terminal.stdout()).toBe(`wrote incidents/2026/${NEW_ID}/index.md\n`);
    const text = await file(`incidents/2026/${NEW_ID}/index.md`);
    expect(text).toContain('title: Sign-in failing for some users\nseverity: P2\nstarted: 2026-11-26T08:50:00+08:00\ndetected: 2026-11-26T09:00:00+08:00\n');
    expect(text).toContain('services:\n  - id: auth\n    impact: major_outage\n');
    expect(text).toContain(
      '    status: investigating\n    message: 我们正在调查此问题，并全力恢复服务。事故级别：P2。影响范围：User authentication。开始时间：2026-11-26 08:50 (UTC+8)。负责人：@lisi。用户影响：About 10% of sign-ins fail。下次更新：11:00 (UTC+8)前。\n',
    );
    await expectValidAt('2026-11-26T01:00:00Z');
  });

  it('new:update offers the open incidents and the next status, and takes an edited message', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T01:20:00Z' } });
    const done = newUpdate(['--root', story.root], terminal.io);
    await terminal.answer(`${NEW_ID} Sign-in failing`, KEY.enter); // the newest open incident comes first
    await terminal.answer('Status (now investigating)', KEY.enter); // fixing, offered
    await terminal.answer('Language of the message', KEY.enter); // the site's default, English
    await terminal.answer('We have identified the cause', `${KEY.clearLine}We found a bad certificate and are replacing it.${KEY.enter}`);
    expect(await done, terminal.screen()).toBe(0);
    expect(terminal.screen()).toContain('INC-20261125-001 API gateway returning 502 errors');
    const text = await file(`incidents/2026/${NEW_ID}/index.md`);
    expect(text.endsWith('  - at: 2026-11-26T09:20:00+08:00\n    status: fixing\n    message: We found a bad certificate and are replacing it.\n---\n')).toBe(true);
  });

  it('new:update asks which services recovered when monitoring', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T01:40:00Z' } });
    const done = newUpdate([NEW_ID, '--root', story.root, '--lang', 'en'], terminal.io);
    await terminal.answer('Status (now fixing)', KEY.enter); // monitoring, offered
    await terminal.answer('Services that have recovered now', `${KEY.space}${KEY.enter}`);
    await terminal.answer('A fix is in place', KEY.enter);
    expect(await done, terminal.screen()).toBe(0);
    const text = await file(`incidents/2026/${NEW_ID}/index.md`);
    expect(text).toContain('  - id: auth\n    impact: major_outage\n    end: 2026-11-26T09:40:00+08:00\n');
  });

  it('resolve offers the open incidents and the resolution notice', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T02:00:00Z' } });
    const done = resolve(['--root', story.root], terminal.io);
    await terminal.answer(`${NEW_ID} Sign-in failing`, KEY.enter);
    await terminal.answer('Language of the message', KEY.enter);
    await terminal.answer('This incident has been resolved', KEY.enter);
    expect(await done, terminal.screen()).toBe(0);
    const text = await file(`incidents/2026/${NEW_ID}/index.md`);
    expect(text).toContain('detected: 2026-11-26T09:00:00+08:00\nresolved: 2026-11-26T10:00:00+08:00\n');
    expect(text).toContain('Resolved: 10:00 (UTC+8). Duration: 1 h 10 min.');
    await expectValidAt('2026-11-26T02:00:00Z');
  });

  it('new:postmortem offers incidents without one and the commander as author', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T03:00:00Z' } });
    const done = newPostmortem(['--root', story.root], terminal.io);
    await terminal.answer(`${NEW_ID} Sign-in failing`, KEY.enter);
    await terminal.answer('Author of the report', KEY.enter); // @lisi, offered
    await terminal.answer('Language of the placeholders', KEY.enter);
    expect(await done, terminal.screen()).toBe(0);
    expect(terminal.stdout()).toBe(`wrote incidents/2026/${NEW_ID}/postmortem.md\n`);
    const postmortem = await file(`incidents/2026/${NEW_ID}/postmortem.md`);
    expect(postmortem).toContain('author: "@lisi"\ndate: 2026-11-26\nreviewers: []\nstatus: draft\n');
    // What users saw is the impact; which users is for the author to write.
    expect(postmortem).toContain('  users: "TODO: which users, how many"\nuserImpact: About 10% of sign-ins fail\n');
  });

  it('new:maintenance asks for the window in the site’s local time', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T03:00:00Z' } });
    const done = newMaintenance(['--root', story.root], terminal.io);
    await terminal.answer('Title', `Cache cluster upgrade${KEY.enter}`);
    await terminal.answer('Services under maintenance', `${KEY.down.repeat(5)}${KEY.space}${KEY.enter}`); // the sixth: cache
    await terminal.answer('Start', `2026-12-10 02:00${KEY.enter}`);
    await terminal.answer('End', `2026-12-10 04:30${KEY.enter}`);
    await terminal.answer('What users will notice', `${KEY.down}${KEY.enter}`); // degraded
    await terminal.answer('Language of the notes', KEY.enter);
    await terminal.answer('Notes for readers', KEY.enter);
    expect(await done, terminal.screen()).toBe(0);
    expect(await file('content/maintenance/2026-12-10-cache-cluster-upgrade.md')).toBe(`---
id: 2026-12-10-cache-cluster-upgrade
title: Cache cluster upgrade
start: 2026-12-10T02:00:00+08:00
end: 2026-12-10T04:30:00+08:00
services:
  - cache
impact: degraded
---
We will carry out scheduled maintenance on Cache from 2026-12-10 02:00 (UTC+8) to 04:30 (UTC+8). We will post here when the work starts and when it ends.
`);
    await expectValidAt('2026-11-26T03:00:00Z');
  });

  it('re-asks until an answer is valid instead of failing', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T03:00:00Z' } });
    const done = newMaintenance(['--root', story.root, '--title', 'Log retention change', '--service', 'logging', '--impact', 'none', '--lang', 'en', '--notes', 'Nothing to notice.'], terminal.io);
    await terminal.answer('Start', `next tuesday${KEY.enter}`);
    await terminal.answer('expected "now", "21:10" (today)', `${KEY.clearLine}2026-12-01 10:00${KEY.enter}`);
    await terminal.answer('End', `2026-11-30 11:00${KEY.enter}`); // before the start: asked again, in plain words
    await terminal.answer('2026-11-30 11:00 (UTC+8) is not after the start, 10:00 (UTC+8)', `${KEY.clearLine}30m${KEY.enter}`);
    expect(await done, terminal.screen()).toBe(0);
    expect(terminal.screen()).not.toContain('--end');
    expect(await file('content/maintenance/2026-12-01-log-retention-change.md')).toContain('start: 2026-12-01T10:00:00+08:00\nend: 2026-12-01T10:30:00+08:00\n');
  });

  it('reads a bare end time on the start\'s day, or the next when the window runs past midnight', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T03:00:00Z' } });
    const done = newMaintenance(['--root', story.root, '--title', 'Overnight reindex', '--service', 'logging', '--impact', 'none', '--lang', 'en', '--notes', 'Search may be slow.'], terminal.io);
    await terminal.answer('Start', `2026-12-02 23:00${KEY.enter}`);
    await terminal.answer('End', `01:30${KEY.enter}`);
    expect(await done, terminal.screen()).toBe(0);
    expect(await file('content/maintenance/2026-12-02-overnight-reindex.md')).toContain('start: 2026-12-02T23:00:00+08:00\nend: 2026-12-03T01:30:00+08:00\n');
  });

  it('a reopen asks which services are impaired again; a recovered one ticked gets a second window', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T03:30:00Z' } });
    const done = newUpdate([NEW_ID, '--root', story.root, '--status', 'reopened', '--lang', 'en', '--message', 'Sign-in fails again.'], terminal.io);
    // auth recovered at 09:40 on its own, so it is not ticked: a space ticks it.
    await terminal.answer('Services impaired again', `${KEY.space}${KEY.enter}`);
    expect(await done, terminal.screen()).toBe(0);
    expect(await file(`incidents/2026/${NEW_ID}/index.md`)).toContain(
      '  - id: auth\n    impact: major_outage\n    windows:\n      - start: 2026-11-26T08:50:00+08:00\n        end: 2026-11-26T09:40:00+08:00\n      - start: 2026-11-26T11:30:00+08:00\n',
    );
    await expectValidAt('2026-11-26T03:30:00Z');
  });
});

describe('answering over a pipe, without a terminal', () => {
  it('asks only for what has no default and reads the answer from standard input', async () => {
    const run = spawnScript('new-incident.ts', ['--root', story.root, '--severity', 'P3', '--service', 'metrics:degraded'], { AFTERMATH_NOW: '2026-11-26T04:00:00Z' });
    await run.answer('Title', `Dashboards slow to load${KEY.enter}`);
    const result = await run.result;
    expect(result.stderr).not.toContain('Status');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('wrote incidents/2026/INC-20261126-002/index.md\n');
    const text = await file('incidents/2026/INC-20261126-002/index.md');
    expect(text).toContain('title: Dashboards slow to load\nseverity: P3\n');
    expect(text).toContain('status: investigating\n    message: "We are investigating a problem');
  });
});

describe('pressing Enter under stress', () => {
  it('declares the least severe level, never P0, and says what it writes before writing', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T05:00:00Z' } });
    const done = newIncident(['--root', story.root, '--title', 'Search slow', '--service', 'cache:degraded', '--impact', '', '--commander', '', '--status', 'investigating', '--lang', 'en', '--started', 'now', '--detected', 'now', '--message', 'Looking.'], terminal.io);
    await terminal.answer('Severity', KEY.enter);
    expect(await done, terminal.screen()).toBe(0);
    expect(terminal.screen()).toMatch(/Writing INC-20261126-\d{3}: P3 — Low; affected: Cache \(Degraded\)/);
    const written = terminal.stdout().replace('wrote ', '').trim();
    expect(await file(written)).toContain('severity: P3\n');
  });
});
