// Running the comms lead's commands in tests: copies of the example site, tree snapshots, and a scripted terminal.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, expect } from 'vitest';
import type { CommandIO } from '../../src/cli/command.ts';
import { loadSite } from '../../src/validation/load-site.ts';
import { formatProblem } from '../../src/validation/problem.ts';
import { EXAMPLE_FIXTURE, PROJECT, type CommandResult } from './sites.ts';

/**
 * A copy of the example site for one test file's story, whose steps build on each other: made before the file's
 * tests, removed after them.
 */
export function exampleSiteForStory(): { readonly root: string; file(relative: string): Promise<string>; expectValidAt(now: string): Promise<void> } {
  let root = '';
  beforeAll(async () => {
    root = await exampleSiteCopy();
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });
  return {
    get root() {
      return root;
    },
    file: (relative) => readFile(path.join(root, relative), 'utf8'),
    async expectValidAt(now) {
      const loaded = await loadSite(root, { AFTERMATH_NOW: now });
      expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
    },
  };
}

/** A fresh copy of the bundled example content (content/ and incidents/ only: what a site is). */
export async function exampleSiteCopy(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'aftermath-comms-'));
  await cp(path.join(EXAMPLE_FIXTURE, 'content'), path.join(root, 'content'), { recursive: true });
  await cp(path.join(EXAMPLE_FIXTURE, 'incidents'), path.join(root, 'incidents'), { recursive: true });
  return root;
}

/** Every file under `root` with a hash of its content: equal snapshots mean an unchanged tree. */
export async function treeSnapshot(root: string): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const snapshot: Record<string, string> = {};
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, full).split(path.sep).join('/');
    snapshot[relative] = entry.isFile() ? createHash('sha256').update(await readFile(full)).digest('hex') : 'folder';
  }
  return snapshot;
}

export interface ScriptedTerminal {
  io: CommandIO;
  /** Waits until a prompt showing `text` is on screen, then types `keys`. */
  answer(text: string | RegExp, keys: string): Promise<void>;
  /** Everything drawn on the prompt stream so far, without escape codes. */
  screen(): string;
  stdout(): string;
}

export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A', space: ' ', clearLine: '\x15' } as const;

/** A terminal a test types into: the command's real Inquirer prompts read the keys and draw on its screen. */
export function scriptedTerminal(options: { env?: Record<string, string>; interactive?: boolean } = {}): ScriptedTerminal {
  const stdin = new PassThrough();
  const stderr = new PassThrough();
  const stdout = new PassThrough();
  // Inquirer pipes each prompt into the output and ends the pipe when the prompt is done; Node's stream pipe spares
  // only stdio streams from that end, so the test's screen is marked as one, like the process.stderr it stands for.
  Object.assign(stderr, { _isStdio: true });
  let screen = '';
  let out = '';
  let cursor = 0;
  stderr.on('data', (chunk: Buffer) => {
    screen += stripVTControlCharacters(chunk.toString('utf8'));
  });
  stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  const io: CommandIO = {
    stdin,
    stdout,
    stderr,
    env: { ...process.env, ...options.env },
    interactive: options.interactive ?? true,
    cwd: PROJECT,
    clockMs: () => Date.now(),
  };
  return {
    io,
    screen: () => screen,
    stdout: () => out,
    async answer(text, keys) {
      const deadline = Date.now() + 10_000;
      const found = () => (typeof text === 'string' ? screen.indexOf(text, cursor) >= 0 : text.test(screen.slice(cursor)));
      while (!found()) {
        if (Date.now() > deadline) throw new Error(`no prompt ${String(text)} on screen; it shows:\n${screen.slice(cursor)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      cursor = screen.length;
      stdin.write(keys);
    },
  };
}

/** Runs a script as a separate process with a pipe for standard input, to type answers into as they are asked. */
export function spawnScript(script: string, args: readonly string[], env: Record<string, string>): { answer(text: string, keys: string): Promise<void>; close(): void; result: Promise<CommandResult> } {
  const child = spawn(process.execPath, [path.join(PROJECT, 'scripts', script), ...args], { cwd: PROJECT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += stripVTControlCharacters(chunk.toString('utf8'))));
  const result = new Promise<CommandResult>((resolve) => child.on('close', (code) => resolve({ status: code ?? 1, stdout, stderr })));
  let cursor = 0;
  return {
    result,
    close: () => child.stdin.end(),
    async answer(text, keys) {
      const deadline = Date.now() + 20_000;
      while (stderr.indexOf(text, cursor) < 0) {
        if (Date.now() > deadline) throw new Error(`no prompt "${text}"; stderr:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      cursor = stderr.length;
      child.stdin.write(keys);
    },
  };
}

/** Whether util-linux's `script` is here to give a command a real pseudo-terminal (every Debian and Ubuntu has it). */
export function hasPseudoTerminal(): boolean {
  return spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
}

const shellQuoted = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/**
 * Runs a script as a person does, in a pseudo-terminal (util-linux `script`), 100 columns wide: the command sees a
 * TTY on every stream, so it asks its questions, and Inquirer draws them with the escape codes a terminal gets.
 * The screen is everything the terminal showed (both streams), escape codes removed.
 */
export function terminalScript(script: string, args: readonly string[], env: Record<string, string>): { answer(text: string | RegExp, keys: string): Promise<void>; screen(): string; result: Promise<{ status: number; screen: string }> } {
  const command = `stty cols 100 rows 40 && exec ${[process.execPath, path.join(PROJECT, 'scripts', script), ...args].map(shellQuoted).join(' ')}`;
  const child = spawn('script', ['--quiet', '--flush', '--return', '--command', command, '/dev/null'], { cwd: PROJECT, env: { ...process.env, TERM: 'xterm-256color', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  // Raw bytes as the terminal got them: an escape code can span two reads, so codes are removed from the whole.
  const raw: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => raw.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => raw.push(chunk));
  const screen = () => stripVTControlCharacters(Buffer.concat(raw).toString('utf8'));
  const result = new Promise<{ status: number; screen: string }>((resolve) => child.on('close', (code) => resolve({ status: code ?? 1, screen: screen() })));
  let cursor = 0;
  return {
    result,
    screen,
    async answer(text, keys) {
      const deadline = Date.now() + 20_000;
      const found = () => (typeof text === 'string' ? screen().indexOf(text, cursor) >= 0 : text.test(screen().slice(cursor)));
      while (!found()) {
        if (Date.now() > deadline) throw new Error(`no prompt ${String(text)} on the terminal; it shows:\n${screen().slice(cursor)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      cursor = screen().length;
      // A person types after reading: the prompt is drawn, then the keys arrive.
      await new Promise((resolve) => setTimeout(resolve, 50));
      child.stdin.write(keys);
    },
  };
}
