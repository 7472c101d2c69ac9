// `npm run check` as the comms lead and CI run it: output lines, annotations and exit codes.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INVALID_FIXTURES, runScript, siteWithCase, VALID_FIXTURE } from './helpers/sites.ts';

const NOW = { AFTERMATH_NOW: '2026-11-26T12:00:00Z' };
const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('npm run check', () => {
  it('exits 0 and says what it checked on a valid site', () => {
    const result = runScript('check.ts', ['--root', VALID_FIXTURE], NOW);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('ok: 3 incidents, 1 postmortem, 1 maintenance window, 2 services checked');
  });

  it('exits 1 and prints one line per problem as path:line: field: problem', async () => {
    const root = await siteWithCase(path.join(INVALID_FIXTURES, 'status-not-allowed'));
    roots.push(root);
    const result = runScript('check.ts', ['--root', root], NOW);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('incidents/2026/INC-20261120-001/index.md:12: updates[0].status: found "solved" (did you mean "resolved"? expected one of: detecting, investigating, fixing, monitoring, resolved, closed, reopened)\n');
    expect(result.stderr).toBe('1 problem found\n');
  });

  it('prints GitHub annotations with --format github', async () => {
    const root = await siteWithCase(path.join(INVALID_FIXTURES, 'availability-out-of-range'));
    roots.push(root);
    const result = runScript('check.ts', ['--root', root, '--format', 'github'], NOW);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      '::error file=content/services.yaml,line=16,title=services[0].availability::services[0].availability: found "85%25" (expected a percentage between 90 and 100 such as 99.95%25)\n',
    );
  });

  it('exits 2 on an unknown option or format, checking nothing', () => {
    const unknownOption = runScript('check.ts', ['--fromat', 'github'], NOW);
    expect(unknownOption.status).toBe(2);
    expect(unknownOption.stderr).toContain("Unknown option '--fromat'");
    expect(unknownOption.stderr).toContain('usage: npm run check');
    const unknownFormat = runScript('check.ts', ['--format', 'json'], NOW);
    expect(unknownFormat.status).toBe(2);
    expect(unknownFormat.stderr).toContain('unknown format "json" (expected text or github)');
  });

  it('reports an AFTERMATH_NOW without an offset', () => {
    const result = runScript('check.ts', ['--root', VALID_FIXTURE], { AFTERMATH_NOW: '2026-11-26 12:00' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('AFTERMATH_NOW:0: now: found "2026-11-26 12:00" (expected an instant with an offset such as 2026-11-26T12:00:00Z)\n');
  });
});
