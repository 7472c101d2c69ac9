// Folder locks for the build and the comms commands: one holder at a time, a dead holder's lock taken over, a live one waited for.
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A holder that has not shown a sign of life for this long is gone, whatever its pid says (the pid may have been reused). */
export const STALE_AFTER_MS = 30 * 60 * 1000;
/** A lock folder whose pid file is missing, empty or unreadable is given this long to be written before it counts as stale. */
export const UNREADABLE_GRACE_MS = 5_000;
/** A live holder touches its pid file this often, so only a holder that stopped running ages past STALE_AFTER_MS. */
const HEARTBEAT_MS = 10_000;
const POLL_MS = 200;
/** A takeover takes milliseconds; a takeover folder older than this was left by a process killed in the middle of one. */
const TAKEOVER_STALE_MS = 10_000;

export interface LockOptions {
  /** How the lock is named in messages, such as `.astro/build.lock`. */
  label: string;
  /** What the holder is doing, for the waiting message: `another build`, `another command on this site`. */
  holderIs: string;
  /** Receives the one-line messages: waiting (once per holder) and takeovers. */
  report(line: string): void;
  /** Stops the wait (Ctrl+C while waiting); the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  clockMs?: () => number;
}

export interface HeldLock {
  /** Removes the lock if it is still this process's; idempotent. */
  release(): void;
}

interface Holder {
  /** undefined when the pid file is missing, empty or not a number. */
  pid: number | undefined;
  startedMs: number;
  /** When the holder last touched its pid file (or made the folder, without one). */
  lastSignMs: number;
  /** The lock folder's identity, so a takeover removes the folder it judged and not a newer one. */
  inode: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockDir: string): Holder | undefined {
  let folder;
  try {
    folder = lstatSync(lockDir);
  } catch {
    return undefined;
  }
  let pid: number | undefined;
  let startedMs = folder.mtimeMs;
  let lastSignMs = folder.mtimeMs;
  try {
    const pidFile = path.join(lockDir, 'pid');
    lastSignMs = lstatSync(pidFile).mtimeMs;
    const [pidLine = '', startedLine = ''] = readFileSync(pidFile, 'utf8').split('\n');
    const parsed = Number(pidLine.trim());
    if (Number.isInteger(parsed) && parsed > 0) pid = parsed;
    const started = Date.parse(startedLine.trim());
    if (!Number.isNaN(started)) startedMs = started;
  } catch {
    // Missing or unreadable: judged by the folder's age below.
  }
  return { pid, startedMs, lastSignMs, inode: folder.ino };
}

/** Why a holder no longer holds the lock, or undefined while it may still be working. */
function staleReason(holder: Holder, nowMs: number): string | undefined {
  if (holder.pid === undefined) {
    return nowMs - holder.lastSignMs > UNREADABLE_GRACE_MS ? `its pid file is missing or unreadable and it is older than ${UNREADABLE_GRACE_MS / 1000} s` : undefined;
  }
  if (!isAlive(holder.pid)) return `pid ${holder.pid} is no longer running`;
  if (nowMs - holder.lastSignMs > STALE_AFTER_MS) return `pid ${holder.pid} has not touched it for more than ${STALE_AFTER_MS / 60_000} minutes`;
  return undefined;
}

function startedText(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Creates the lock folder complete with its pid file in one rename, so no reader ever sees a lock without an owner. */
function tryCreate(lockDir: string, nowMs: number): boolean {
  const draft = mkdtempSync(`${lockDir}.new-`);
  try {
    writeFileSync(path.join(draft, 'pid'), `${process.pid}\n${new Date(nowMs).toISOString()}\n`);
    renameSync(draft, lockDir);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EISDIR' || code === 'ENOTDIR') return false;
    throw error;
  } finally {
    rmSync(draft, { recursive: true, force: true });
  }
}

/**
 * Removes a stale lock, but only the one judged stale: two waiters may judge the same dead holder at once, and
 * the slower one must not remove the lock the faster one has just taken. A short-lived takeover folder lets one
 * waiter at a time re-read the lock and remove it.
 */
function takeOver(lockDir: string, judged: Holder, nowMs: number): boolean {
  const takeover = `${lockDir}.takeover`;
  try {
    mkdirSync(takeover);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (nowMs - lstatSync(takeover).mtimeMs > TAKEOVER_STALE_MS) rmSync(takeover, { recursive: true, force: true });
    } catch {
      // Gone meanwhile: the next poll tries again.
    }
    return false;
  }
  try {
    const current = readHolder(lockDir);
    if (current === undefined || current.inode !== judged.inode || current.pid !== judged.pid || staleReason(current, nowMs) === undefined) return false;
    rmSync(lockDir, { recursive: true, force: true });
    return true;
  } finally {
    rmSync(takeover, { recursive: true, force: true });
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function hold(lockDir: string): HeldLock {
  const inode = lstatSync(lockDir).ino;
  const pidFile = path.join(lockDir, 'pid');
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(pidFile, now, now);
    } catch {
      // Taken over (this process was stopped too long) or removed: release() leaves the new holder's lock alone.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    clearInterval(heartbeat);
    process.off('exit', release);
    const current = readHolder(lockDir);
    if (current?.inode === inode && current.pid === process.pid) rmSync(lockDir, { recursive: true, force: true });
  };
  // A plain exit or an uncaught error still frees the lock; a kill -9 leaves it to be taken over as stale.
  process.on('exit', release);
  return { release };
}

/**
 * Takes the lock folder `lockDir`, waiting while a live process holds it. A stale lock (its pid no longer running,
 * untouched for STALE_AFTER_MS, or without a readable pid after UNREADABLE_GRACE_MS) is taken over, saying so.
 */
export async function acquireLock(lockDir: string, options: LockOptions): Promise<HeldLock> {
  const clock = options.clockMs ?? Date.now;
  mkdirSync(path.dirname(lockDir), { recursive: true });
  let announced: number | undefined;
  for (;;) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (tryCreate(lockDir, clock())) return hold(lockDir);
    const holder = readHolder(lockDir);
    if (holder === undefined) continue;
    const reason = staleReason(holder, clock());
    if (reason !== undefined) {
      if (takeOver(lockDir, holder, clock())) {
        options.report(`taking over the lock ${options.label} (started ${startedText(holder.startedMs)}): ${reason}`);
        continue;
      }
    } else if (announced !== holder.inode) {
      announced = holder.inode;
      const who = holder.pid === undefined ? 'a process that has not written its pid yet' : `pid ${holder.pid}`;
      options.report(`waiting for ${options.holderIs} to finish: ${who} has held the lock ${options.label} since ${startedText(holder.startedMs)}`);
    }
    await sleep(POLL_MS, options.signal);
  }
}
