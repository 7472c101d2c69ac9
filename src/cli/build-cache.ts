// Where a site's build keeps what the next build can reuse: Astro's content cache and the pages its incremental
// build copies when nothing they show has changed. One folder per site folder and kind of build (a preview
// renders drafts the deployed site must never show), under AFTERMATH_BUILD_CACHE or node_modules/.cache, which
// CI keeps between runs.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Another site's kept build nobody built for this long is removed. */
const UNUSED_FOR_MS = 30 * 24 * 3_600_000;

export function buildCacheFolder(root: string, preview: boolean, env: Record<string, string | undefined> = process.env): string {
  const base = env.AFTERMATH_BUILD_CACHE || path.join(projectDir, 'node_modules', '.cache', 'aftermath', 'astro');
  const folder = path.join(base, createHash('sha256').update(`${path.resolve(root)}\0${preview ? 'preview' : 'site'}`).digest('hex').slice(0, 32));
  mkdirSync(folder, { recursive: true });
  const now = new Date();
  utimesSync(folder, now, now);
  for (const name of readdirSync(base)) {
    const other = path.join(base, name);
    if (other !== folder && now.getTime() - statSync(other).mtimeMs > UNUSED_FOR_MS) rmSync(other, { recursive: true, force: true });
  }
  return folder;
}
