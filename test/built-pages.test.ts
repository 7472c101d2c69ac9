// Every built page: valid HTML (html-validate), the status page's weight budget, no third-party requests.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';

let out: string;
let pages: string[];

async function htmlFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}

beforeAll(async () => {
  out = inject('exampleSite');
  pages = await htmlFiles(out);
});

describe('HTML validity', () => {
  it('builds a page for every route in both languages', () => {
    expect(pages.length).toBeGreaterThan(80);
    expect(pages.some((file) => file.endsWith(path.join('zh-cn', 'index.html')))).toBe(true);
  });

  it('has no html-validate errors on any page', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Astro scopes component styles with <style> in the head and inlines them; that is intended.
        'no-inline-style': 'off',
        // An SEO heuristic, not validity: incident titles are the team's words and the page title carries them.
        'long-title': 'off',
      },
    });
    const failures: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(await readFile(file, 'utf8'), file);
      for (const result of report.results) {
        for (const message of result.messages) {
          if (message.severity === 2) failures.push(`${path.relative(out, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });
});

describe('page weight', () => {
  it('keeps the status page’s HTML, CSS and JavaScript under 30 KB gzipped', async () => {
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    const document = parse(html);
    const linked = [
      ...document.querySelectorAll('link[rel="stylesheet"]').map((link) => link.getAttribute('href')),
      ...document.querySelectorAll('script[src]').map((script) => script.getAttribute('src')),
    ].filter((href): href is string => Boolean(href));
    let total = gzipSync(html).length;
    for (const href of linked) total += gzipSync(await readFile(path.join(out, href))).length;
    expect(total).toBeLessThan(30 * 1024);
  });

  it('needs no web font and no resource from another host on any page', async () => {
    for (const file of pages) {
      const document = parse(await readFile(file, 'utf8'));
      const resources = [
        ...document.querySelectorAll('link[href]').filter((link) => !['alternate', 'canonical'].includes(link.getAttribute('rel') ?? '')).map((link) => link.getAttribute('href')!),
        ...document.querySelectorAll('script[src], img[src], iframe[src], source[src]').map((element) => element.getAttribute('src')!),
      ];
      expect(resources.filter((url) => /^(https?:)?\/\//.test(url)), path.relative(out, file)).toEqual([]);
      expect(document.querySelectorAll('style').map((style) => style.textContent).join('')).not.toMatch(/@font-face|@import/);
    }
  });

  it('inlines each progressive enhancement in under 2 KB', async () => {
    const document = parse(await readFile(path.join(out, 'incidents', 'index.html'), 'utf8'));
    const scripts = document.querySelectorAll('script');
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script.getAttribute('src')).toBeUndefined();
      expect(Buffer.byteLength(script.textContent)).toBeLessThan(2048);
    }
  });
});

describe('metadata', () => {
  it('gives every page a canonical URL, OpenGraph and Twitter card tags', async () => {
    // The /embed/ strip is a widget inside other sites' iframes, never a page readers land on or share.
    for (const file of pages.filter((candidate) => !/(^|[\\/])embed[\\/]index\.html$/.test(path.relative(out, candidate)))) {
      const head = parse(await readFile(file, 'utf8')).querySelector('head')!;
      const where = path.relative(out, file);
      expect(head.querySelector('link[rel="canonical"]')?.getAttribute('href'), where).toMatch(/^https:\/\/status\.example\.com\//);
      for (const property of ['og:title', 'og:description', 'og:url', 'og:image']) expect(head.querySelector(`meta[property="${property}"]`), `${where} ${property}`).not.toBeNull();
      expect(head.querySelector('meta[name="twitter:card"]')?.getAttribute('content'), where).toBe('summary_large_image');
    }
  });

  it('points each incident page at its own social preview image, which exists', async () => {
    const head = parse(await readFile(path.join(out, 'incidents', 'INC-20261125-001', 'index.html'), 'utf8')).querySelector('head')!;
    expect(head.querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe('https://status.example.com/social/INC-20261125-001.png');
    const png = await readFile(path.join(out, 'social', 'INC-20261125-001.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
  });

  it('has a sitemap listing both languages and a robots.txt pointing at it', async () => {
    const robots = await readFile(path.join(out, 'robots.txt'), 'utf8');
    expect(robots).toContain('Sitemap: https://status.example.com/sitemap-index.xml');
    const sitemap = await readFile(path.join(out, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://status.example.com/incidents/INC-20250115-001/</loc>');
    expect(sitemap).toContain('<loc>https://status.example.com/zh-cn/</loc>');
  });
});
