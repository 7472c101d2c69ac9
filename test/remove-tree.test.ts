// The removal of the earlier build a new one replaced: everything inside goes, a link inside goes without what it
// points at, and a folder already gone is no error.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { removeTree } from '../src/cli/build-output.ts';

const scratch = await mkdtemp(path.join(os.tmpdir(), 'aftermath-remove-tree-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

it('removes a built site folder with its pages, and not what a link inside it points at', async () => {
  const site = path.join(scratch, 'previous');
  for (let index = 0; index < 300; index += 1) {
    await mkdir(path.join(site, 'incidents', `INC-${index}`), { recursive: true });
    await writeFile(path.join(site, 'incidents', `INC-${index}`, 'index.html'), '<p>page</p>');
  }
  const outside = path.join(scratch, 'outside');
  await mkdir(outside);
  await writeFile(path.join(outside, 'keep.txt'), 'kept');
  await symlink(outside, path.join(site, 'link-to-outside'));
  await removeTree(site);
  expect(existsSync(site)).toBe(false);
  expect(await readdir(outside)).toEqual(['keep.txt']);
  await removeTree(site);
});
