// The check keeps what it found in each file between runs, keyed by the file's text: a second run must report
// exactly what a first run does, at the same lines, and a file changed in between must be checked again.
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../src/validation/problem.ts';
import { loadSite } from '../src/validation/load-site.ts';
import type { FileOutcome } from '../src/validation/validation-cache.ts';
import { INVALID_FIXTURES, siteWithCase, VALID_FIXTURE, copyOf } from './helpers/sites.ts';

const NOW = { AFTERMATH_NOW: '2026-11-26T12:00:00Z' };
const cases = readdirSync(INVALID_FIXTURES).sort();
const made: string[] = [];
let cacheFolder: string;
let previousSetting: string | undefined;

beforeAll(async () => {
  cacheFolder = await mkdtemp(path.join(os.tmpdir(), 'aftermath-validation-cache-'));
  made.push(cacheFolder);
  previousSetting = process.env.AFTERMATH_VALIDATION_CACHE;
  process.env.AFTERMATH_VALIDATION_CACHE = cacheFolder;
});

afterAll(async () => {
  if (previousSetting === undefined) delete process.env.AFTERMATH_VALIDATION_CACHE;
  else process.env.AFTERMATH_VALIDATION_CACHE = previousSetting;
  await Promise.all(made.map((folder) => rm(folder, { recursive: true, force: true })));
});

const lines = async (root: string) => {
  const result = await loadSite(root, NOW);
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('a second check of the same files', () => {
  it.each(cases)('%s: reports the same problems at the same lines as the first', async (name) => {
    const root = await siteWithCase(path.join(INVALID_FIXTURES, name));
    made.push(root);
    const expected = readFileSync(path.join(INVALID_FIXTURES, name, 'expected.txt'), 'utf8').trim().split('\n');
    expect(await lines(root)).toEqual(expected);
    // Cross-file messages on a kept file name its lines, which are read again from its text.
    expect(await lines(root)).toEqual(expected);
  });

  it('reads what the first run kept (a kept outcome is reported as kept)', async () => {
    const root = await copyOf(VALID_FIXTURE);
    made.push(root);
    expect(await lines(root)).toEqual([]);
    const [keptFile] = readdirSync(cacheFolder).filter((name) => name.endsWith('.v8') && readFileSync(path.join(cacheFolder, name)).length > 0);
    expect(keptFile).toBeDefined();
    // Every file's kept outcome gets a problem no checker writes; the next run must report it for each file.
    const file = path.join(cacheFolder, keptFile!);
    for (const name of readdirSync(cacheFolder).filter((entry) => entry.endsWith('.v8'))) {
      const kept = deserialize(readFileSync(path.join(cacheFolder, name))) as Map<string, FileOutcome>;
      for (const outcome of kept.values()) outcome.problems.push({ file: 'kept', line: 1, field: 'marker', message: 'read from the kept outcome' });
      writeFileSync(path.join(cacheFolder, name), serialize(kept));
    }
    expect(existsSync(file)).toBe(true);
    const second = await lines(root);
    expect(second.length).toBeGreaterThan(0);
    expect(second.every((line) => line === 'kept:1: marker: read from the kept outcome')).toBe(true);
  });
});

describe('the kept outcomes of a site nobody changed', () => {
  it('count as used, so a month of unchanged checks does not lose them', async () => {
    const root = await copyOf(VALID_FIXTURE);
    made.push(root);
    expect(await lines(root)).toEqual([]);
    const before = new Set(readdirSync(cacheFolder));
    const kept = readdirSync(cacheFolder).filter((name) => name.endsWith('.v8')).map((name) => path.join(cacheFolder, name));
    const longAgo = new Date(Date.now() - 20 * 86_400_000);
    for (const file of kept) utimesSync(file, longAgo, longAgo);
    expect(await lines(root)).toEqual([]);
    expect(new Set(readdirSync(cacheFolder))).toEqual(before);
    // This site's file was touched by the second check; the others (other suites' sites) were not read.
    expect(kept.filter((file) => statSync(file).mtimeMs > Date.now() - 60_000)).toHaveLength(1);
  });
});

describe('a file changed after it was checked', () => {
  it('is checked again: a problem written since is reported at its line', async () => {
    const root = await copyOf(VALID_FIXTURE);
    made.push(root);
    expect(await lines(root)).toEqual([]);
    const [year] = readdirSync(path.join(root, 'incidents')).filter((entry) => /^\d{4}$/.test(entry));
    const [id] = readdirSync(path.join(root, 'incidents', year!));
    const file = path.join(root, 'incidents', year!, id!, 'index.md');
    const text = await readFile(file, 'utf8');
    const titleLine = text.split('\n').findIndex((line) => line.startsWith('title:')) + 1;
    await writeFile(file, text.replace(/^title: .*$/m, 'title: ""'));
    const after = await lines(root);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(new RegExp(`^incidents/${year}/${id}/index\\.md:${titleLine}: title: `));
    // And put back, it is clean again.
    await writeFile(file, text);
    expect(await lines(root)).toEqual([]);
  });

  it('an image it shows that has since been removed from public/ is reported missing', async () => {
    const root = await copyOf(VALID_FIXTURE);
    made.push(root);
    const [year] = readdirSync(path.join(root, 'incidents')).filter((entry) => /^\d{4}$/.test(entry));
    const [id] = readdirSync(path.join(root, 'incidents', year!));
    const file = path.join(root, 'incidents', year!, id!, 'index.md');
    await mkdir(path.join(root, 'public', 'images'), { recursive: true });
    await writeFile(path.join(root, 'public', 'images', 'graph.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0]));
    await writeFile(file, `${await readFile(file, 'utf8')}\n![Error rate](/images/graph.png)\n`);
    expect(await lines(root)).toEqual([]);
    await unlink(path.join(root, 'public', 'images', 'graph.png'));
    const after = await lines(root);
    expect(after).toHaveLength(1);
    expect(after[0]).toContain('image "/images/graph.png" does not exist (expected a file at public/images/graph.png)');
  });
});
