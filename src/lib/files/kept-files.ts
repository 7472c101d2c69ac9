// Files kept between runs (social cards, check outcomes, kept builds) and files handed between processes: how
// they are replaced so no reader sees half of one, and how a folder of them is kept from growing forever.
import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What was kept and has not been used (read or written) for this long is removed. */
export const UNUSED_FOR_MS = 30 * 24 * 3_600_000;

/** Removes each entry of `folder`, file or folder, not modified for UNUSED_FOR_MS, except `keep`. */
export function removeUnusedEntries(folder: string, keep?: string, nowMs: number = Date.now()): void {
  for (const name of readdirSync(folder)) {
    const entry = path.join(folder, name);
    if (entry !== keep && nowMs - statSync(entry).mtimeMs > UNUSED_FOR_MS) rmSync(entry, { recursive: true, force: true });
  }
}

/**
 * Writes `bytes` beside `file` and renames them over it, so another process reading at the same time gets the old
 * file or the new one whole; on failure the temporary file is removed and the error thrown.
 */
export function replaceFile(file: string, bytes: string | Uint8Array): void {
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
