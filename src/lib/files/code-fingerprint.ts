// The fingerprint of the code that turns content into output: what a kept outcome (a check's, a built page) was
// made by. Anything kept under another fingerprint was made by other code and is never reused.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder: the nearest folder above this module (or the working folder) holding this module itself. */
export function projectFolder(): string | undefined {
  const candidates = [path.dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of candidates) {
    for (let folder = start; ; folder = path.dirname(folder)) {
      if (existsSync(path.join(folder, 'src/lib/files/code-fingerprint.ts')) && existsSync(path.join(folder, 'package.json'))) return folder;
      if (path.dirname(folder) === folder) break;
    }
  }
  return undefined;
}

function* sourceFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.isFile()) yield full;
  }
}

/** Files outside src/ that change what is built: the build's configuration and the exact version of every library. */
const CONFIGURATION_FILES = ['astro.config.mjs', 'package-lock.json'];

/**
 * Everything besides the content that decides what checking and building produce: the project's source (schemas,
 * rules, messages, pages, styles), the Astro configuration (a stylesheet option changes every page's links) and
 * the lockfile. Any change to one gives a new fingerprint. Worked out once per process per project: a process
 * runs one version of the code.
 */
export function codeFingerprint(project: string): string {
  let fingerprint = fingerprints.get(project);
  if (fingerprint === undefined) {
    const hash = createHash('sha256');
    const files = [...sourceFiles(path.join(project, 'src')), ...CONFIGURATION_FILES.map((file) => path.join(project, file)).filter((file) => existsSync(file))];
    for (const file of files) hash.update(path.relative(project, file)).update('\0').update(readFileSync(file)).update('\0');
    fingerprint = hash.digest('hex');
    fingerprints.set(project, fingerprint);
  }
  return fingerprint;
}

const fingerprints = new Map<string, string>();
