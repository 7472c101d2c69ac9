// Which Chromium the browser tests drive: the machine's own (on PATH, at a usual path, or installed by Playwright)
// when it has one, else the headless Chromium that @sparticuz/chromium ships inside its npm package.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { bundledChromiumArchives, unpackedBundledChromium } from './bundled-chromium.ts';

/** The variable that picks the browser: unset or `auto`, `system`, `bundled`, or the path of a Chromium. */
export const CHROMIUM_CHOICE = 'AFTERMATH_CHROMIUM';

export const SYSTEM_CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/** Where distributions and Google's package put Chromium, for a PATH that leaves them out. */
export const USUAL_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
] as const;

// No sandbox: CI runs as root. The rest keep Chromium from reaching for the network, which this closed network refuses.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

const HOW_TO_GET_ONE = `install one (apt-get install chromium, or npx playwright install chromium) or set ${CHROMIUM_CHOICE} to a Chromium's path`;

export type FoundChromium =
  | { source: 'system' | 'playwright' | 'named'; executablePath: string }
  | { source: 'bundled'; archives: string };

/** What the finder looks at, passed in so a test can describe a machine that is not this one. */
export interface ChromiumSearch {
  /** The value of AFTERMATH_CHROMIUM. */
  choice: string | undefined;
  /** The value of PATH. */
  searchPath: string;
  isExecutable: (file: string) => boolean;
  /** Where Playwright installs the Chromium of the playwright-core in use. */
  playwrightChromium: string | undefined;
  /** The folder of the bundled Chromium's archives, or why there is none on this machine. */
  bundled: { archives: string } | { unavailable: string };
}

/** Picks the Chromium to launch, or throws one line saying why there is none and how to get one. */
export function findChromium(search: ChromiumSearch): FoundChromium {
  const choice = search.choice?.trim() || 'auto';
  const system = () => systemChromium(search);
  const bundled = (): FoundChromium | undefined => ('archives' in search.bundled ? { source: 'bundled', archives: search.bundled.archives } : undefined);
  const unavailable = 'unavailable' in search.bundled ? search.bundled.unavailable : '';

  if (choice === 'auto') {
    const found = system() ?? playwrightChromium(search) ?? bundled();
    if (found) return found;
    throw new Error(`No Chromium for the browser tests: none of ${SYSTEM_CHROMIUM_NAMES.join(', ')} on PATH or at the usual paths, none installed by Playwright, and ${unavailable}; ${HOW_TO_GET_ONE}.`);
  }
  if (choice === 'system') {
    const found = system() ?? playwrightChromium(search);
    if (found) return found;
    throw new Error(`No Chromium for the browser tests: ${CHROMIUM_CHOICE}=system, but none of ${SYSTEM_CHROMIUM_NAMES.join(', ')} is on PATH or at the usual paths, and none was installed by Playwright; ${HOW_TO_GET_ONE}.`);
  }
  if (choice === 'bundled') {
    const found = bundled();
    if (found) return found;
    throw new Error(`No Chromium for the browser tests: ${CHROMIUM_CHOICE}=bundled, but ${unavailable}; ${HOW_TO_GET_ONE}.`);
  }
  if (path.isAbsolute(choice)) {
    if (search.isExecutable(choice)) return { source: 'named', executablePath: choice };
    throw new Error(`No Chromium for the browser tests: ${CHROMIUM_CHOICE}=${choice} is not an executable file; ${HOW_TO_GET_ONE}.`);
  }
  throw new Error(`No Chromium for the browser tests: ${CHROMIUM_CHOICE}=${choice} is none of auto, system, bundled or an absolute path to a Chromium.`);
}

function systemChromium(search: ChromiumSearch): FoundChromium | undefined {
  const onPath = search.searchPath
    .split(path.delimiter)
    .filter((folder) => path.isAbsolute(folder))
    .flatMap((folder) => SYSTEM_CHROMIUM_NAMES.map((name) => path.join(folder, name)));
  const executablePath = [...onPath, ...USUAL_CHROMIUM_PATHS].find((file) => search.isExecutable(file));
  return executablePath ? { source: 'system', executablePath } : undefined;
}

function playwrightChromium(search: ChromiumSearch): FoundChromium | undefined {
  const executablePath = search.playwrightChromium;
  return executablePath && search.isExecutable(executablePath) ? { source: 'playwright', executablePath } : undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** This machine, as the finder sees it. */
export function thisMachine(env: NodeJS.ProcessEnv = process.env): ChromiumSearch {
  let playwright: string | undefined;
  try {
    playwright = chromium.executablePath();
  } catch {
    // Playwright names no build for this platform.
  }
  return {
    choice: env[CHROMIUM_CHOICE],
    searchPath: env.PATH ?? '',
    isExecutable: isExecutableFile,
    playwrightChromium: playwright,
    bundled: bundledChromiumArchives(),
  };
}

/** Launches the Chromium this machine offers, headless, with the flags every browser suite needs (and `extraArgs`). */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return launchFound(findChromium(thisMachine()), extraArgs);
}

export async function launchFound(found: FoundChromium, extraArgs: readonly string[] = []): Promise<Browser> {
  if (found.source === 'bundled') {
    const unpacked = await unpackedBundledChromium(found.archives);
    return chromium.launch({ executablePath: unpacked.executablePath, env: unpacked.env, args: [...CHROMIUM_FLAGS, ...extraArgs] });
  }
  try {
    return await chromium.launch({ executablePath: found.executablePath, args: [...CHROMIUM_FLAGS, ...extraArgs] });
  } catch (error) {
    const firstLine = String(error instanceof Error ? error.message : error).split('\n')[0];
    throw new Error(`Chromium at ${found.executablePath} did not start (${firstLine}); set ${CHROMIUM_CHOICE}=bundled to use the one the npm packages bring.`, { cause: error });
  }
}
