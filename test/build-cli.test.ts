// `npm run build -- --help` says what the build does and how to call it, and builds nothing.
import { describe, expect, it } from 'vitest';
import { runScript } from './helpers/sites.ts';

describe('npm run build -- --help', () => {
  it('prints what the build does and its usage, exits 0, and builds nothing', () => {
    const result = runScript('build.ts', ['--help', '--out', '/nonexistent/should-not-be-made']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Checks the site, then builds it into a folder of static files');
    expect(result.stdout).toContain('usage: npm run build -- [--root <site folder>] [--out <output folder>] [--preview] [--help]');
    expect(result.stderr).toBe('');
  });

  it('refuses an unknown option with the usage, exit 2', () => {
    const result = runScript('build.ts', ['--nope']);
    expect([result.status, result.stderr]).toEqual([2, "build: Unknown option '--nope'\nusage: npm run build -- [--root <site folder>] [--out <output folder>] [--preview] [--help]\n"]);
  });
});
