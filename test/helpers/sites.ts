// Temporary copies of fixture sites, and running the project's own commands on them as a user would.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VALID_FIXTURE = path.join(PROJECT, 'test/fixtures/valid');
/**
 * The bundled example site as the suites know it. The root content/ and incidents/ belong to the team that
 * adopts the project (npm run init replaces them), so no suite reads them: it reads this copy.
 */
export const EXAMPLE_FIXTURE = path.join(PROJECT, 'test/fixtures/example');
export const INVALID_FIXTURES = path.join(PROJECT, 'test/fixtures/invalid');

/** A fresh copy of the valid fixture with a bad-input case laid over it (files replaced, added or removed). */
export async function siteWithCase(caseDir: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'aftermath-case-'));
  await cp(VALID_FIXTURE, root, { recursive: true });
  const removals = path.join(caseDir, 'remove.txt');
  if (existsSync(removals)) {
    for (const file of (await readFile(removals, 'utf8')).split('\n').filter(Boolean)) await rm(path.join(root, file));
  }
  await cp(path.join(caseDir, 'site'), root, { recursive: true });
  return root;
}

export async function copyOf(source: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'aftermath-site-'));
  await cp(source, root, { recursive: true, filter: (file) => !/[/\\](node_modules|dist|\.astro|\.git)$/.test(file) });
  return root;
}

export interface CommandResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's scripts with the Node running the tests (the project's pinned Node). */
export function runScript(script: string, args: readonly string[], env: Record<string, string> = {}): CommandResult {
  const result = spawnSync(process.execPath, [path.join(PROJECT, 'scripts', script), ...args], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 300_000,
  });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** Builds the site in `root` at the fixed `now` into a new temporary folder (`…/site`), as a user's `npm run build` would; throws with the build's messages if it fails. */
export async function buildIntoTemp(root: string, now: string): Promise<string> {
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'aftermath-built-')), 'site');
  const build = runScript('build.ts', ['--root', root, '--out', out], { AFTERMATH_NOW: now });
  if (build.status !== 0) throw new Error(`the build of ${root} exited with ${build.status}:\n${build.stderr}`);
  return out;
}

/** Removes a test's site and the temporary folder buildIntoTemp built it into. */
export async function removeSiteAndBuild(root: string | undefined, out: string | undefined): Promise<void> {
  if (root) await rm(root, { recursive: true, force: true });
  if (out) await rm(path.dirname(out), { recursive: true, force: true });
}
