// The build lock: a lock left by a killed build is taken over with a message; a live one is waited for, said once.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/cli/file-lock.ts';
import { PROJECT, VALID_FIXTURE } from '../helpers/sites.ts';

const LABEL = '.astro/build.lock';
const WAITING = 'another build';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'aftermath-lock-'));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** A pid that no process has: one that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

/** A process that stays alive until killed, to hold a lock in its name. */
function liveProcess(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
}

/** A lock folder as a holder leaves it: a pid file, last touched at `touchedAt`. */
async function plantLock(lockDir: string, pidText: string, touchedAt: Date): Promise<void> {
  await mkdir(lockDir, { recursive: true });
  await writeFile(path.join(lockDir, 'pid'), pidText);
  await utimes(path.join(lockDir, 'pid'), touchedAt, touchedAt);
  await utimes(lockDir, touchedAt, touchedAt);
}

function collector(): { lines: string[]; report(line: string): void } {
  const lines: string[] = [];
  return { lines, report: (line) => lines.push(line) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('acquireLock', () => {
  it('takes a free lock, writes its pid and start, and removes the lock on release', async () => {
    const lockDir = path.join(scratch, 'free', 'build.lock');
    const messages = collector();
    const lock = await acquireLock(lockDir, { label: LABEL, holderIs: WAITING, report: messages.report });
    const [pid, started] = (await readFile(path.join(lockDir, 'pid'), 'utf8')).split('\n');
    expect(Number(pid)).toBe(process.pid);
    expect(Math.abs(Date.parse(started!) - Date.now())).toBeLessThan(60_000);
    lock.release();
    expect(existsSync(lockDir)).toBe(false);
    expect(messages.lines).toEqual([]);
  });

  it('takes over a lock whose pid is no longer running, saying so', async () => {
    const lockDir = path.join(scratch, 'dead', 'build.lock');
    const pid = deadPid();
    await plantLock(lockDir, `${pid}\n2026-11-26T10:00:00.000Z\n`, new Date());
    const messages = collector();
    const lock = await acquireLock(lockDir, { label: LABEL, holderIs: WAITING, report: messages.report });
    expect(messages.lines).toEqual([`taking over the lock .astro/build.lock (started 2026-11-26T10:00:00Z): pid ${pid} is no longer running`]);
    expect(Number((await readFile(path.join(lockDir, 'pid'), 'utf8')).split('\n')[0])).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock with an empty pid file once it is older than a few seconds', async () => {
    const lockDir = path.join(scratch, 'empty-old', 'build.lock');
    await plantLock(lockDir, '', new Date(Date.parse('2026-11-26T10:00:00Z')));
    const messages = collector();
    const lock = await acquireLock(lockDir, { label: LABEL, holderIs: WAITING, report: messages.report });
    expect(messages.lines).toEqual(['taking over the lock .astro/build.lock (started 2026-11-26T10:00:00Z): its pid file is missing or unreadable and it is older than 5 s']);
    lock.release();
  });

  it('waits for a lock that was just made and has no pid yet', async () => {
    const lockDir = path.join(scratch, 'empty-new', 'build.lock');
    const madeAt = new Date();
    await plantLock(lockDir, '', madeAt);
    const messages = collector();
    let acquired = false;
    const acquiring = acquireLock(lockDir, { label: LABEL, holderIs: WAITING, report: messages.report }).then((lock) => {
      acquired = true;
      return lock;
    });
    await sleep(1_000);
    expect(acquired).toBe(false);
    const since = new Date(Math.floor(madeAt.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    expect(messages.lines).toEqual([`waiting for another build to finish: a process that has not written its pid yet has held the lock .astro/build.lock since ${since}`]);
    await rm(lockDir, { recursive: true });
    (await acquiring).release();
  });

  it('takes over a lock of a running pid that has not been touched for more than 30 minutes (a reused pid)', async () => {
    const holder = liveProcess();
    try {
      const lockDir = path.join(scratch, 'old', 'build.lock');
      await plantLock(lockDir, `${holder.pid}\n2026-11-26T10:00:00.000Z\n`, new Date(Date.now() - 31 * 60_000));
      const messages = collector();
      const lock = await acquireLock(lockDir, { label: LABEL, holderIs: WAITING, report: messages.report });
      expect(messages.lines).toEqual([`taking over the lock .astro/build.lock (started 2026-11-26T10:00:00Z): pid ${holder.pid} has not touched it for more than 30 minutes`]);
      lock.release();
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('waits for a live holder with one message, then takes over once it is killed', async () => {
    const holder = liveProcess();
    const lockDir = path.join(scratch, 'live', 'build.lock');
    await plantLock(lockDir, `${holder.pid}\n2026-11-26T10:00:00.000Z\n`, new Date());
    const messages = collector();
    const acquiring = acquireLock(lockDir, { label: LABEL, holderIs: WAITING, report: messages.report });
    await sleep(1_200);
    expect(messages.lines).toEqual([`waiting for another build to finish: pid ${holder.pid} has held the lock .astro/build.lock since 2026-11-26T10:00:00Z`]);
    holder.kill('SIGKILL');
    const lock = await acquiring;
    expect(messages.lines[1]).toBe(`taking over the lock .astro/build.lock (started 2026-11-26T10:00:00Z): pid ${holder.pid} is no longer running`);
    expect(messages.lines).toHaveLength(2);
    lock.release();
  });

  it('stops waiting when its signal is aborted (Ctrl+C), leaving the holder’s lock alone', async () => {
    const holder = liveProcess();
    try {
      const lockDir = path.join(scratch, 'abort', 'build.lock');
      await plantLock(lockDir, `${holder.pid}\n`, new Date());
      const controller = new AbortController();
      const acquiring = acquireLock(lockDir, { label: LABEL, holderIs: WAITING, report: () => {}, signal: controller.signal });
      await sleep(300);
      controller.abort(new Error('interrupted'));
      await expect(acquiring).rejects.toThrow('interrupted');
      expect(await readFile(path.join(lockDir, 'pid'), 'utf8')).toBe(`${holder.pid}\n`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('does not remove a lock that another process took over meanwhile', async () => {
    const lockDir = path.join(scratch, 'taken', 'build.lock');
    const lock = await acquireLock(lockDir, { label: LABEL, holderIs: WAITING, report: () => {} });
    await rm(lockDir, { recursive: true });
    await plantLock(lockDir, '4242\n', new Date());
    lock.release();
    expect(await readFile(path.join(lockDir, 'pid'), 'utf8')).toBe('4242\n');
  });

  it('lets one process at a time in when several take over the same stale lock at once', async () => {
    const lockDir = path.join(scratch, 'race', 'build.lock');
    await plantLock(lockDir, `${deadPid()}\n`, new Date());
    const log = path.join(scratch, 'race', 'log.txt');
    const holderScript = [
      `import { appendFileSync } from 'node:fs';`,
      `import { acquireLock } from ${JSON.stringify(path.join(PROJECT, 'src/cli/file-lock.ts'))};`,
      `const lock = await acquireLock(${JSON.stringify(lockDir)}, { label: 'race', holderIs: 'another', report: (line) => console.error(line) });`,
      `appendFileSync(${JSON.stringify(log)}, 'in ' + process.pid + '\\n');`,
      `await new Promise((resolve) => setTimeout(resolve, 150));`,
      `appendFileSync(${JSON.stringify(log)}, 'out ' + process.pid + '\\n');`,
      `lock.release();`,
    ].join('\n');
    const runs = Array.from({ length: 4 }, () => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', holderScript], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      return new Promise<{ status: number | null; stderr: string }>((resolve) => child.on('close', (status) => resolve({ status, stderr })));
    });
    const results = await Promise.all(runs);
    expect(results.map((result) => result.status)).toEqual([0, 0, 0, 0]);
    const lines = (await readFile(log, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(8);
    for (let index = 0; index < lines.length; index += 2) {
      expect(lines[index]!.replace('in ', 'out ')).toBe(lines[index + 1]);
    }
    const takeovers = results.flatMap((result) => result.stderr.split('\n')).filter((line) => line.startsWith('taking over'));
    expect(takeovers).toHaveLength(1);
    expect(existsSync(lockDir)).toBe(false);
  });
});

describe('npm run build with a lock left behind', () => {
  let project: string;

  /** A copy of the project's code with its own .astro/, so this test's lock is not the one other suites build under. */
  beforeAll(async () => {
    project = path.join(scratch, 'project');
    await mkdir(project);
    for (const entry of ['src', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) await cp(path.join(PROJECT, entry), path.join(project, entry), { recursive: true });
    await symlink(path.join(PROJECT, 'node_modules'), path.join(project, 'node_modules'));
  });

  function build(out: string): { result: Promise<{ status: number | null; stdout: string; stderr: string }>; stderr(): string } {
    const child = spawn(process.execPath, [path.join(project, 'scripts/build.ts'), '--root', VALID_FIXTURE, '--out', out], {
      cwd: project,
      env: { ...process.env, AFTERMATH_NOW: '2026-11-26T12:00:00Z' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += stripVTControlCharacters(chunk.toString('utf8'))));
    return { stderr: () => stderr, result: new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr }))) };
  }

  it('takes over the lock of a build that was killed (kill -9) and builds', async () => {
    const pid = deadPid();
    const lockDir = path.join(project, '.astro', 'build.lock');
    // As a build killed by the machine left it with the earlier code: the pid alone.
    await plantLock(lockDir, String(pid), new Date(Date.parse('2026-11-26T10:00:00Z')));
    const out = path.join(scratch, 'after-dead');
    const { result } = build(out);
    const { status, stdout, stderr } = await result;
    expect(status, stderr).toBe(0);
    expect(stderr.split('\n').filter((line) => line.startsWith('build: '))).toEqual([`build: taking over the lock .astro/build.lock (started 2026-11-26T10:00:00Z): pid ${pid} is no longer running`]);
    expect(stdout).toContain(`built ${out}\n`);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(existsSync(lockDir)).toBe(false);
  });

  it('waits for a running build with one message naming its pid and start, and builds once it is gone', async () => {
    const holder = liveProcess();
    const lockDir = path.join(project, '.astro', 'build.lock');
    await plantLock(lockDir, `${holder.pid}\n2026-11-26T11:58:00.000Z\n`, new Date());
    const out = path.join(scratch, 'after-wait');
    const running = build(out);
    const deadline = Date.now() + 30_000;
    while (!running.stderr().includes('build: waiting') && Date.now() < deadline) await sleep(50);
    await sleep(1_000);
    const waiting = `build: waiting for another build to finish: pid ${holder.pid} has held the lock .astro/build.lock since 2026-11-26T11:58:00Z`;
    expect(running.stderr().split('\n').filter((line) => line.startsWith('build: '))).toEqual([waiting]);
    expect(existsSync(out)).toBe(false);
    holder.kill('SIGKILL');
    const { status, stderr } = await running.result;
    expect(status, stderr).toBe(0);
    expect(stderr.split('\n').filter((line) => line.startsWith('build: '))).toEqual([
      waiting,
      `build: taking over the lock .astro/build.lock (started 2026-11-26T11:58:00Z): pid ${holder.pid} is no longer running`,
    ]);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  });
});
