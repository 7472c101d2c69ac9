// The commands docs/cli.md shows run as written, on a copy of the example site, and leave it passing the check.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleSiteCopy } from './helpers/commands.ts';
import { PROJECT, runScript } from './helpers/sites.ts';

// 22:00 in Shanghai on 26 November: after the "--started 21:10" the example gives.
const NOW = '2026-11-26T14:00:00Z';
const roots: string[] = [];

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

/** The rest of the code block that contains `marker`. */
function codeAfter(markdown: string, marker: string): string {
  const start = markdown.indexOf(marker);
  const end = markdown.indexOf('```', start);
  if (start < 0 || end < 0) throw new Error(`no code block with "${marker}"`);
  return markdown.slice(start, end);
}

describe('docs/cli.md', () => {
  it('runs its "everything as flags" example as written', async () => {
    const root = await exampleSiteCopy();
    roots.push(root);
    const block = codeAfter(readFileSync(path.join(PROJECT, 'docs/cli.md'), 'utf8'), '# Everything as flags');
    const commands = block.replace(/\\\n\s*/g, '').split('\n').filter((line) => line.startsWith('npm run '));
    expect(commands).toHaveLength(6);
    // Each command as a reader would type it, pointed at the copy; bash does the quoting.
    const script = ['set -e', ...commands.map((line) => line.replace(/^npm run (\S+) --/, `npm run -s $1 -- --root "${root}"`))].join('\n');
    const result = spawnSync('bash', ['-c', script], { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, AFTERMATH_NOW: NOW }, input: '', timeout: 120_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n').map((line) => line.split(' ')[0])).toEqual(Array(6).fill('wrote'));
    const check = runScript('check.ts', ['--root', root], { AFTERMATH_NOW: NOW });
    expect(check.status, check.stdout).toBe(0);
  });
});
