// A command's hold on a site: the validated content to work from, and writes that are checked and rolled back on failure.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isoInstant } from '../lib/time/format.ts';
import { loadSite, type SiteContent } from '../validation/load-site.ts';
import { formatProblem, type Problem } from '../validation/problem.ts';
import { DomainError, type CommandIO } from './command.ts';

export interface SiteSession {
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
export async function openSite(root: string, nowMs: number, io: CommandIO): Promise<SiteSession> {
  if (!existsSync(path.join(root, 'content', 'site.yaml'))) {
    throw new DomainError(`no site at ${root} (expected content/site.yaml there; pass --root <site folder>)`);
  }
  const loaded = await loadSite(root, checkEnv({ nowMs, io }));
  if (!loaded.ok) {
    const count = loaded.problems.length;
    throw new DomainError(`the site already has ${count} problem${count === 1 ? '' : 's'}; fix ${count === 1 ? 'it' : 'them'} first (npm run check); nothing was written`, problemLines(loaded.problems));
  }
  return { root, nowMs, content: loaded.content, io };
}

export interface FileWrite {
  /** Path relative to the site root, with forward slashes. */
  file: string;
  text: string;
}

function absolute(root: string, file: string): string {
  return path.join(root, ...file.split('/'));
}

/** The folders `mkdir -p` would create for `file`, outermost first, so a rollback can remove exactly those. */
function missingFolders(root: string, file: string): string[] {
  const missing: string[] = [];
  for (let folder = path.dirname(absolute(root, file)); folder.startsWith(root) && folder !== root && !existsSync(folder); folder = path.dirname(folder)) {
    missing.unshift(folder);
  }
  return missing;
}

/**
 * Writes the files, then checks the whole site as `npm run check` would. If anything is wrong, every file is put
 * back as it was (new files and the folders made for them removed) and the problems are reported: the command
 * never leaves a tree that fails the check. Prints `wrote <path>` per file on success.
 */
export async function writeChecked(session: SiteSession, writes: readonly FileWrite[]): Promise<void> {
  const previous = new Map<string, string | undefined>();
  const createdFolders: string[] = [];
  try {
    for (const { file, text } of writes) {
      const target = absolute(session.root, file);
      previous.set(file, existsSync(target) ? await readFile(target, 'utf8') : undefined);
      const folders = missingFolders(session.root, file);
      createdFolders.push(...folders);
      if (folders.length > 0) await mkdir(folders[folders.length - 1]!, { recursive: true });
      await writeFile(target, text, 'utf8');
    }
    const checked = await loadSite(session.root, checkEnv(session));
    if (!checked.ok) {
      await rollBack(session.root, previous, createdFolders);
      const count = checked.problems.length;
      throw new DomainError(`the result would not pass the check (${count} problem${count === 1 ? '' : 's'}); nothing was changed`, problemLines(checked.problems));
    }
  } catch (error) {
    if (!(error instanceof DomainError)) await rollBack(session.root, previous, createdFolders);
    throw error;
  }
  for (const { file } of writes) session.io.stdout.write(`wrote ${file}\n`);
}

async function rollBack(root: string, previous: ReadonlyMap<string, string | undefined>, createdFolders: readonly string[]): Promise<void> {
  for (const [file, text] of previous) {
    if (text === undefined) await rm(absolute(root, file), { force: true });
    else await writeFile(absolute(root, file), text, 'utf8');
  }
  for (const folder of [...createdFolders].reverse()) await rm(folder, { recursive: true, force: true });
}
