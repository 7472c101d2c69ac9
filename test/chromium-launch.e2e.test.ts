// The Chromium the browser suites get starts and draws Chinese text, and so does the bundled one they fall back to
// on a machine without a browser (the screenshots show Chinese pages: without a CJK font they would show nothing).
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium, launchFound, thisMachine } from './helpers/browser.ts';
import { bundledChromiumArchives } from './helpers/bundled-chromium.ts';

const browsers: Browser[] = [];

afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
});

// Each character drawn alone on a canvas, as a string of ink and no ink. Two different characters that draw the
// same are both the missing-glyph box (or both nothing): the browser has no font for them.
async function inkOf(browser: Browser, characters: string[]): Promise<string[]> {
  const page = await browser.newPage();
  const ink = await page.evaluate((all) =>
    all.map((character) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const context = canvas.getContext('2d')!;
      context.font = '48px system-ui, sans-serif';
      context.fillText(character, 4, 52);
      const alpha = context.getImageData(0, 0, 64, 64).data.filter((_, index) => index % 4 === 3);
      return Array.from(alpha, (value) => (value > 127 ? '1' : '0')).join('');
    }),
  characters);
  await page.close();
  return ink;
}

async function expectToDrawChinese(browser: Browser): Promise<void> {
  const [zhong, guo, latin] = await inkOf(browser, ['中', '国', 'A']);
  const drawn = (ink: string | undefined) => ink?.includes('1') ?? false;
  expect(
    { '中 drawn': drawn(zhong), '国 drawn': drawn(guo), '中 and 国 differ': zhong !== guo, 'A drawn': drawn(latin) },
    'a Chromium without a Chinese font (install fonts-noto-cjk, or set AFTERMATH_CHROMIUM=bundled)',
  ).toEqual({ '中 drawn': true, '国 drawn': true, '中 and 国 differ': true, 'A drawn': true });
}

describe('the Chromium of the browser tests', () => {
  it('starts and draws Chinese characters', async () => {
    const browser = await launchChromium();
    browsers.push(browser);
    await expectToDrawChinese(browser);
  }, 120_000);

  // Proves the fallback on machines that have a Chromium of their own, where the suites never reach it.
  const bundled = bundledChromiumArchives();
  it.runIf('archives' in bundled)('bundled in the npm packages starts and draws Chinese characters with its own fonts', async () => {
    const found = findChromium({ ...thisMachine(), choice: 'bundled' });
    expect(found.source).toBe('bundled');
    const browser = await launchFound(found);
    browsers.push(browser);
    await expectToDrawChinese(browser);
  }, 120_000);
});
