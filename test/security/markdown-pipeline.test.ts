// The renderer is the guarantee: whatever markdown reaches it, the HTML it writes for pages and feeds carries no
// script, no script-bearing link and no request to another host, even for input the check would have refused.
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { markdownToHtml, markdownToPlainText } from '../../src/lib/markdown/markdown-html.ts';

/** Every element of the HTML as a browser parses it, with its attributes. */
function elementsOf(html: string): Element[] {
  const elements: Element[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
    elements.push(node);
  });
  return elements;
}

/** What a reader's browser or feed reader could run or fetch from the HTML. */
function dangersIn(html: string): string[] {
  const dangers: string[] = [];
  for (const element of elementsOf(html)) {
    if (['script', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'svg', 'math'].includes(element.tagName)) dangers.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) dangers.push(`${name} handler`);
      if ((name === 'href' || name === 'src' || name === 'cite') && /^\s*(javascript|data|vbscript):/i.test(String(value))) dangers.push(`${name}=${String(value)}`);
      if (name === 'src' && !/^\/(?![/\\])/.test(String(value))) dangers.push(`src from another host: ${String(value)}`);
    }
  }
  return dangers;
}

const ATTACKS: Record<string, string> = {
  'script between comments': '<!-- x --><script>alert(1)</script><!-- y -->',
  'comment closed by --!>': '<!-- --!><script>alert(1)</script>',
  'abruptly closed empty comment': '<!---><img src=x onerror=alert(1)>-->',
  'comment opened as <!-->': '<!--><script>alert(1)</script><!-- -->',
  'inline raw HTML': 'text <img src=x onerror=alert(1)> more',
  'raw iframe block': '<iframe src="https://evil.example/"></iframe>',
  'svg with script': '<svg><script>alert(1)</script></svg>',
  'javascript link': '[click](javascript:alert(1))',
  'javascript link in capitals with spaces': '[click]( JaVaScRiPt:alert(1) )',
  'javascript link through an entity': '[click](javascript&#58;alert(1))',
  'data link': '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  'vbscript link': '[click](vbscript:msgbox(1))',
  'reference-style javascript link': '[click][x]\n\n[x]: javascript:alert(1)',
  'autolink with javascript': '<javascript:alert(1)>',
  'tracking image': '![](https://tracker.example/p.gif)',
  'protocol-relative image': '![](//tracker.example/p.gif)',
  'backslash image': '![](/\\tracker.example/p.gif)',
  'reference-style tracking image': '![pixel][t]\n\n[t]: https://tracker.example/p.gif',
  'data image': '![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
  'second frontmatter block with a fence': '---\ntitle: x\n```\n---\n<script>alert(1)</script>\n```',
};

describe('the markdown renderer, given what an attacker writes', () => {
  for (const [name, markdown] of Object.entries(ATTACKS)) {
    it(`writes nothing runnable or remote for ${name}`, () => {
      expect(dangersIn(markdownToHtml(markdown))).toEqual([]);
    });
  }

  it('keeps http(s), mailto and site links, and images from the site', () => {
    const html = markdownToHtml('[a](https://example.com/x) [b](mailto:ops@example.com) [c](/incidents/) [d](#update) ![e](/images/diagram.png)');
    expect(html).toBe('<p><a href="https://example.com/x">a</a> <a href="mailto:ops@example.com">b</a> <a href="/incidents/">c</a> <a href="#update">d</a> <img src="/images/diagram.png" alt="e"></p>');
  });

  it('shows an image from another host as its alt text', () => {
    expect(markdownToHtml('before ![the dashboard](https://tracker.example/p.gif) after')).toBe('<p>before the dashboard after</p>');
  });

  it('drops the target of a script link but keeps its words', () => {
    expect(markdownToHtml('[click here](javascript:alert(1))')).toBe('<p><a>click here</a></p>');
  });

  it('writes every "]]>" so that no CDATA section can be closed by the text', () => {
    const html = markdownToHtml('a ]]> b ]]> c `]]>`');
    expect(html).not.toContain(']]>');
    expect(html).toBe('<p>a ]]&gt; b ]]&gt; c <code>]]&gt;</code></p>');
  });

  it('strips characters XML cannot carry (NUL, ANSI escapes, lone surrogates)', () => {
    expect(markdownToHtml('red \u001b[31malert\u001b[0m\u0000 \ud800 done')).toBe('<p>red [31malert[0m  done</p>');
  });

  it('writes HTTPS: and MailTo: links in small letters rather than dropping them', () => {
    expect(markdownToHtml('[a](HTTPS://example.com/) [b](MailTo:ops@example.com)')).toBe('<p><a href="https://example.com/">a</a> <a href="mailto:ops@example.com">b</a></p>');
  });

  it('gives each piece of text its own footnote ids, so a page with several never repeats one', () => {
    const idsOf = (html: string) => elementsOf(html).flatMap((element) => (element.properties.id ? [String(element.properties.id)] : []));
    const body = idsOf(markdownToHtml('Body[^1].\n\n[^1]: One.'));
    const message = idsOf(markdownToHtml('Message[^1].\n\n[^1]: Two.', { idPrefix: 'user-content-update-2026-11-10t080400z-' }));
    expect(body).toEqual(['user-content-fnref-1', 'user-content-footnote-label', 'user-content-fn-1']);
    expect(message).toEqual(['user-content-update-2026-11-10t080400z-fnref-1', 'user-content-update-2026-11-10t080400z-footnote-label', 'user-content-update-2026-11-10t080400z-fn-1']);
  });

  it('keeps footnote links working', () => {
    const html = markdownToHtml('See[^1].\n\n[^1]: The note.');
    const ids = elementsOf(html).flatMap((element) => (element.properties.id ? [String(element.properties.id)] : []));
    const targets = elementsOf(html).flatMap((element) => (typeof element.properties.href === 'string' && element.properties.href.startsWith('#') ? [element.properties.href.slice(1)] : []));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(ids).toContain(target);
  });
});

describe('the plain text of markdown (API bodies, calendar descriptions)', () => {
  it('is what the page shows, with link addresses after their words', () => {
    expect(markdownToPlainText('Calls **fail**; see [the runbook](https://runbooks.example.org/tls) and `openssl`.')).toBe('Calls fail; see the runbook (https://runbooks.example.org/tls) and openssl.');
  });

  it('keeps paragraphs, list items and table rows on their own lines', () => {
    expect(markdownToPlainText('First.\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |')).toBe('First.\n\n- one\n- two\n\na\tb\n1\t2');
  });

  it('carries no script link, raw HTML or control character', () => {
    expect(markdownToPlainText('[click](javascript:alert(1)) <b onclick="x">bold</b>\u001b[0m')).toBe('click bold[0m');
  });
});
