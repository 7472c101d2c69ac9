// A site whose default locale is Chinese: Chinese at the root, English under /en/.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
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
