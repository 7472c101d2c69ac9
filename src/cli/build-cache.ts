// Where a site's build keeps what the next build can reuse: Astro's content cache and the pages its incremental
// build copies when nothing they show has changed. One folder per site folder and kind of build (a preview
// renders drafts the deployed site must never show), under AFTERMATH_BUILD_CACHE or node_modules/.cache, which
// CI keeps between runs. A kept build made by other code (another version of the pages, styles, Astro
// configuration or libraries) is emptied before the build: Astro's incremental build copies a page whose own code
// and cacheKey are unchanged, but not when a configuration option or a stylesheet it links changed, and a copied
// page would then link a stylesheet that is no longer built.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeFingerprint } from '../lib/files/code-fingerprint.ts';
import { removeUnusedEntries, replaceFile } from '../lib/files/kept-files.ts';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function buildCacheFolder(root: string, preview: boolean, env: Record<string, string | undefined> = process.env): string {
  const base = env.AFTERMATH_BUILD_CACHE || path.join(projectDir, 'node_modules', '.cache', 'aftermath', 'astro');
  const folder = path.join(base, createHash('sha256').update(`${path.resolve(root)}\0${preview ? 'preview' : 'site'}`).digest('hex').slice(0, 32));
  const fingerprintFile = path.join(folder, 'code-fingerprint');
  const fingerprint = codeFingerprint(projectDir);
  let keptFingerprint: string | undefined;
  try {
    keptFingerprint = readFileSync(fingerprintFile, 'utf8');
  } catch {
    // Nothing kept yet, or kept before fingerprints: emptied below either way.
  }
  if (keptFingerprint !== fingerprint) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    replaceFile(fingerprintFile, fingerprint);
  }
  const now = new Date();
  utimesSync(folder, now, now);
  // Other sites' kept builds nobody built for a month go.
  removeUnusedEntries(base, folder);
  return folder;
}
