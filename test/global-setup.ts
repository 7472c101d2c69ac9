// Builds the example site once, at a fixed "now", for every end-to-end suite that only reads it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { EXAMPLE_FIXTURE, runScript } from './helpers/sites.ts';

export const EXAMPLE_NOW = '2026-11-26T00:00:00Z';

declare module 'vitest' {
  export interface ProvidedContext {
    exampleSite: string;
    exampleNow: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'aftermath-example-'));
  // The suites build hundreds of throwaway sites: their kept builds and check outcomes go with this run, not into
  // node_modules/.cache, where each temporary folder would leave its own for a month. Workers inherit these.
  process.env.AFTERMATH_BUILD_CACHE ??= path.join(scratch, 'build-cache');
  process.env.AFTERMATH_VALIDATION_CACHE ??= path.join(scratch, 'validation-cache');
  const out = path.join(scratch, 'site');
  const build = runScript('build.ts', ['--root', EXAMPLE_FIXTURE, '--out', out], { AFTERMATH_NOW: EXAMPLE_NOW });
  if (build.status !== 0) throw new Error(`building the example site failed:\n${build.stdout}\n${build.stderr}`);
  project.provide('exampleSite', out);
  project.provide('exampleNow', EXAMPLE_NOW);
  return async () => {
    await rm(scratch, { recursive: true, force: true });
  };
}
