// Replacing files so that a reader, a crash or Ctrl+C finds each one with its old text or its new text, never part of either.
import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface StagedFile {
  target: string;
  /** The new text, complete and flushed, in a file beside the target (same folder, so the rename is atomic). */
  temp: string;
  /** Folders made for a new file, outermost first, removed again if the write does not happen. */
  createdFolders: string[];
}

/**
 * Hidden, so no glob takes it for content, and named unmistakably as ours should a kill -9 leave one behind (the
 * check then reports it); the pid and random part keep two processes from ever sharing one.
 */
function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.aftermath-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** The folders `mkdir -p` would create for `target` under `root`, outermost first. */
function missingFolders(root: string, target: string): string[] {
  const missing: string[] = [];
  for (let folder = path.dirname(target); folder.startsWith(root) && folder !== root && !existsSync(folder); folder = path.dirname(folder)) {
    missing.unshift(folder);
  }
  return missing;
}

/** Writes `text` beside `target` under `root`, flushed to disk, ready to be renamed over it. */
export async function stageFile(root: string, target: string, text: string): Promise<StagedFile> {
  const createdFolders = missingFolders(root, target);
  if (createdFolders.length > 0) mkdirSync(createdFolders[createdFolders.length - 1]!, { recursive: true });
  const staged = { target, temp: tempNameFor(target), createdFolders };
  try {
    const handle = await open(staged.temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    discardStaged([staged]);
    throw error;
  }
  return staged;
}

/** Removes temporary files and the folders made for them; safe to call on files already committed (nothing left to do). */
export function discardStaged(staged: readonly StagedFile[]): void {
  for (const { temp, createdFolders } of staged) {
    rmSync(temp, { force: true });
    for (const folder of [...createdFolders].reverse()) {
      try {
        rmdirSync(folder);
      } catch {
        // Not empty (the file is there) or already gone.
      }
    }
  }
}

/**
 * Renames every staged file over its target. Synchronous on purpose: a signal handler cannot run in between, so
 * Ctrl+C lands before the first rename or after the last. If a rename fails, the files already replaced get their
 * `previous` text back (or are removed when they are new) and the error is thrown.
 */
export function commitStaged(staged: readonly StagedFile[], previous: readonly (string | null)[]): void {
  for (let index = 0; index < staged.length; index += 1) {
    const file = staged[index]!;
    try {
      renameSync(file.temp, file.target);
    } catch (error) {
      for (let undo = index - 1; undo >= 0; undo -= 1) {
        const done = staged[undo]!;
        const text = previous[undo];
        if (text === null || text === undefined) {
          rmSync(done.target, { force: true });
        } else {
          const temp = tempNameFor(done.target);
          writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
          renameSync(temp, done.target);
        }
      }
      discardStaged(staged);
      throw error;
    }
  }
}
