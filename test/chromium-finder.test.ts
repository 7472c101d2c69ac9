// Which Chromium the browser suites get on machines with and without one of their own.
import { describe, expect, it } from 'vitest';
import { findChromium, type ChromiumSearch } from './helpers/browser.ts';

const BUNDLED = { archives: '/project/node_modules/@sparticuz/chromium/bin' };
const PLAYWRIGHT = '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

function machine(executables: string[], overrides: Partial<ChromiumSearch> = {}): ChromiumSearch {
  return {
    choice: undefined,
    searchPath: '/home/dev/bin:/usr/local/bin:/usr/bin:/bin',
    isExecutable: (file) => executables.includes(file),
    playwrightChromium: PLAYWRIGHT,
    bundled: BUNDLED,
    ...overrides,
  };
}

function failure(search: ChromiumSearch): string {
  try {
    findChromium(search);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected no Chromium to be found');
}

describe('finding a Chromium for the browser tests', () => {
  it("takes the machine's own Chromium on PATH before the bundled one", () => {
    expect(findChromium(machine(['/usr/bin/chromium', PLAYWRIGHT]))).toEqual({ source: 'system', executablePath: '/usr/bin/chromium' });
  });

  it('takes the first folder of PATH that has one, under any of its usual names', () => {
    expect(findChromium(machine(['/usr/bin/chromium', '/usr/local/bin/google-chrome']))).toEqual({ source: 'system', executablePath: '/usr/local/bin/google-chrome' });
    expect(findChromium(machine(['/usr/bin/chromium-browser']))).toEqual({ source: 'system', executablePath: '/usr/bin/chromium-browser' });
  });

  it('finds Google Chrome at its usual path when PATH leaves it out', () => {
    expect(findChromium(machine(['/opt/google/chrome/chrome'], { searchPath: '/home/dev/bin' }))).toEqual({ source: 'system', executablePath: '/opt/google/chrome/chrome' });
  });

  it("takes Playwright's Chromium when the machine has no Chromium of its own", () => {
    expect(findChromium(machine([PLAYWRIGHT]))).toEqual({ source: 'playwright', executablePath: PLAYWRIGHT });
  });

  it('falls back to the bundled Chromium when the machine has none', () => {
    expect(findChromium(machine([]))).toEqual({ source: 'bundled', archives: BUNDLED.archives });
  });

  it('takes the bundled Chromium when AFTERMATH_CHROMIUM=bundled, even beside a system one', () => {
    expect(findChromium(machine(['/usr/bin/chromium', PLAYWRIGHT], { choice: 'bundled' }))).toEqual({ source: 'bundled', archives: BUNDLED.archives });
  });

  it('takes the Chromium AFTERMATH_CHROMIUM names by path', () => {
    expect(findChromium(machine(['/usr/bin/chromium', '/opt/chromium-dev/chrome'], { choice: '/opt/chromium-dev/chrome' }))).toEqual({
      source: 'named',
      executablePath: '/opt/chromium-dev/chrome',
    });
  });

  it('fails in one line saying how to get a Chromium when there is none and none can be bundled', () => {
    const message = failure(machine([], { bundled: { unavailable: 'the bundled @sparticuz/chromium runs only on Linux x64, not linux/arm64' } }));
    expect(message).toBe(
      'No Chromium for the browser tests: none of chromium, chromium-browser, google-chrome, google-chrome-stable on PATH or at the usual paths, ' +
        'none installed by Playwright, and the bundled @sparticuz/chromium runs only on Linux x64, not linux/arm64; ' +
        "install one (apt-get install chromium, or npx playwright install chromium) or set AFTERMATH_CHROMIUM to a Chromium's path.",
    );
    expect(message).not.toContain('\n');
  });

  it('fails rather than fall back when AFTERMATH_CHROMIUM=system and the machine has none', () => {
    expect(failure(machine([], { choice: 'system' }))).toMatch(/^No Chromium for the browser tests: AFTERMATH_CHROMIUM=system, but none of chromium, .* is on PATH/);
  });

  it('fails when AFTERMATH_CHROMIUM=bundled and the package is missing', () => {
    expect(failure(machine(['/usr/bin/chromium'], { choice: 'bundled', bundled: { unavailable: '@sparticuz/chromium is not installed (npm install brings it)' } }))).toMatch(
      /^No Chromium for the browser tests: AFTERMATH_CHROMIUM=bundled, but @sparticuz\/chromium is not installed \(npm install brings it\); install one/,
    );
  });

  it('fails on a path that is no executable, and on a word it does not know', () => {
    expect(failure(machine(['/usr/bin/chromium'], { choice: '/opt/nothing/chrome' }))).toMatch(/AFTERMATH_CHROMIUM=\/opt\/nothing\/chrome is not an executable file; install one/);
    expect(failure(machine(['/usr/bin/chromium'], { choice: 'chrome' }))).toBe(
      'No Chromium for the browser tests: AFTERMATH_CHROMIUM=chrome is none of auto, system, bundled or an absolute path to a Chromium.',
    );
  });
});
