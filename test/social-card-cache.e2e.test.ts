// Social cards kept between builds by a hash of what decides their pixels: a rebuild reuses the cards whose text
// did not change and draws a new one for an incident that did, so a kept card is never a stale one.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOf, runScript, VALID_FIXTURE, type CommandResult } from './helpers/sites.ts';

const NOW = { AFTERMATH_NOW: '2026-11-26T12:00:00Z' };
const CHANGED = 'INC-20261120-001';
const UNCHANGED = 'INC-20261110-001';

let root: string;
let cards: string;
let builds: CommandResult[] = [];
const snapshots: { cache: string[]; changed: Buffer; unchanged: Buffer; page: string }[] = [];

async function buildAndRead(label: string): Promise<void> {
  const out = path.join(root, `dist-${label}`);
  builds.push(runScript('build.ts', ['--root', root, '--out', out], { ...NOW, AFTERMATH_CARD_CACHE: cards }));
  snapshots.push({
    cache: (await readdir(cards)).sort(),
    changed: await readFile(path.join(out, 'social', `${CHANGED}.png`)),
    unchanged: await readFile(path.join(out, 'social', `${UNCHANGED}.png`)),
    page: await readFile(path.join(out, 'incidents', CHANGED, 'index.html'), 'utf8'),
  });
}

beforeAll(async () => {
  root = await copyOf(VALID_FIXTURE);
  cards = await mkdtemp(path.join(os.tmpdir(), 'aftermath-cards-'));
  builds = [];
  await buildAndRead('first');
  await buildAndRead('same');
  const file = path.join(root, 'incidents/2026', CHANGED, 'index.md');
  await writeFile(file, (await readFile(file, 'utf8')).replace('title: Website slow for some visitors', 'title: Website slow for visitors in Europe'));
  await buildAndRead('changed');
}, 600_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(cards, { recursive: true, force: true });
});

describe('social cards kept between builds', () => {
  it('are kept one per card drawn', () => {
    expect(builds.map((build) => build.status)).toEqual([0, 0, 0]);
    // The three incidents, the site's own card and the history's (for incidents past the newest hundred).
    expect(snapshots[0]!.cache).toHaveLength(5);
    expect(snapshots[0]!.cache.every((name) => /^[0-9a-f]{64}\.png$/.test(name))).toBe(true);
  });

  it('are reused when nothing changed: no new card, the same bytes', () => {
    expect(snapshots[1]!.cache).toEqual(snapshots[0]!.cache);
    expect(snapshots[1]!.changed.equals(snapshots[0]!.changed)).toBe(true);
  });

  it('give a changed incident a new card and page, and keep the other cards', () => {
    const [first, , changed] = snapshots as [(typeof snapshots)[0], (typeof snapshots)[0], (typeof snapshots)[0]];
    // One new card for the new title; the old one stays until it goes unused for 30 days.
    expect(changed.cache).toHaveLength(6);
    expect(changed.cache.filter((name) => !first.cache.includes(name))).toHaveLength(1);
    expect(changed.changed.equals(first.changed)).toBe(false);
    expect(changed.unchanged.equals(first.unchanged)).toBe(true);
    expect(changed.page).toContain('Website slow for visitors in Europe');
    expect(first.page).not.toContain('Website slow for visitors in Europe');
  });
});
