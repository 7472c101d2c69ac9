// A kept build is reused only by the code that made it: another version of the pages, the styles, the Astro
// configuration or a library empties it, so no copied page can link a stylesheet the new build no longer writes.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCacheFolder } from '../src/cli/build-cache.ts';
import { codeFingerprint, projectFolder } from '../src/lib/files/code-fingerprint.ts';

describe('the kept build of a site', () => {
  it('is kept for the same code and emptied when the code that made it differs', () => {
    const env = { AFTERMATH_BUILD_CACHE: mkdtempSync(path.join(tmpdir(), 'aftermath-build-cache-')) };
    const folder = buildCacheFolder('/sites/acme', false, env);
    expect(readFileSync(path.join(folder, 'code-fingerprint'), 'utf8')).toBe(codeFingerprint(projectFolder()!));
    writeFileSync(path.join(folder, 'page.html'), 'kept');
    expect(buildCacheFolder('/sites/acme', false, env)).toBe(folder);
    expect(existsSync(path.join(folder, 'page.html'))).toBe(true);

    // As if an older version of the project (other styles, another astro.config.mjs) had built it.
    writeFileSync(path.join(folder, 'code-fingerprint'), 'made by other code');
    expect(buildCacheFolder('/sites/acme', false, env)).toBe(folder);
    expect(existsSync(path.join(folder, 'page.html'))).toBe(false);
    expect(readFileSync(path.join(folder, 'code-fingerprint'), 'utf8')).toBe(codeFingerprint(projectFolder()!));
  });

  it('keeps a preview apart from the deployed site, and one site apart from another', () => {
    const env = { AFTERMATH_BUILD_CACHE: mkdtempSync(path.join(tmpdir(), 'aftermath-build-cache-')) };
    const folders = new Set([buildCacheFolder('/sites/acme', false, env), buildCacheFolder('/sites/acme', true, env), buildCacheFolder('/sites/other', false, env)]);
    expect(folders.size).toBe(3);
  });
});
