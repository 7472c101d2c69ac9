// A team replaces the example with `npm run init` and keeps a green CI: on a temporary copy of the project, the
// suites that build and read the example still pass, because no suite reads the root content/ and incidents/.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/sites.ts';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

/** Every file of the working tree git would commit, copied; node_modules linked (installing again would prove nothing here). */
async function projectCopy(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'aftermath-project-'));
  roots.push(root);
  const tracked = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: PROJECT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const file of tracked) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await cp(path.join(PROJECT, file), path.join(root, file)).catch((error: NodeJS.ErrnoException) => {
      // A file deleted in the working tree but still tracked is simply not part of this copy.
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await symlink(path.join(PROJECT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

describe('the project after npm run init', () => {
  it('checks and builds the new site, and the example suites pass on it', async () => {
    const root = await projectCopy();
    const init = spawnSync(
      process.execPath,
      ['scripts/init.ts', '--name', 'Team Status', '--base-url', 'https://team.github.io/status/', '--locale', 'en', '--time-zone', 'Europe/Berlin', '--severity', 'P0-P3', '--group', 'core:Core', '--service', 'api:API:core:15m:5m:99.9%', '--yes', '--force'],
      { cwd: root, encoding: 'utf8', input: '' },
    );
    expect(init.status, init.stderr).toBe(0);
    expect(await readdir(path.join(root, 'incidents'))).toEqual(['README.md']);
    // The commands a newcomer runs next, with no --root: the site in the working directory.
    expect(spawnSync(process.execPath, ['scripts/check.ts'], { cwd: root, encoding: 'utf8' }).stdout).toBe('ok: 0 incidents, 0 postmortems, 0 maintenance windows, 1 service checked\n');
    const suites = ['test/adoption/own-content.test.ts', 'test/example-site.e2e.test.ts', 'test/comms-commands.e2e.test.ts'];
    const run = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...suites], { cwd: root, encoding: 'utf8', timeout: 600_000, env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' } });
    expect(run.status, `${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`).toBe(0);
    expect(stripVTControlCharacters(run.stdout)).toMatch(/Test Files\s+3 passed \(3\)/);
  }, 660_000);

  it('has no suite that reads the root content as its example', async () => {
    const files = (await readdir(path.join(PROJECT, 'test'), { recursive: true })).filter((file) => file.endsWith('.ts'));
    const readsRoot = /(?:loadSite|loadModel|copyOf)\(PROJECT\b|path\.join\(PROJECT, '(?:content|incidents|public)'|'--root', PROJECT\b/;
    const offenders: string[] = [];
    for (const file of files) {
      // The safety-net test checks the root content on purpose; this file only names the patterns.
      if ([path.join('adoption', 'own-content.test.ts'), path.join('adoption', 'project-after-init.e2e.test.ts')].includes(file)) continue;
      if (readsRoot.test(await readFile(path.join(PROJECT, 'test', file), 'utf8'))) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

});
