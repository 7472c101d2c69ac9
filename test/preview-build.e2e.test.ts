// The pull request's preview (`npm run build -- --preview`) against the deployed build, on one copy of the valid
// fixture with a draft and a postmortem in review: reviewers read both as pages behind a banner, nothing of the
// preview may be indexed, and the deployed build has no trace of either.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOf, runScript, VALID_FIXTURE, type CommandResult } from './helpers/sites.ts';

const NOW = { AFTERMATH_NOW: '2026-11-26T12:00:00Z' };
// Still open (a slow website): its postmortem is a fresh draft.
const DRAFT = 'INC-20261120-001';
// Reopened and being fixed: its postmortem is written and waiting for reviewers.
const IN_REVIEW = 'INC-20261115-001';
// Closed, with a published postmortem: on both sites, without a banner.
const PUBLISHED = 'INC-20261110-001';

let root: string;
let previewOut: string;
let siteOut: string;
let preview: CommandResult;
let deployed: CommandResult;

async function htmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
}
const page = async (out: string, route: string): Promise<HTMLElement> => parse(await readFile(path.join(out, route, 'index.html'), 'utf8'));
const text = (out: string, file: string) => readFile(path.join(out, file), 'utf8');

beforeAll(async () => {
  root = await copyOf(VALID_FIXTURE);
  previewOut = path.join(root, 'preview');
  siteOut = path.join(root, 'dist');
  for (const id of [DRAFT, IN_REVIEW]) {
    const scaffold = runScript('new-postmortem.ts', [id, '--author', '@web-lead', '--root', root], NOW);
    if (scaffold.status !== 0) throw new Error(scaffold.stderr);
  }
  const inReview = path.join(root, `incidents/2026/${IN_REVIEW}/postmortem.md`);
  await writeFile(inReview, (await readFile(inReview, 'utf8')).replace('\nstatus: draft\n', '\nstatus: in_review\n'));
  preview = runScript('build.ts', ['--root', root, '--out', previewOut, '--preview'], NOW);
  deployed = runScript('build.ts', ['--root', root, '--out', siteOut], NOW);
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the preview build (--preview)', () => {
  it('builds and names the pages only the preview has', () => {
    expect(preview.stderr).not.toContain('problem');
    expect(preview.status).toBe(0);
    expect(preview.stdout).toContain(`postmortems not published are shown behind a draft banner at postmortems/${IN_REVIEW}/ (in review), postmortems/${DRAFT}/ (draft)`);
  });

  it.each([
    [DRAFT, `postmortems/${DRAFT}`],
    [IN_REVIEW, `postmortems/${IN_REVIEW}`],
  ])('renders the %s postmortem behind a "draft, not published" banner in English', async (_id, route) => {
    const banner = (await page(previewOut, route)).querySelector('main .draft-banner');
    expect(banner?.text).toBe('Draft, not published. This postmortem is shown only in this preview, for its reviewers. Readers of the status page cannot see it until it is published (npm run publish:postmortem).');
  });

  it('renders the banner in Chinese on the Chinese page', async () => {
    const banner = (await page(previewOut, `zh-cn/postmortems/${DRAFT}`)).querySelector('main .draft-banner');
    expect(banner?.text).toBe('草稿，未发布。 本复盘仅在此预览中供审核者阅读。发布（npm run publish:postmortem）之前，状态页的读者看不到它。');
  });

  it('puts the banner first in the page, above the title', async () => {
    const main = (await page(previewOut, `postmortems/${DRAFT}`)).querySelector('main')!;
    expect(main.querySelector('.draft-banner')!.range[0]).toBeLessThan(main.querySelector('h1')!.range[0]);
  });

  it('links the incident to its draft, so reviewers can click through', async () => {
    const links = (await page(previewOut, `incidents/${DRAFT}`)).querySelectorAll('main a').map((link) => link.getAttribute('href'));
    expect(links).toContain(`/postmortems/${DRAFT}/`);
  });

  it('marks every page noindex', async () => {
    const files = await htmlFiles(previewOut);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const robots = parse(await readFile(file, 'utf8')).querySelector('head meta[name="robots"]');
      expect(robots?.getAttribute('content'), path.relative(previewOut, file)).toBe('noindex');
    }
  });

  it('keeps the published postmortem free of the banner', async () => {
    expect((await page(previewOut, `postmortems/${PUBLISHED}`)).querySelector('.draft-banner')).toBeNull();
  });

  it('says in its build marker that it is a preview', async () => {
    expect(JSON.parse(await text(previewOut, '.aftermath-build'))).toMatchObject({ generator: 'aftermath', preview: true });
  });
});

describe('the deployed build (no flag), from the same files', () => {
  it('builds and says nothing about a preview', () => {
    expect(deployed.status).toBe(0);
    expect(deployed.stdout).not.toContain('preview');
  });

  it('has no page for the draft or the postmortem in review, in either language', () => {
    for (const id of [DRAFT, IN_REVIEW]) {
      expect(existsSync(path.join(siteOut, 'postmortems', id))).toBe(false);
      expect(existsSync(path.join(siteOut, 'zh-cn/postmortems', id))).toBe(false);
    }
    expect(existsSync(path.join(siteOut, 'postmortems', PUBLISHED, 'index.html'))).toBe(true);
  });

  it('links to neither from any page, and no page shows the banner or is marked noindex', async () => {
    for (const file of await htmlFiles(siteOut)) {
      const html = await readFile(file, 'utf8');
      const where = path.relative(siteOut, file);
      for (const id of [DRAFT, IN_REVIEW]) expect(html, where).not.toContain(`postmortems/${id}`);
      expect(html, where).not.toContain('Draft, not published');
      expect(html, where).not.toContain('草稿，未发布');
      expect(parse(html).querySelector('meta[name="robots"]'), where).toBeNull();
    }
  });

  it('lists neither in the sitemap', async () => {
    const sitemaps = (await readdir(siteOut)).filter((name) => /^sitemap-\d+\.xml$/.test(name));
    expect(sitemaps.length).toBeGreaterThan(0);
    const urls = (await Promise.all(sitemaps.map((name) => text(siteOut, name)))).join('\n');
    expect(urls).toContain(`postmortems/${PUBLISHED}/`);
    for (const id of [DRAFT, IN_REVIEW]) expect(urls).not.toContain(`postmortems/${id}`);
  });

  it('has no feed item for either, in any feed or the API', async () => {
    const files = (await readdir(siteOut, { recursive: true })).filter((name) => /\.(xml|json)$/.test(name));
    expect(files).toContain(path.join('postmortems', 'rss.xml'));
    for (const file of files) {
      const body = await text(siteOut, file);
      for (const id of [DRAFT, IN_REVIEW]) expect(body, file).not.toContain(`postmortems/${id}`);
    }
    expect(await text(siteOut, 'postmortems/rss.xml')).toContain(`postmortems/${PUBLISHED}/`);
  });

  it('writes a build marker without the preview mark', async () => {
    expect(JSON.parse(await text(siteOut, '.aftermath-build'))).not.toHaveProperty('preview');
  });
});
