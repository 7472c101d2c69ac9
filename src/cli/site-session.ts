// A command's hold on a site: the validated content to work from, and the one checked, atomic way to write to it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isoInstant } from '../lib/time/format.ts';
import { loadSite, type SiteContent } from '../validation/load-site.ts';
import { formatProblem, type Problem } from '../validation/problem.ts';
import { commitStaged, discardStaged, stageFile, type StagedFile } from './atomic-write.ts';
import { DomainError, InterruptedError, type CommandIO } from './command.ts';
import { acquireLock, type HeldLock } from './file-lock.ts';

export interface SiteSession {
  /** The command's name as the user typed it (`new:update`), for the lines it prints itself. */
  command: string;
  root: string;
  nowMs: number;
  content: SiteContent;
  io: CommandIO;
}

/** The environment the check runs with: the command's "now", so what it just wrote is not "in the future". */
function checkEnv(session: Pick<SiteSession, 'nowMs' | 'io'>): Record<string, string | undefined> {
  return { ...session.io.env, AFTERMATH_NOW: isoInstant(session.nowMs) };
}

function problemLines(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem);
}

/** Loads and checks the whole site first: a command only builds on a site that passes `npm run check`. */
export async function openSite(command: string, root: string, nowMs: number, io: CommandIO): Promise<SiteSession> {
  if (!existsSync(path.join(root, 'content', 'site.yaml'))) {
    throw new DomainError(`no site at ${root} (expected content/site.yaml there; pass --root <site folder>)`);
  }
  const loaded = await loadSite(root, checkEnv({ nowMs, io }));
  if (!loaded.ok) {
    const count = loaded.problems.length;
    throw new DomainError(`the site already has ${count} problem${count === 1 ? '' : 's'}; fix ${count === 1 ? 'it' : 'them'} first (npm run check); nothing was written`, problemLines(loaded.problems));
  }
  return { command, root, nowMs, content: loaded.content, io };
}

export interface FileWrite {
  /** Path relative to the site root, with forward slashes. */
  file: string;
  text: string;
  /** The file's text the new one was made from, as the command read it; null for a file the command creates. */
  before: string | null;
}

/** The per-site lock folder, in the site root: one command writes a site at a time. */
export const SITE_LOCK = '.aftermath.lock';

function absolute(root: string, file: string): string {
  return path.join(root, ...file.split('/'));
}

function currentText(target: string): string | null {
  try {
    return readFileSync(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function changedSinceRead(file: string, before: string | null, now: string | null): string | undefined {
  if (now === before) return undefined;
  const again = 'nothing was written; run the command again to build on what is there now';
  if (before === null) return `${file}: was created while this command ran (expected it not to exist yet); ${again}`;
  if (now === null) return `${file}: was removed while this command ran; ${again}`;
  return `${file}: was changed while this command ran (by another command or an editor); ${again}`;
}

const STOPPING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** While installed, Ctrl+C (and TERM, HUP) is recorded instead of ending the process mid-write, and aborts the lock wait. */
function deferStoppingSignals(): { signal: AbortSignal; throwIfStopped(): void; restore(): void } {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => controller.abort(new InterruptedError(signal));
  for (const name of STOPPING_SIGNALS) process.on(name, onSignal);
  return {
    signal: controller.signal,
    throwIfStopped: () => {
      if (controller.signal.aborted) throw controller.signal.reason;
    },
    restore: () => {
      for (const name of STOPPING_SIGNALS) process.off(name, onSignal);
    },
  };
}

/**
 * The one way the commands write. Under the site's lock, it re-reads each file and refuses if it is not the text
 * the command built on, checks the whole site with the new texts in place as `npm run check` would, and only then
 * writes each file to a temporary neighbour and renames it over the old one. The lock keeps two commands from
 * interleaving; the comparison also catches an editor or a command that wrote while this one waited at a prompt,
 * which no lock held only around the write could. A failed check, a refusal or Ctrl+C leaves every file as it
 * was and no temporary file behind. Prints `wrote <path>` per file on success, or their number (an import's thousands).
 */
export async function writeChecked(session: Pick<SiteSession, 'command' | 'root' | 'nowMs' | 'io'>, writes: readonly FileWrite[], report: 'each file' | 'count' = 'each file'): Promise<void> {
  const stopping = deferStoppingSignals();
  let lock: HeldLock | undefined;
  let staged: StagedFile[] = [];
  try {
    lock = await acquireLock(path.join(session.root, SITE_LOCK), {
      label: SITE_LOCK,
      holderIs: 'another command writing this site',
      report: (line) => session.io.stderr.write(`${session.command}: ${line}\n`),
      signal: stopping.signal,
    });
    for (const { file, before } of writes) {
      const changed = changedSinceRead(file, before, currentText(absolute(session.root, file)));
      if (changed) throw new DomainError(changed);
    }
    const checked = await loadSite(session.root, checkEnv(session), session.nowMs, new Map(writes.map((write) => [write.file, write.text])));
    if (!checked.ok) {
      const count = checked.problems.length;
      throw new DomainError(`the result would not pass the check (${count} problem${count === 1 ? '' : 's'}); nothing was changed`, problemLines(checked.problems));
    }
    stopping.throwIfStopped();
    for (const { file, text } of writes) staged.push(await stageFile(session.root, absolute(session.root, file), text));
    // No await from here to the last rename: a signal is handled before the commit or after it, never during.
    stopping.throwIfStopped();
    commitStaged(staged, writes.map((write) => write.before));
    staged = [];
  } finally {
    discardStaged(staged);
    lock?.release();
    stopping.restore();
  }
  // A signal that arrived during the renames was too late to stop them: the files are written and checked.
  if (report === 'count') session.io.stdout.write(`wrote ${writes.length} file${writes.length === 1 ? '' : 's'}\n`);
  else for (const { file } of writes) session.io.stdout.write(`wrote ${file}\n`);
}
