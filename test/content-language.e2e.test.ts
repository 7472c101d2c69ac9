// A Chinese site's English pages: names given in English under names: show in English, names and text the team
// wrote only in Chinese are marked lang="zh-CN" so a screen reader reads them with a Chinese voice; the Chinese
// pages need no marking.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIntoTemp, copyOf, removeSiteAndBuild, VALID_FIXTURE } from './helpers/sites.ts';

const INCIDENT = 'INC-20261120-001';
let root: string;
let out: string;

const page = async (route: string): Promise<HTMLElement> => parse(await readFile(path.join(out, route, 'index.html'), 'utf8'));
const text = (element: HTMLElement | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  root = await copyOf(VALID_FIXTURE);
  const file = (relative: string) => path.join(root, relative);
  await writeFile(file('content/site.yaml'), (await readFile(file('content/site.yaml'), 'utf8')).replace('defaultLocale: en', 'defaultLocale: zh-CN'));
  const services = (await readFile(file('content/services.yaml'), 'utf8'))
    .replace('  - id: platform\n    name: Platform\n', '  - id: platform\n    name: 平台\n    names:\n      en: Platform\n')
    .replace('  - id: web\n    name: Website\n', '  - id: web\n    name: 网站\n    names:\n      en: Website\n')
    .replace('  - id: rest-api\n    name: REST API\n', '  - id: rest-api\n    name: REST 接口\n');
  await writeFile(file('content/services.yaml'), services);
  const severity = (await readFile(file('content/severity.yaml'), 'utf8')).replace('  - id: P4\n    name: Minor\n', '  - id: P4\n    name: 轻微\n    names:\n      en: Minor\n');
  await writeFile(file('content/severity.yaml'), severity);
  const incident = file(`incidents/2026/${INCIDENT}/index.md`);
  await writeFile(incident, (await readFile(incident, 'utf8')).replace('title: Website slow for some visitors', 'title: 部分访客访问网站缓慢'));
  out = await buildIntoTemp(root, '2026-11-26T12:00:00Z');
}, 300_000);

afterAll(() => removeSiteAndBuild(root, out));

describe('the English status page of a Chinese site', () => {
  it('shows the English names given under names:, unmarked, and marks a name given only in Chinese', async () => {
    const english = await page('en');
    const web = english.querySelector('#service-web .service-name')!;
    expect([text(web), web.getAttribute('lang')]).toEqual(['Website', undefined]);
    const api = english.querySelector('#service-rest-api .service-name')!;
    expect([text(api), api.getAttribute('lang')]).toEqual(['REST 接口', 'zh-CN']);
    expect(text(english.querySelector('#group-platform'))).toMatch(/^Platform /);
  });

  it('marks the Chinese incident title and its latest message as Chinese', async () => {
    const english = await page('en');
    const title = english.querySelector('.incident-card h3 a')!;
    expect([text(title), title.getAttribute('lang')]).toEqual(['部分访客访问网站缓慢', 'zh-CN']);
    expect(english.querySelector('.incident-card .latest-update .markdown')!.getAttribute('lang')).toBe('zh-CN');
    // The service on the card has its English name, so it is not marked.
    expect(english.querySelector('.incident-card p.muted span')!.getAttribute('lang')).toBeUndefined();
  });
});

describe('the English incident page of a Chinese site', () => {
  it('shows the level’s English name and marks the title', async () => {
    const incident = await page(`en/incidents/${INCIDENT}`);
    expect(incident.querySelector('h1 span[lang="zh-CN"]')?.textContent).toBe('部分访客访问网站缓慢');
    expect(text(incident.querySelector('dl'))).toContain('P4 — Minor');
  });

  it('marks the summary the team wrote, the site name, and a service name given only in Chinese in the targets box', async () => {
    // INC-20261110-001 has a summary and affected the REST API, whose name is given only in Chinese.
    const incident = await page('en/incidents/INC-20261110-001');
    const summary = incident.querySelector('section[aria-labelledby="summary"]');
    // The summary is Chinese; its heading is the page's own English.
    expect([summary?.getAttribute('lang'), summary?.querySelector('h2')?.getAttribute('lang')]).toEqual(['zh-CN', 'en']);
    expect(incident.querySelector('.site-name')?.getAttribute('lang')).toBe('zh-CN');
    const recovery = incident.querySelectorAll('.targets-box th').find((cell) => text(cell).startsWith('Time to recover: '));
    expect([text(recovery), recovery?.querySelector('span')?.getAttribute('lang')]).toEqual(['Time to recover: REST 接口', 'zh-CN']);
  });
});

describe('the Chinese pages', () => {
  it('show the Chinese names and carry no lang marking inside the page', async () => {
    const chinese = await page('');
    expect(text(chinese.querySelector('#service-web .service-name'))).toBe('网站');
    expect(chinese.querySelectorAll('main [lang]')).toHaveLength(0);
  });
});
