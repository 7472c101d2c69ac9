// Every kind of bad input: the exact message, the file and line it names, and that the build writes nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../src/validation/problem.ts';
import { loadSite } from '../src/validation/load-site.ts';
import { INVALID_FIXTURES, PROJECT, runScript, siteWithCase, VALID_FIXTURE } from './helpers/sites.ts';

const NOW = { AFTERMATH_NOW: '2026-11-26T12:00:00Z' };
const cases = readdirSync(INVALID_FIXTURES).sort();
const roots: string[] = [];

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('the valid fixture, every optional field filled', () => {
  it('passes the check cleanly', async () => {
    const result = await loadSite(VALID_FIXTURE, NOW);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });
});

describe('the bad-input corpus', () => {
  it('has at least 30 cases, each with an expected message', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const name of cases) expect(existsSync(path.join(INVALID_FIXTURES, name, 'expected.txt')), name).toBe(true);
  });

  describe.concurrent.each(cases)('%s', (name) => {
    const caseDir = path.join(INVALID_FIXTURES, name);
    const expected = readFileSync(path.join(caseDir, 'expected.txt'), 'utf8').trim().split('\n');

    it('is reported with the exact file, line, field and expectation', async () => {
      const root = await siteWithCase(caseDir);
      roots.push(root);
      const result = await loadSite(root, NOW);
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual(expected);
    });

    it('fails the build, which prints the same lines and writes nothing', async () => {
      const root = await siteWithCase(caseDir);
      roots.push(root);
      const out = path.join(root, 'dist');
      const build = runScript('build.ts', ['--root', root, '--out', out], NOW);
      expect(build.status).toBe(1);
      for (const line of expected) expect(build.stderr).toContain(line);
      expect(build.stderr).toContain('nothing was written');
      expect(existsSync(out)).toBe(false);
      expect((await readdir(root)).filter((entry) => entry.startsWith('.build-tmp'))).toEqual([]);
    });
  });
});

describe('several mistakes at once', () => {
  it('are all reported in one run, in file and line order', async () => {
    const names = ['availability-out-of-range', 'status-not-allowed', 'action-item-due-not-a-date', 'maintenance-unknown-service'];
    const root = await siteWithCase(path.join(INVALID_FIXTURES, names[0]!));
    roots.push(root);
    for (const name of names.slice(1)) await cp(path.join(INVALID_FIXTURES, name, 'site'), root, { recursive: true });
    const result = await loadSite(root, NOW);
    const expected = names.flatMap((name) => readFileSync(path.join(INVALID_FIXTURES, name, 'expected.txt'), 'utf8').trim().split('\n'));
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([...expected].sort((a, b) => a.split(':')[0]!.localeCompare(b.split(':')[0]!) || Number(a.split(':')[1]) - Number(b.split(':')[1])));
  });
});

describe('astro build on its own', () => {
  it('stops in the content loader with the same message and writes no page', async () => {
    const root = await siteWithCase(path.join(INVALID_FIXTURES, 'impact-not-allowed'));
    roots.push(root);
    const out = path.join(root, 'astro-out');
    const result = spawnSync(process.execPath, [path.join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: PROJECT,
      encoding: 'utf8',
      env: { ...process.env, ...NOW, AFTERMATH_ROOT: root, AFTERMATH_OUT_DIR: out, AFTERMATH_CACHE_DIR: path.join(root, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
      timeout: 300_000,
    });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('incidents/2026/INC-20261120-001/index.md:9: services[0].impact: found "partial" (expected one of: degraded, partial_outage, major_outage)');
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });
});
