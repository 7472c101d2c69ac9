// Kept files are replaced whole, and a folder of them loses what nobody used for a month, and nothing else.
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeUnusedEntries, replaceFile, UNUSED_FOR_MS } from '../src/lib/files/kept-files.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'aftermath-kept-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const age = (entry: string, days: number) => {
  const then = new Date(Date.now() - days * 86_400_000);
  utimesSync(entry, then, then);
};

describe('a folder of kept files', () => {
  it('loses the files and folders unused for 30 days, keeps the rest and the one it is told to keep', () => {
    const base = path.join(folder, 'prune');
    mkdirSync(path.join(base, 'old-site'), { recursive: true });
    mkdirSync(path.join(base, 'this-site'), { recursive: true });
    for (const name of ['old.png', 'recent.png']) writeFileSync(path.join(base, name), 'x');
    age(path.join(base, 'old.png'), 31);
    age(path.join(base, 'old-site'), 31);
    age(path.join(base, 'this-site'), 31);
    age(path.join(base, 'recent.png'), 29);
    removeUnusedEntries(base, path.join(base, 'this-site'));
    expect(readdirSync(base).sort()).toEqual(['recent.png', 'this-site']);
    expect(UNUSED_FOR_MS).toBe(30 * 86_400_000);
  });
});

describe('replacing a kept file', () => {
  it('leaves the new text and no temporary file', () => {
    const file = path.join(folder, 'kept.v8');
    writeFileSync(file, 'old');
    replaceFile(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('throws where it cannot write, leaving nothing behind', () => {
    const file = path.join(folder, 'missing-folder', 'kept.v8');
    expect(() => replaceFile(file, 'new')).toThrow(/ENOENT/);
    expect(existsSync(path.dirname(file))).toBe(false);
  });
});
