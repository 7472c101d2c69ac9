// The built example site served locally and a Chromium to open it with, for the browser suites: one setup and one
// axe run (the page families are in page-families.ts).
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface ExampleInBrowser {
  server: StaticServer;
  browser: Browser;
}

/** Serves the example site and launches Chromium (with `extraArgs`) before the suite's tests; closes both after. */
export function exampleInBrowser(extraArgs: readonly string[] = []): ExampleInBrowser {
  const running = {} as ExampleInBrowser;
  beforeAll(async () => {
    running.server = await serveStatic(inject('exampleSite'));
    running.browser = await launchChromium(extraArgs);
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.close();
  });
  return running;
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's violations of `tags` on the page, a line each; the page must have been opened with its CSP bypassed. */
export async function axeViolations(page: Page, tags: readonly string[]): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (runOnly) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: runOnly } });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
  }, [...tags]);
}
