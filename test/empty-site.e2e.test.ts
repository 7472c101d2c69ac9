// A site that has services but no incident, postmortem or maintenance yet (a team's first build) builds in silence
// and says everything is operational.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, runScript, type CommandResult } from './helpers/sites.ts';

const EMPTY_SITE = path.join(PROJECT, 'test/fixtures/empty-site');
let scratch: string;
let out: string;
let build: CommandResult;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'aftermath-empty-'));
  out = path.join(scratch, 'site');
  build = runScript('build.ts', ['--root', EMPTY_SITE, '--out', out], { AFTERMATH_NOW: '2026-11-26T12:00:00Z' });
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function page(file: string) {
  return parse(await readFile(path.join(out, file), 'utf8'));
}

describe('a site with services and nothing else', () => {
  it('builds without a single warning', () => {
    expect(build.status, build.stderr).toBe(0);
    const warnings = `${build.stdout}\n${build.stderr}`.split('\n').filter((line) => line.includes('[WARN]'));
    expect(warnings).toEqual([]);
  });

  it('says on the status page that all systems are operational, service by service', async () => {
    const status = await page('index.html');
    expect(status.querySelector('.banner')?.text.trim()).toBe('All systems operational');
    const services = status.querySelectorAll('.service-head').map((row) => [row.querySelector('.service-name')?.text, row.querySelector('.state')?.text.trim()]);
    expect(services).toEqual([
      ['Website', 'Operational'],
      ['REST API', 'Operational'],
    ]);
    expect(status.querySelectorAll('.incident-card')).toHaveLength(0);
    expect((await page('zh-cn/index.html')).querySelector('.banner')?.text.trim()).toBe('所有系统运行正常');
  });

  it('has an empty incident history and postmortem archive rather than none', async () => {
    expect((await page('incidents/index.html')).querySelector('main')?.text).toContain('No incidents recorded.');
    expect((await page('postmortems/index.html')).querySelector('main')?.text).toContain('No postmortems published yet.');
  });
});
