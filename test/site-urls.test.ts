// Addresses on a site served at a host's root or under a path: the one join of a base and a path, the base path
// Astro is given, baseUrl read as a folder, and site paths written in markdown.
import { describe, expect, it } from 'vitest';
import { markdownToHtml, markdownToPlainText } from '../src/lib/markdown/markdown-html.ts';
import { basePathOf, siteAddressAsFolder, siteUrl } from '../src/lib/model/site-urls.ts';
import { siteSchema } from '../src/schemas/site.ts';

describe('siteUrl: a path from the site root under its base', () => {
  it('joins at a host’s root', () => {
    expect(siteUrl('/', 'incidents/')).toBe('/incidents/');
    expect(siteUrl('https://status.example.com/', 'rss.xml')).toBe('https://status.example.com/rss.xml');
    expect(siteUrl('/', '')).toBe('/');
  });

  it('joins under a one-segment path', () => {
    expect(siteUrl('/status/', 'incidents/INC-1/')).toBe('/status/incidents/INC-1/');
    expect(siteUrl('https://acme.github.io/status/', 'maintenance.ics')).toBe('https://acme.github.io/status/maintenance.ics');
    expect(siteUrl('https://acme.github.io/status/', '')).toBe('https://acme.github.io/status/');
  });

  it('joins under a nested path', () => {
    expect(siteUrl('/ops/status/', 'zh-cn/targets/')).toBe('/ops/status/zh-cn/targets/');
    expect(siteUrl('https://example.org/ops/status/', 'api/v2/summary.json')).toBe('https://example.org/ops/status/api/v2/summary.json');
  });

  it('reads a base without its closing slash as the folder it names', () => {
    expect(siteUrl('https://acme.github.io/status', 'badge.svg')).toBe('https://acme.github.io/status/badge.svg');
    expect(siteUrl('/status', 'badge.svg')).toBe('/status/badge.svg');
  });

  it('reads a path written with a leading slash from the site’s root, not the host’s', () => {
    expect(siteUrl('/status/', '/images/a.png')).toBe('/status/images/a.png');
    expect(siteUrl('https://acme.github.io/status/', '/')).toBe('https://acme.github.io/status/');
  });

  it('keeps a fragment-only path on the base page', () => {
    expect(siteUrl('https://acme.github.io/status/', '#service-api')).toBe('https://acme.github.io/status/#service-api');
  });

  it('never turns a path into another host', () => {
    expect(siteUrl('/', '//tracker.example/p.gif')).toBe('/tracker.example/p.gif');
    expect(siteUrl('/', '/\\tracker.example/p.gif')).toBe('/tracker.example/p.gif');
  });
});

describe('basePathOf: the path the site is served under', () => {
  it('is / at a host’s root, with or without the slash', () => {
    expect(basePathOf('https://status.example.com/')).toBe('/');
    expect(basePathOf('https://status.example.com')).toBe('/');
  });

  it('is the folder of a project site, with or without the slash', () => {
    expect(basePathOf('https://acme.github.io/status/')).toBe('/status/');
    expect(basePathOf('https://acme.github.io/status')).toBe('/status/');
    expect(basePathOf('https://example.org/ops/status')).toBe('/ops/status/');
  });
});

describe('baseUrl in content/site.yaml', () => {
  const parsed = (baseUrl: string) => siteSchema.shape.baseUrl.parse(baseUrl);

  it('is read as a folder when its closing slash is missing', () => {
    expect(parsed('https://acme.github.io/status')).toBe('https://acme.github.io/status/');
    expect(parsed('https://example.org/ops/status')).toBe('https://example.org/ops/status/');
    expect(siteAddressAsFolder('https://status.example.com')).toBe('https://status.example.com/');
  });

  it('is kept as written when it already ends in a slash', () => {
    expect(parsed('https://acme.github.io/status/')).toBe('https://acme.github.io/status/');
    expect(parsed('https://status.example.com/')).toBe('https://status.example.com/');
  });
});

describe('site paths a team writes in markdown', () => {
  const markdown = '![the alert](/images/alert.png) [history](/incidents/) [runbook](https://runbooks.example.org/x) [above](#impact) [here](page/)';

  it('stay as written at a host’s root', () => {
    expect(markdownToHtml(markdown)).toBe('<p><img src="/images/alert.png" alt="the alert"> <a href="/incidents/">history</a> <a href="https://runbooks.example.org/x">runbook</a> <a href="#impact">above</a> <a href="page/">here</a></p>');
  });

  it('land under the site’s path on a page, and under its address in a feed, other links untouched', () => {
    expect(markdownToHtml(markdown, { siteBase: '/status/' })).toBe('<p><img src="/status/images/alert.png" alt="the alert"> <a href="/status/incidents/">history</a> <a href="https://runbooks.example.org/x">runbook</a> <a href="#impact">above</a> <a href="page/">here</a></p>');
    expect(markdownToHtml(markdown, { siteBase: 'https://acme.github.io/status/' })).toBe('<p><img src="https://acme.github.io/status/images/alert.png" alt="the alert"> <a href="https://acme.github.io/status/incidents/">history</a> <a href="https://runbooks.example.org/x">runbook</a> <a href="#impact">above</a> <a href="page/">here</a></p>');
  });

  it('are full addresses in plain text (the API and the calendar)', () => {
    expect(markdownToPlainText('See [the history](/incidents/).', { siteBase: 'https://acme.github.io/status/' })).toBe('See the history (https://acme.github.io/status/incidents/).');
  });

  it('never let an image from another host through, whatever the base', () => {
    expect(markdownToHtml('![x](//tracker.example/p.gif) ![y](https://tracker.example/p.gif)', { siteBase: 'https://acme.github.io/status/' })).toBe('<p>x y</p>');
  });
});
