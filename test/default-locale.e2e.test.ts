// A site whose default locale is Chinese: Chinese at the root, English under /en/.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { XMLParser } from 'fast-xml-parser';
import { MESSAGES } from '../src/i18n/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOf, runScript, VALID_FIXTURE } from './helpers/sites.ts';

let root: string;
let out: string;

beforeAll(async () => {
  root = await copyOf(VALID_FIXTURE);
  const settings = path.join(root, 'content', 'site.yaml');
  await writeFile(settings, (await readFile(settings, 'utf8')).replace('defaultLocale: en', 'defaultLocale: zh-CN'));
  out = path.join(await mkdtemp(path.join(os.tmpdir(), 'aftermath-zh-')), 'site');
  const build = runScript('build.ts', ['--root', root, '--out', out], { AFTERMATH_NOW: '2026-11-26T12:00:00Z' });
  expect(build.status, build.stderr).toBe(0);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  if (out) await rm(path.dirname(out), { recursive: true, force: true });
});

describe('default locale from content/site.yaml', () => {
  it('serves Chinese at the root, dates and numbers formatted the Chinese way', async () => {
    const home = parse(await readFile(path.join(out, 'index.html'), 'utf8'));
    expect(home.querySelector('html')!.getAttribute('lang')).toBe('zh-CN');
    expect(home.querySelectorAll('nav a').map((link) => link.textContent.trim())).toEqual(['服务状态', '事故历史', '事故复盘', '可靠性目标']);
    // the fixture's open incident degrades the website
    expect(home.querySelector('.banner')!.textContent.trim()).toBe('部分系统性能下降');
    expect(home.querySelector('footer time')!.textContent).toMatch(/^2026年11月26日/);
  });

  it('serves English under /en/ and links the two', async () => {
    const english = parse(await readFile(path.join(out, 'en', 'index.html'), 'utf8'));
    expect(english.querySelector('html')!.getAttribute('lang')).toBe('en');
    expect(english.querySelector('nav a')!.getAttribute('href')).toBe('/en/');
    expect(english.querySelector('.language-switch a')!.getAttribute('href')).toBe('/');
    expect(english.querySelector('footer time')!.textContent).toMatch(/^Nov 26, 2026/);
  });
});

/** ASCII punctuation written right beside a Chinese character, as Chinese typography never does. */
const ASCII_BESIDE_CHINESE = /[\u4e00-\u9fff][:;,.!?()]|[:;,.!?()][\u4e00-\u9fff]|[\u4e00-\u9fff] [:;,.!?)]|[\u4e00-\u9fff] [（）：，。]/u;

/**
 * The text a Chinese reader sees as the interface: every text node outside an element marked as another language,
 * and outside what the team wrote in markdown (this fixture's bodies are English in a site declared Chinese).
 */
function interfaceText(node: Node, inherited: string): string[] {
  const element = node as HTMLElement;
  const lang = element.getAttribute?.('lang') ?? inherited;
  if (element.tagName && ['SCRIPT', 'STYLE'].includes(element.tagName)) return [];
  if (element.classList?.contains('markdown') || element.classList?.contains('prose')) return [];
  if (node.nodeType === 3) return lang.startsWith('zh') ? [node.rawText] : [];
  return node.childNodes.flatMap((child) => interfaceText(child, lang));
}

describe('the Chinese site as its readers see it', () => {
  it('writes no ASCII punctuation beside Chinese and no untranslated interface word on any page', async () => {
    const pages = (await readdir(out, { recursive: true })).filter((file) => file.endsWith('.html') && !file.startsWith('en/'));
    expect(pages.length).toBeGreaterThan(8);
    // Interface strings English and Chinese do not share (abbreviations such as RTO read the same in both).
    const englishOnly = new Set(Object.entries(MESSAGES.en).filter(([key, value]) => MESSAGES['zh-CN'][key as keyof typeof MESSAGES.en] !== value && value.trim().length > 3).map(([, value]) => value.trim()));
    const faults: string[] = [];
    for (const file of pages) {
      const html = parse(await readFile(path.join(out, file), 'utf8'));
      for (const raw of interfaceText(html.querySelector('html')!, 'zh-CN')) {
        const text = raw.replace(/&nbsp;/g, ' ');
        if (ASCII_BESIDE_CHINESE.test(text)) faults.push(`${file}: ASCII punctuation in ${JSON.stringify(text.trim().slice(0, 60))}`);
        if (englishOnly.has(text.trim())) faults.push(`${file}: English ${JSON.stringify(text.trim())}`);
      }
    }
    expect(faults).toEqual([]);
  });

  it("titles its feeds' items in Chinese: status words, separators and all", async () => {
    const rss = new XMLParser({ isArray: (name) => name === 'item' }).parse(await readFile(path.join(out, 'rss.xml'), 'utf8')) as { rss: { channel: { item: { title: string; category: string[] }[] } } };
    const titles = rss.rss.channel.item.map((item) => item.title);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) {
      expect(title, title).toMatch(/^\[P\d\] [^:]+：(发现中|排查中|修复中|观察中|已解决|已关闭|重新打开|复盘报告) — /);
      expect(ASCII_BESIDE_CHINESE.test(title.replace(/ — .*$/, '')), title).toBe(false);
    }
  });
});

describe('the search of a Chinese site', () => {
  it('indexes the Chinese pages at the root once, split as Chinese, and the English search page links English pages', async () => {
    const incidents = (await readdir(path.join(out, 'incidents'), { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name.startsWith('INC-'));
    const postmortems = (await readdir(path.join(out, 'postmortems'), { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name.startsWith('INC-'));
    const entry = JSON.parse(await readFile(path.join(out, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    // One index, in the language the team writes (the default), of every incident and postmortem page once.
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    expect(entry.languages['zh-cn']!.page_count).toBe(incidents.length + postmortems.length);
    const chinesePage = parse(await readFile(path.join(out, 'incidents', incidents[0]!.name, 'index.html'), 'utf8'));
    expect(chinesePage.querySelector('main')!.hasAttribute('data-pagefind-body')).toBe(true);
    expect(chinesePage.querySelectorAll('[data-pagefind-filter]').map((marker) => marker.getAttribute('data-pagefind-filter'))).toContain('级别[data-value]');
    const englishPage = parse(await readFile(path.join(out, 'en', 'incidents', incidents[0]!.name, 'index.html'), 'utf8'));
    expect(englishPage.querySelector('main')!.hasAttribute('data-pagefind-body')).toBe(false);
    expect(englishPage.querySelectorAll('[data-pagefind-filter]')).toHaveLength(0);
    // The English search page joins the index's paths to /en/ and renames the Chinese filters in English.
    const search = parse(await readFile(path.join(out, 'en', 'search', 'index.html'), 'utf8')).querySelector('#search')!;
    expect(search.getAttribute('data-base')).toBe('/en/');
    expect(JSON.parse(search.getAttribute('data-filters')!)).toEqual({ 级别: 'Severity', 服务: 'Service', 年份: 'Year' });
    const chineseSearch = parse(await readFile(path.join(out, 'search', 'index.html'), 'utf8')).querySelector('#search')!;
    expect(chineseSearch.getAttribute('data-base')).toBe('/');
    expect(JSON.parse(chineseSearch.getAttribute('data-filters')!)).toEqual({});
  });
});
