// The build's check runs in a process of its own that ends before Astro reads the site (src/cli/build-check.ts):
// what it hands back must be what the build needs, and nothing of the site's may be handed to Astro when it fails.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkApart } from '../src/cli/build-check.ts';
import { INVALID_FIXTURES, siteWithCase, VALID_FIXTURE } from './helpers/sites.ts';

let scratch: string;
let twinsDir: string;
let checkedSiteFile: string;

beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'aftermath-build-check-'));
  twinsDir = path.join(scratch, 'twins');
  checkedSiteFile = path.join(scratch, 'checked-site.v8');
  await mkdir(twinsDir);
});
afterEach(() => rm(scratch, { recursive: true, force: true }));

describe('checkApart', () => {
  it('hands over the checked site, writes a twin for each record page and says which pages to index', async () => {
    const outcome = await checkApart({ root: VALID_FIXTURE, preview: false, checkedSiteFile, twinsDir }).outcome;
    if (outcome.kind !== 'checked') throw new Error(outcome.message);
    const handed = deserialize(await readFile(checkedSiteFile)) as { incidents: { incident: { id: string } }[] };
    const ids = handed.incidents.map((entry) => entry.incident.id);
    // Every incident's page is searched and has a twin beside it; the twins were written as 0.md, 1.md, … in that order.
    for (const id of ids) expect(outcome.searchedPages).toContain(`incidents/${id}/index.html`);
    expect(outcome.twinPaths).toEqual(outcome.searchedPages.map((page) => `${page}.md`));
    expect((await readdir(twinsDir)).sort()).toEqual(outcome.twinPaths.map((_, index) => `${index}.md`).sort());
    const firstTwin = await readFile(path.join(twinsDir, '0.md'), 'utf8');
    expect(firstTwin).toContain(ids[0]);
    expect(outcome.defaultLocale).toBe('en');
    expect(outcome.previewNote).toBe('');
  });

  it('hands nothing over and writes no twin when the site has a problem, and says the problem as npm run check does', async () => {
    const caseDir = path.join(INVALID_FIXTURES, 'action-item-duplicate-id');
    const root = await siteWithCase(caseDir);
    try {
      const outcome = await checkApart({ root, preview: false, checkedSiteFile, twinsDir }).outcome;
      expect(outcome).toEqual({ kind: 'problems', message: `${(await readFile(path.join(caseDir, 'expected.txt'), 'utf8')).trim()}\n1 problem found` });
      expect(existsSync(checkedSiteFile)).toBe(false);
      expect(await readdir(twinsDir)).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('stops when the build stops, and says so instead of an outcome', async () => {
    const check = checkApart({ root: VALID_FIXTURE, preview: false, checkedSiteFile, twinsDir });
    check.stop();
    expect(await check.outcome).toEqual({ kind: 'crashed', message: 'build: the check stopped (SIGKILL) before it said anything' });
    expect(existsSync(checkedSiteFile)).toBe(false);
  });
});
