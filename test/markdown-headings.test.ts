// A heading the team writes in an update or a body sits below the page's own heading for that text, so a screen
// reader's list of headings keeps the page's outline; the feeds, where an item stands on its own, keep it as written.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headingLevelBelow, markdownToHtml } from '../src/lib/markdown/markdown-html.ts';
import { buildIntoTemp, copyOf, removeSiteAndBuild, VALID_FIXTURE } from './helpers/sites.ts';

describe('headingLevelBelow', () => {
  it('puts the text\'s highest heading one below the page\'s and keeps the others\' distance, never past h6', () => {
    // Under an h2: # → h3, ## → h4.
    expect([1, 2].map((depth) => headingLevelBelow(depth, 1, 2))).toEqual([3, 4]);
    // Text that starts at ### is already below an h2.
    expect([3, 4].map((depth) => headingLevelBelow(depth, 3, 2))).toEqual([3, 4]);
    // ## and ### under an h3: h4 and h5; ##### under an h3 would be h8: h6.
    expect([2, 3, 5].map((depth) => headingLevelBelow(depth, 2, 3))).toEqual([4, 5, 6]);
  });
});

describe('markdownToHtml with headingsBelow', () => {
  const headings = (html: string) => parse(html).querySelectorAll('h1, h2, h3, h4, h5, h6').map((node) => `${node.tagName.toLowerCase()} ${node.textContent}`);

  it('moves headings below the given level, underlined ones too, and keeps them as written without it', () => {
    const text = '# Cause\n\nA bad deploy.\n\nNext steps\n----------\n\n### Detail';
    expect(headings(markdownToHtml(text, { headingsBelow: 2 }))).toEqual(['h3 Cause', 'h4 Next steps', 'h5 Detail']);
    expect(headings(markdownToHtml(text))).toEqual(['h1 Cause', 'h2 Next steps', 'h3 Detail']);
    expect(headings(markdownToHtml('##### Deep\n\n###### Deeper', { headingsBelow: 3 }))).toEqual(['h5 Deep', 'h6 Deeper']);
  });

  it('moves the footnotes\' own heading as well', () => {
    expect(headings(markdownToHtml('Slow[^1].\n\n[^1]: Since 09:00.', { headingsBelow: 2 }))).toEqual(['h3 Footnotes']);
  });
});

describe('headings in a built site', () => {
  let root: string;
  let out: string;
  const INCIDENT = 'INC-20261120-001';

  beforeAll(async () => {
    root = await copyOf(VALID_FIXTURE);
    const file = path.join(root, 'incidents/2026', INCIDENT, 'index.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('    message: Some pages load slowly; we are looking into it.\n---\n', '    message: "# Slow pages\\n\\nSome pages load slowly.\\n\\n## Next update\\n\\nWithin the hour."\n---\n# What we know\n\nOnly the image cache is slow.\n'));
    out = await buildIntoTemp(root, '2026-11-21T00:00:00Z');
  }, 300_000);
  afterAll(() => removeSiteAndBuild(root, out));

  const pageHeadings = async (route: string) => parse(await readFile(path.join(out, route, 'index.html'), 'utf8')).querySelectorAll('h1, h2, h3, h4, h5, h6').map((node) => `${node.tagName.toLowerCase()} ${node.textContent.trim()}`);

  it('keeps one h1 on the incident page, the update\'s headings under "Updates" and the body\'s under "Summary"', async () => {
    const outline = await pageHeadings(`incidents/${INCIDENT}`);
    expect(outline.filter((line) => line.startsWith('h1 '))).toHaveLength(1);
    const after = (heading: string) => outline.slice(outline.indexOf(heading) + 1);
    expect(after('h2 Updates').slice(0, 2)).toEqual(['h3 Slow pages', 'h4 Next update']);
    expect(after('h2 Summary')[0]).toBe('h3 What we know');
    // The Chinese page places them the same way.
    const chinese = await pageHeadings(`zh-cn/incidents/${INCIDENT}`);
    expect(chinese).toContain('h3 Slow pages');
    expect(chinese.filter((line) => line.startsWith('h1 '))).toHaveLength(1);
  });

  it('puts the latest update\'s headings below the incident\'s h3 on the status page', async () => {
    const outline = await pageHeadings('');
    expect(outline.filter((line) => line.startsWith('h1 '))).toHaveLength(1);
    const title = outline.findIndex((line) => line.startsWith('h3 ') && line.includes('Website slow for some visitors'));
    expect(outline.slice(title + 1, title + 3)).toEqual(['h4 Slow pages', 'h5 Next update']);
  });

  it('keeps the headings as written in a feed item, which stands on its own', async () => {
    const feed = JSON.parse(await readFile(path.join(out, 'feed.json'), 'utf8')) as { items: { content_html: string }[] };
    expect(feed.items.some((item) => item.content_html.includes('<h1>Slow pages</h1>'))).toBe(true);
  });
});
