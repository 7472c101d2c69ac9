// The /embed/ strip another site shows in an iframe: its words, link, policy and weight.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { translator } from '../src/i18n/index.ts';
import { embedStripHtml, type EmbedStrip } from '../src/lib/status/embed-strip.ts';

const STRIP: EmbedStrip = { locale: 'en', siteName: 'Acme Status', state: 'partial_outage', openIncidents: 2, statusPageUrl: 'https://status.acme.example/', builtMs: Date.parse('2026-11-26T12:00:00Z'), timeZone: 'Asia/Shanghai' };

describe('the embedded status strip', () => {
  it('says the state in words, counts the open incidents and links to the status page in a new tab', () => {
    const page = parse(embedStripHtml(STRIP, translator('en')));
    const link = page.querySelector('a')!;
    expect(link.text.replace(/\s+/g, ' ')).toBe('Partial outage · 2 active incidents Acme Status · Nov 26, 2026, 20:00 GMT+8');
    expect([link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]).toEqual(['https://status.acme.example/', '_blank', 'noopener']);
    expect(link.getAttribute('class')).toBe('partial_outage');
    expect(page.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-26T12:00:00Z');
    expect(parse(embedStripHtml({ ...STRIP, state: 'operational', openIncidents: 0 }, translator('en'))).querySelector('a')!.text).toContain('All systems operational');
    expect(parse(embedStripHtml({ ...STRIP, openIncidents: 1 }, translator('en'))).querySelector('a')!.text).toContain('1 active incident');
  });

  it('is in Chinese on the Chinese strip', () => {
    const page = parse(embedStripHtml({ ...STRIP, locale: 'zh-CN' }, translator('zh-CN')));
    expect(page.querySelector('html')!.getAttribute('lang')).toBe('zh-CN');
    expect(page.querySelector('strong')!.text).toBe('部分服务中断');
    expect(page.querySelector('a span')!.text).toContain('2 起进行中的事故');
  });

  it('runs no script and allows exactly its own style block', () => {
    const html = embedStripHtml(STRIP, translator('en'));
    const page = parse(html);
    expect(page.querySelectorAll('script')).toHaveLength(0);
    const style = page.querySelector('style')!.textContent;
    const policy = page.querySelector('meta[http-equiv="content-security-policy"]')!.getAttribute('content')!;
    expect(policy).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(policy).toMatch(/^default-src 'none'/);
  });

  it('keeps a site name as text, and stays under 2 KB gzipped with a long one', () => {
    const html = embedStripHtml({ ...STRIP, siteName: '"Acme" <Status> & Co '.repeat(6) }, translator('en'));
    expect(html).not.toContain('<Status>');
    expect(parse(html).querySelector('small')!.text).toContain('"Acme" <Status> & Co');
    expect(gzipSync(html).length).toBeLessThanOrEqual(2048);
  });
});
