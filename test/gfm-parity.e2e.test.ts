// GitHub-flavoured markdown renders to the same HTML structure on the page (Astro's Sätteri) and in the
// feeds (remark + remark-gfm): tables, task lists, strikethrough, autolinks and footnotes.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownToHtml } from '../src/lib/markdown/markdown-html.ts';
import { loadSite } from '../src/validation/load-site.ts';
import { runScript, VALID_FIXTURE } from './helpers/sites.ts';

const NOW = { AFTERMATH_NOW: '2026-11-26T12:00:00Z' };
let out: string;

beforeAll(async () => {
  out = path.join(await mkdtemp(path.join(os.tmpdir(), 'aftermath-gfm-')), 'site');
  const build = runScript('build.ts', ['--root', VALID_FIXTURE, '--out', out], NOW);
  expect(build.status, build.stderr).toBe(0);
});

afterAll(async () => {
  if (out) await rm(path.dirname(out), { recursive: true, force: true });
});

/** Element names in document order, with the attributes that carry GFM meaning; text and styling dropped. */
function skeleton(root: HTMLElement): string[] {
  return root.querySelectorAll('*').map((element) => {
    const type = element.getAttribute('type');
    const footnote = element.hasAttribute('data-footnotes') || element.hasAttribute('data-footnote-ref') ? '[footnote]' : '';
    return `${element.tagName.toLowerCase()}${type ? `[type=${type}]` : ''}${footnote}`;
  });
}

describe('GFM on the page and in the feed', () => {
  it('renders an incident body to the same structure both ways', async () => {
    const loaded = await loadSite(VALID_FIXTURE, NOW);
    if (!loaded.ok) throw new Error('valid fixture is invalid');
    const body = loaded.content.incidents.find((entry) => entry.incident.id === 'INC-20261110-001')!.body;

    const page = parse(await readFile(path.join(out, 'incidents', 'INC-20261110-001', 'index.html'), 'utf8'));
    const section = page.querySelector('#summary')!.parentNode!;
    section.querySelector('#summary')!.remove();
    const onPage = skeleton(section);
    // The page places the body under its h2, so its headings (the footnotes' label) sit below it; the rest is the same.
    const inFeed = skeleton(parse(markdownToHtml(body, { headingsBelow: 2 })));

    expect(onPage).toEqual(inFeed);
    for (const feature of ['table', 'input[type=checkbox]', 'del', 'a', 'sup', 'section[footnote]']) expect(onPage, feature).toContain(feature);
  });
});
