// A maintenance window run end to end with the commands, as the comms lead runs it on the night: scheduled, a
// reminder, started early, extended, verified, completed; another one cancelled, in Chinese. Read back from the
// files, the check, the status page, the maintenance history, the feeds and the API.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleSiteCopy } from './helpers/commands.ts';
import { runScript, type CommandResult } from './helpers/sites.ts';

// The site's zone is Asia/Shanghai (UTC+8): the window runs 01:00-03:00 on 27 November, 17:00-19:00 UTC on the 26th.
const ID = '2026-11-27-cache-node-replacement';
const FILE = `content/maintenance/${ID}.md`;
let root: string;
let out: string;

function run(script: string, args: readonly string[], now: string): CommandResult {
  return runScript(script, [...args, '--root', root, '--now', now]);
}

function update(args: readonly string[], now: string): CommandResult {
  return run('update-maintenance.ts', [ID, ...args], now);
}

async function frontmatter(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(path.join(root, file), 'utf8');
  return parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;
}

const textOf = (html: string, selector: string) =>
  parse(html.replace(/</g, ' <'))
    .querySelector(selector)!
    .text.replace(/\s+/g, ' ')
    .trim();

beforeAll(async () => {
  root = await exampleSiteCopy();
  out = `${root}-dist`;
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('a maintenance window through its night', () => {
  it('is scheduled, reminded about and started early: start moves to when the work began', async () => {
    const scheduled = run('new-maintenance.ts', ['--title', 'Cache node replacement', '--service', 'cache', '--start', '2026-11-27 01:00', '--end', '03:00', '--impact', 'degraded', '--notes', 'Cached results may be slower for a few minutes.'], '2026-11-26T15:00:00Z');
    expect(scheduled.stdout, scheduled.stderr).toBe(`wrote ${FILE}\n`);
    expect(update(['--action', 'note', '--message', 'Reminder: the work starts at 01:00.'], '2026-11-26T16:00:00Z').status).toBe(0);
    expect(update(['--action', 'start'], '2026-11-26T16:50:00Z').stdout).toBe(`wrote ${FILE}\n`);
    expect(await frontmatter(FILE)).toMatchObject({
      start: '2026-11-27T00:50:00+08:00',
      end: '2026-11-27T03:00:00+08:00',
      updates: [
        { at: '2026-11-27T00:00:00+08:00', status: 'scheduled', message: 'Reminder: the work starts at 01:00.' },
        { at: '2026-11-27T00:50:00+08:00', status: 'in_progress', message: 'The maintenance has started. We will post here when it is complete.' },
      ],
    });
  });

  it('refuses what does not fit the window, writing nothing', async () => {
    const before = await readFile(path.join(root, FILE), 'utf8');
    const cases: [readonly string[], number, string][] = [
      [['--action', 'start'], 1, 'was already started at 00:50 (UTC+8) (expected a window not started yet)'],
      [['--action', 'extend', '--end', '02:00'], 1, '--end: 02:00 (UTC+8) is not after the current end 03:00 (UTC+8) (expected a later end; to finish early use --action complete)'],
      [['--action', 'complete', '--at', '00:30'], 1, '00:30 (UTC+8) is before the window\'s latest update at 00:50 (UTC+8) (expected an update after it)'],
      [['--action', 'note'], 1, '--message: missing (expected the note to readers'],
      [['--action', 'stat'], 2, '--action: found "stat" (did you mean "start"? expected one of: note, start, verify, extend, complete, cancel)'],
      [['--action', 'complete', '--end', '04:00'], 2, '--end: only with --action extend'],
    ];
    for (const [args, status, message] of cases) {
      const result = update(args, '2026-11-26T17:10:00Z');
      expect(result.status, result.stderr).toBe(status);
      expect(result.stderr).toContain(message);
    }
    const unknown = run('update-maintenance.ts', ['2026-11-27-cache-node-replacment', '--action', 'start'], '2026-11-26T17:10:00Z');
    expect(unknown.stderr).toContain('unknown maintenance window "2026-11-27-cache-node-replacment" (did you mean "2026-11-27-cache-node-replacement"?');
    expect(await readFile(path.join(root, FILE), 'utf8')).toBe(before);
  });

  it('is extended and verified; the status page, history, feeds and API show where it stands', async () => {
    expect(update(['--action', 'extend', '--end', '04:00'], '2026-11-26T18:30:00Z').status).toBe(0);
    expect(update(['--action', 'verify'], '2026-11-26T19:40:00Z').status).toBe(0);
    expect((await frontmatter(FILE)).end).toBe('2026-11-27T04:00:00+08:00');
    const build = runScript('build.ts', ['--root', root, '--out', out], { AFTERMATH_NOW: '2026-11-26T19:45:00Z' });
    expect(build.status, build.stderr).toBe(0);

    const status = await readFile(path.join(out, 'index.html'), 'utf8');
    const card = textOf(status, `#maintenance-${ID}`);
    expect(card).toContain('Cache node replacement Window Verifying Nov 27, 2026, 00:50 GMT+8 – Nov 27, 2026, 04:00 GMT+8 Services Cache Expected impact Degraded');
    // Newest first, then the notes readers were promised.
    expect(card).toMatch(/Verifying Nov 27, 2026, 03:40 GMT\+8 The work is done.*In progress Nov 27, 2026, 02:30 GMT\+8 The maintenance is taking longer than planned; we now expect it to end by 04:00 \(UTC\+8\)\..*In progress Nov 27, 2026, 00:50 GMT\+8.*Scheduled Nov 27, 2026, 00:00 GMT\+8 Reminder: the work starts at 01:00\. Cached results may be slower for a few minutes\.$/);
    expect(textOf(await readFile(path.join(out, 'maintenance/index.html'), 'utf8'), 'main')).toContain('Cache node replacement Window Verifying');
    expect(textOf(await readFile(path.join(out, 'zh-cn/maintenance/index.html'), 'utf8'), 'main')).toContain('验证中');

    const feed = JSON.parse(await readFile(path.join(out, 'feed.json'), 'utf8')) as { items: { id: string; title: string; url: string; date_published: string }[] };
    const items = feed.items.filter((item) => item.title.startsWith('[Maintenance]'));
    expect(items.map((item) => [item.title, item.date_published])).toEqual([
      ['[Maintenance] Cache: verifying — Cache node replacement', '2026-11-27T03:40:00+08:00'],
      ['[Maintenance] Cache: in progress — Cache node replacement', '2026-11-27T02:30:00+08:00'],
      ['[Maintenance] Cache: in progress — Cache node replacement', '2026-11-27T00:50:00+08:00'],
      ['[Maintenance] Cache: scheduled — Cache node replacement', '2026-11-27T00:00:00+08:00'],
    ]);
    expect(items[0]!.url).toBe(`https://status.example.com/maintenance/#maintenance-${ID}`);
    expect(new Set(items.map((item) => item.id)).size).toBe(4);
    const cacheFeed = await readFile(path.join(out, 'services/cache/rss.xml'), 'utf8');
    expect(cacheFeed).toContain('[Maintenance] Cache: verifying — Cache node replacement');

    const active = JSON.parse(await readFile(path.join(out, 'api/v2/scheduled-maintenances/active.json'), 'utf8')) as { scheduled_maintenances: { name: string; status: string; scheduled_until: string; incident_updates: { status: string }[] }[] };
    expect(active.scheduled_maintenances.map((window) => [window.name, window.status, window.scheduled_until])).toEqual([['Cache node replacement', 'verifying', '2026-11-27T04:00:00+08:00']]);
    expect(active.scheduled_maintenances[0]!.incident_updates.map((entry) => entry.status)).toEqual(['verifying', 'in_progress', 'in_progress', 'scheduled', 'scheduled']);
  });

  it('is completed: end moves to when the work finished, and the check passes', async () => {
    expect(update(['--action', 'complete'], '2026-11-26T19:50:00Z').status).toBe(0);
    const window = await frontmatter(FILE);
    expect(window.end).toBe('2026-11-27T03:50:00+08:00');
    expect((window.updates as { status: string }[]).at(-1)).toEqual({ at: '2026-11-27T03:50:00+08:00', status: 'completed', message: 'The maintenance is complete. Thank you for your patience.' });
    const check = runScript('check.ts', ['--root', root], { AFTERMATH_NOW: '2026-11-26T19:55:00Z' });
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).not.toContain(ID);
    // Done is done: only notes may follow.
    expect(update(['--action', 'cancel'], '2026-11-26T20:00:00Z').stderr).toContain('is already completed');
  });
});

describe('a window called off', () => {
  const OTHER = '2026-11-28-cache-upgrade';
  it('is cancelled, in the language asked for, and takes nothing but notes after', async () => {
    expect(run('new-maintenance.ts', ['--title', 'Cache upgrade', '--service', 'cache', '--start', '2026-11-28 01:00', '--duration', '1h', '--impact', 'none', '--notes', 'No impact expected.', '--id', OTHER], '2026-11-26T20:00:00Z').status).toBe(0);
    expect(run('update-maintenance.ts', [OTHER, '--action', 'cancel', '--lang', 'zh-CN'], '2026-11-26T20:10:00Z').status).toBe(0);
    const window = await frontmatter(`content/maintenance/${OTHER}.md`);
    expect(window).toMatchObject({ cancelled: true, updates: [{ at: '2026-11-27T04:10:00+08:00', status: 'cancelled', message: '本次维护已取消，服务不受影响。如重新安排，我们会在此公布新的时间。' }] });
    expect(run('update-maintenance.ts', [OTHER, '--action', 'start'], '2026-11-26T20:20:00Z').stderr).toContain(`${OTHER} was cancelled (expected a window that is not; post a note with --action note)`);
    const check = runScript('check.ts', ['--root', root], { AFTERMATH_NOW: '2026-11-26T20:30:00Z' });
    expect(check.status, check.stdout).toBe(0);
  });
});

describe('the check on hand-written updates', () => {
  it('refuses an update out of order, a status going back, a start update before start, and a cancellation without cancelled: true', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      path.join(root, 'content/maintenance/2026-11-20-hand-written.md'),
      `---
id: 2026-11-20-hand-written
title: Hand written
start: 2026-11-20T01:00:00+08:00
end: 2026-11-20T02:00:00+08:00
services:
  - cache
updates:
  - at: 2026-11-20T00:50:00+08:00
    status: in_progress
    message: Started.
  - at: 2026-11-20T00:45:00+08:00
    status: scheduled
    message: Back.
  - at: 2026-11-20T01:30:00+08:00
    status: cancelled
    message: Off.
---
`,
    );
    const check = runScript('check.ts', ['--root', root], { AFTERMATH_NOW: '2026-11-26T20:30:00Z' });
    expect(check.status).toBe(1);
    const file = 'content/maintenance/2026-11-20-hand-written.md';
    expect(check.stdout.split('\n').filter((line) => line.startsWith(file))).toEqual([
      `${file}:9: updates[0].at: 2026-11-20T00:50:00+08:00 says the work started, before start 2026-11-20T01:00:00+08:00 (expected start: to be when the work began; npm run maintenance:update -- 2026-11-20-hand-written --action start sets both)`,
      `${file}:12: updates[1].at: 2026-11-20T00:45:00+08:00 is before the previous update 2026-11-20T00:50:00+08:00 (expected updates in time order, oldest first)`,
      `${file}:13: updates[1].status: "scheduled" cannot follow "in_progress" (expected statuses to move forward: scheduled, in_progress, verifying, completed (or cancelled))`,
      `${file}:16: updates[2].status: says the window was cancelled, but cancelled: is not true (expected cancelled: true beside it; npm run maintenance:update -- <id> --action cancel sets both)`,
    ]);
  });
});
