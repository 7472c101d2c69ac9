// Two comms commands at once never lose an update, and Ctrl+C at any moment leaves the old file or the new checked one.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/cli/command.ts';
import { acquireLock } from '../../src/cli/file-lock.ts';
import { openSite, writeChecked } from '../../src/cli/site-session.ts';
import { loadSite } from '../../src/validation/load-site.ts';
import { exampleSiteCopy, scriptedTerminal, treeSnapshot } from '../helpers/commands.ts';
import { PROJECT } from '../helpers/sites.ts';

const NOW = '2026-11-26T03:00:00Z';
const ID = 'INC-20261125-001';
const FILE = `incidents/2026/${ID}/index.md`;
const roots: string[] = [];

afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

async function siteCopy(): Promise<string> {
  const root = await exampleSiteCopy();
  roots.push(root);
  return root;
}

interface Running {
  pid: number;
  stderr(): string;
  kill(signal: NodeJS.Signals): void;
  result: Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function startUpdate(root: string, message: string): Running {
  const child = spawn(process.execPath, [path.join(PROJECT, 'scripts', 'new-update.ts'), ID, '--status', 'fixing', '--message', message, '--root', root], {
    cwd: PROJECT,
    env: { ...process.env, AFTERMATH_NOW: NOW },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += stripVTControlCharacters(chunk.toString('utf8'))));
  return {
    pid: child.pid!,
    stderr: () => stderr,
    kill: (signal) => child.kill(signal),
    result: new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }))),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

/** The files other than the incident, and no lock or temporary file: what every outcome must leave. */
function withoutIncident(snapshot: Record<string, string>): Record<string, string> {
  const { [FILE]: _incident, ...rest } = snapshot;
  return rest;
}

async function passesCheck(root: string): Promise<boolean> {
  return (await loadSite(root, { AFTERMATH_NOW: NOW })).ok;
}

const CHANGED = `new:update: ${FILE}: was changed while this command ran (by another command or an editor); nothing was written; run the command again to build on what is there now\n`;

describe('two new:update commands on the same incident at once', () => {
  it.each([1, 2, 3])('keep both updates or refuse one with a message, never a silent loss (round %i)', async () => {
    const root = await siteCopy();
    const before = await treeSnapshot(root);
    const first = startUpdate(root, 'Note A: traffic moved out of zone 2.');
    const second = startUpdate(root, 'Note B: error rate down to 3%.');
    const results = await Promise.all([first.result, second.result]);
    const text = await readFile(path.join(root, FILE), 'utf8');
    const posted = results.map((result, index) => ({ ...result, message: index === 0 ? 'Note A: traffic moved out of zone 2.' : 'Note B: error rate down to 3%.' }));
    for (const run of posted) {
      // Which one waits for the other's lock, if either, is up to the scheduler.
      // Waiting is said either way the lock can be found: with its holder's pid, or just created, before the pid is in it
      // (a loaded machine catches that moment).
      const waiting = /^new:update: waiting for another command writing this site to finish: (pid \d+|a process that has not written its pid yet) has held the lock /;
      const said = run.stderr.split('\n').filter((line) => line !== '' && !waiting.test(line));
      if (run.status === 0) {
        expect(run.stdout).toBe(`wrote ${FILE}\n`);
        expect(said).toEqual([]);
        expect(text).toContain(run.message);
      } else {
        expect(run.status).toBe(1);
        expect(`${said.join('\n')}\n`).toBe(CHANGED);
        expect(text).not.toContain(run.message);
      }
    }
    expect(posted.some((run) => run.status === 0)).toBe(true);
    expect(await passesCheck(root)).toBe(true);
    expect(withoutIncident(await treeSnapshot(root))).toEqual(withoutIncident(before));
  });
});

describe('a command while another one holds the site', () => {
  it('waits with one message naming the holder, then writes once it is free', async () => {
    const root = await siteCopy();
    const lock = await acquireLock(path.join(root, '.aftermath.lock'), { label: 'test', holderIs: 'test', report: () => {} });
    const started = (await readFile(path.join(root, '.aftermath.lock', 'pid'), 'utf8')).split('\n')[1]!;
    const since = started.replace(/\.\d{3}Z$/, 'Z');
    const running = startUpdate(root, 'Posted after waiting.');
    await until(() => running.stderr().includes('waiting'), 'the waiting message');
    await sleep(600);
    lock.release();
    const { status, stdout, stderr } = await running.result;
    expect(status, stderr).toBe(0);
    expect(stderr).toBe(`new:update: waiting for another command writing this site to finish: pid ${process.pid} has held the lock .aftermath.lock since ${since}\n`);
    expect(stdout).toBe(`wrote ${FILE}\n`);
    expect(await readFile(path.join(root, FILE), 'utf8')).toContain('Posted after waiting.');
  });

  it('stops on Ctrl+C while waiting, writing nothing', async () => {
    const root = await siteCopy();
    const before = await treeSnapshot(root);
    const lock = await acquireLock(path.join(root, '.aftermath.lock'), { label: 'test', holderIs: 'test', report: () => {} });
    const running = startUpdate(root, 'Never posted.');
    await until(() => running.stderr().includes('waiting'), 'the waiting message');
    running.kill('SIGINT');
    const { status, stdout, stderr } = await running.result;
    expect(status).toBe(130);
    expect(stderr.split('\n').at(-2)).toBe('new:update: interrupted by SIGINT; nothing was written');
    expect(stdout).toBe('');
    lock.release();
    expect(await treeSnapshot(root)).toEqual(before);
  });
});

