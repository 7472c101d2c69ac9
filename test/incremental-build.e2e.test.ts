// A rebuild with the last build's cache kept copies the pages nothing changed for, and renders again every page
// whose record, or anything site-wide it shows, changed: a kept page is never a stale one.
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOf, runScript, VALID_FIXTURE, type CommandResult } from './helpers/sites.ts';

const NOW = { AFTERMATH_NOW: '2026-11-26T12:00:00Z' };
const CHANGED = 'INC-20261120-001';
const UNCHANGED = 'INC-20261110-001';

interface Build {
  run: CommandResult;
  changed: string;
  changedZh: string;
  unchanged: string;
  history: string;
  changedCard: Buffer;
  /** The feed of the changed incident's service, and of a service only the unchanged one touched. */
  changedFeed: string;
  unchangedFeed: string;
}

let root: string;
let caches: string;
const builds = {} as Record<'first' | 'same' | 'changed' | 'renamed' | 'preview', Build>;

async function build(label: string, extra: string[] = []): Promise<Build> {
  const out = path.join(root, `dist-${label}`);
  const env = { ...NOW, AFTERMATH_BUILD_CACHE: path.join(caches, 'astro'), AFTERMATH_CARD_CACHE: path.join(caches, 'cards'), AFTERMATH_VALIDATION_CACHE: path.join(caches, 'validation') };
  const run = runScript('build.ts', ['--root', root, '--out', out, ...extra], env);
  if (run.status !== 0) throw new Error(`build ${label} failed:\n${run.stderr}`);
  const read = (file: string) => readFile(path.join(out, file), 'utf8');
  return {
    run,
    changed: await read(`incidents/${CHANGED}/index.html`),
    changedZh: await read(`zh-cn/incidents/${CHANGED}/index.html`),
    unchanged: await read(`incidents/${UNCHANGED}/index.html`),
    history: await read('incidents/index.html'),
    changedCard: await readFile(path.join(out, 'social', `${CHANGED}.png`)),
    changedFeed: await read('services/web/rss.xml'),
    unchangedFeed: await read('services/rest-api/rss.xml'),
  };
}

/**
 * Marks every page and card the build kept for the next one, so the next build's output shows which it copied:
 * a copied page ends with the marker, a page rendered again does not.
 */
async function markKept(label: string): Promise<void> {
  for (const entry of await readdir(path.join(caches, 'astro'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/[/\\]dist([/\\]|$)/.test(entry.parentPath) || !/\.(html|png|xml)$/.test(entry.name)) continue;
    await appendFile(path.join(entry.parentPath, entry.name), marker(label));
  }
}

const marker = (label: string) => `\n<!-- kept from the ${label} build -->\n`;
const copied = (page: string | Buffer, label: string) => page.toString('latin1').endsWith(marker(label));

beforeAll(async () => {
  root = await copyOf(VALID_FIXTURE);
  caches = await mkdtemp(path.join(os.tmpdir(), 'aftermath-build-cache-'));
  builds.first = await build('first');
  await markKept('first');
  builds.same = await build('same');
  await markKept('same');
  const incident = path.join(root, 'incidents/2026', CHANGED, 'index.md');
  await writeFile(incident, (await readFile(incident, 'utf8')).replace('title: Website slow for some visitors', 'title: Website slow for visitors in Europe'));
  builds.changed = await build('changed');
  await markKept('changed');
  const services = path.join(root, 'content/services.yaml');
  await writeFile(services, (await readFile(services, 'utf8')).replace('name: REST API', 'name: Public REST API'));
  builds.renamed = await build('renamed');
  await markKept('renamed');
  builds.preview = await build('preview', ['--preview']);
}, 600_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(caches, { recursive: true, force: true });
});

describe('a rebuild with the cache kept', () => {
  it('renders every page the first time', () => {
    expect(builds.first.unchanged).toMatch(/<\/html>$/);
  });

  it('copies the incident pages and cards when nothing changed', () => {
    const { same } = builds;
    expect(copied(same.unchanged, 'first')).toBe(true);
    expect(copied(same.changed, 'first')).toBe(true);
    expect(copied(same.changedZh, 'first')).toBe(true);
    expect(copied(same.changedCard, 'first')).toBe(true);
    // The history lists every incident and shows the build's now: rendered every time.
    expect(copied(same.history, 'first')).toBe(false);
  });

  it('renders a changed incident again, in every language, with a new card, and copies the others', () => {
    const { changed, first } = builds;
    expect(copied(changed.changed, 'same')).toBe(false);
    expect(copied(changed.changedZh, 'same')).toBe(false);
    expect(copied(changed.changedCard, 'same')).toBe(false);
    expect(copied(changed.unchanged, 'same')).toBe(true);
    expect(changed.changed).toContain('Website slow for visitors in Europe');
    expect(changed.changedZh).toContain('Website slow for visitors in Europe');
    expect(first.changed).not.toContain('Website slow for visitors in Europe');
    expect(changed.history).toContain('Website slow for visitors in Europe');
    expect(changed.changedCard.equals(first.changedCard)).toBe(false);
    // The service feeds: the changed incident's service's again, with the new title; the other's copied.
    expect(copied(changed.changedFeed, 'same')).toBe(false);
    expect(changed.changedFeed).toContain('Website slow for visitors in Europe');
    expect(copied(changed.unchangedFeed, 'same')).toBe(true);
  });

  it('renders every incident page again when something site-wide they show changes (a service renamed)', () => {
    const { renamed, changed } = builds;
    expect(copied(renamed.unchanged, 'changed')).toBe(false);
    expect(copied(renamed.changed, 'changed')).toBe(false);
    expect(renamed.unchanged).toContain('Public REST API');
    expect(copied(renamed.unchangedFeed, 'changed')).toBe(false);
    expect(renamed.unchangedFeed).toContain('Public REST API');
    expect(changed.unchanged).not.toContain('Public REST API');
  });

  it("never gives a preview build the deployed site's pages", () => {
    const { preview } = builds;
    for (const label of ['first', 'same', 'changed', 'renamed']) expect(copied(preview.unchanged, label)).toBe(false);
    expect(preview.unchanged).toContain('noindex');
  });

  it('names no "figures as of" instant on a finished incident\'s page, so it stays the same from build to build', () => {
    expect(builds.first.unchanged).not.toContain('data-as-of');
    expect(builds.first.unchanged).not.toContain('Figures as of');
    expect(builds.first.history).toContain('data-as-of="2026-11-26T12:00:00Z"');
  });
});