describe('Ctrl+C during a command', () => {
  it('while the new text is being checked leaves the old file, no temporary file and no lock', async () => {
    const root = await siteCopy();
    const before = await treeSnapshot(root);
    const running = startUpdate(root, 'Interrupted while checking.');
    // The lock is taken right before the new text is checked and written; the check of the site takes far longer than this poll.
    await until(() => existsSync(path.join(root, '.aftermath.lock')), 'the command to start writing');
    running.kill('SIGINT');
    const { status, stdout, stderr } = await running.result;
    expect(stderr).toBe('new:update: interrupted by SIGINT; nothing was written\n');
    expect(status).toBe(130);
    expect(stdout).toBe('');
    expect(await treeSnapshot(root)).toEqual(before);
  });

  it.each([20, 150, 400, 600, 750, 900, 1100, 1500])('%i ms after it starts writing leaves the old file or the new checked one, and nothing else', async (delay) => {
    const root = await siteCopy();
    const before = await treeSnapshot(root);
    const oldText = await readFile(path.join(root, FILE), 'utf8');
    const running = startUpdate(root, 'Posted unless interrupted.');
    await until(() => existsSync(path.join(root, '.aftermath.lock')), 'the command to start writing');
    await sleep(delay);
    running.kill('SIGINT');
    const { status, signal, stdout, stderr } = await running.result;
    const text = await readFile(path.join(root, FILE), 'utf8');
    if (text === oldText) {
      // Stopped before the write: with the message and 130, or by the signal itself before the command began writing.
      expect(stdout).toBe('');
      if (status === 130) expect(stderr.split('\n').at(-2)).toBe('new:update: interrupted by SIGINT; nothing was written');
      else expect(signal).toBe('SIGINT');
      expect(await treeSnapshot(root)).toEqual(before);
    } else {
      // Too late to stop the write: the file is the new one, whole and checked (the process may still die of the signal after).
      // A process the signal ends right after the write may not get its last line out; one that exits says what it wrote.
      if (status === 0) expect(stdout).toBe(`wrote ${FILE}\n`);
      else expect(signal).toBe('SIGINT');
      expect(text).toContain('Posted unless interrupted.');
      expect(await passesCheck(root)).toBe(true);
      expect(withoutIncident(await treeSnapshot(root))).toEqual(withoutIncident(before));
    }
  });
});

describe('writeChecked compares before it writes', () => {
  it('refuses when an editor changed the file after the command read it, keeping the editor’s text', async () => {
    const root = await siteCopy();
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: NOW } });
    const session = await openSite('new:update', root, Date.parse(NOW), terminal.io);
    const target = path.join(root, FILE);
    const read = await readFile(target, 'utf8');
    const edited = read.replace('We are working on this incident.', 'We are still working on this incident.');
    await writeFile(target, edited);
    const writing = writeChecked(session, [{ file: FILE, text: `${read}\nAppended by the command.\n`, before: read }]);
    await expect(writing).rejects.toThrow(DomainError);
    await expect(writing).rejects.toThrow(`${FILE}: was changed while this command ran (by another command or an editor); nothing was written; run the command again to build on what is there now`);
    expect(await readFile(target, 'utf8')).toBe(edited);
    expect(existsSync(path.join(root, '.aftermath.lock'))).toBe(false);
    expect(terminal.stdout()).toBe('');
  });

  it('refuses to create a file that appeared after the command looked', async () => {
    const root = await siteCopy();
    const session = await openSite('new:postmortem', root, Date.parse(NOW), scriptedTerminal({ env: { AFTERMATH_NOW: NOW } }).io);
    const file = `incidents/2026/${ID}/postmortem.md`;
    await writeFile(path.join(root, file), 'written by someone else\n');
    await expect(writeChecked(session, [{ file, text: 'a postmortem', before: null }])).rejects.toThrow(
      `${file}: was created while this command ran (expected it not to exist yet); nothing was written; run the command again to build on what is there now`,
    );
    expect(await readFile(path.join(root, file), 'utf8')).toBe('written by someone else\n');
  });

  it('checks the new text before it replaces the old one: a failing result never reaches the disk', async () => {
    const root = await siteCopy();
    const before = await treeSnapshot(root);
    const session = await openSite('new:update', root, Date.parse(NOW), scriptedTerminal({ env: { AFTERMATH_NOW: NOW } }).io);
    const read = await readFile(path.join(root, FILE), 'utf8');
    const broken = read.replace('status: fixing', 'status: solved');
    await expect(writeChecked(session, [{ file: FILE, text: broken, before: read }])).rejects.toThrow('the result would not pass the check (1 problem); nothing was changed');
    expect(await treeSnapshot(root)).toEqual(before);
  });
});
