// The headless Chromium that @sparticuz/chromium ships brotli-compressed inside its npm package, unpacked once into
// node_modules/.cache with the NSS libraries it links and Noto Sans and Noto Sans SC as its only fonts, so it runs on a
// machine with no browser libraries and draws Chinese pages the same everywhere.
import { existsSync, readFileSync } from 'node:fs';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { extract } from 'tar';
import { decompress } from 'wawoff2';
import { PROJECT } from './sites.ts';

const require = createRequire(import.meta.url);

const CACHE = path.join(PROJECT, 'node_modules', '.cache', 'aftermath-chromium');

// The weights the site's styles use (body text, font-weight 600, bold headings and table heads).
const FONT_WEIGHTS = ['400', '600', '700'];

export interface UnpackedChromium {
  executablePath: string;
  /** The environment to launch it with: its own libraries and its own font configuration. */
  env: Record<string, string>;
}

/** The folder holding the package's archives, or why this machine has no bundled Chromium. */
export function bundledChromiumArchives(): { archives: string } | { unavailable: string } {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { unavailable: `the bundled @sparticuz/chromium runs only on Linux x64, not ${process.platform}/${process.arch}` };
  }
  let entry: string;
  try {
    entry = require.resolve('@sparticuz/chromium');
  } catch {
    return { unavailable: '@sparticuz/chromium is not installed (npm install brings it)' };
  }
  const archives = path.join(path.dirname(entry), '..', 'bin');
  return existsSync(path.join(archives, 'chromium.br')) ? { archives } : { unavailable: `@sparticuz/chromium has no chromium.br in ${archives}` };
}

function versionOf(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

function fontFolder(fontPackage: string): string {
  return path.join(path.dirname(require.resolve(`${fontPackage}/unicode.json`)), 'files');
}

/** Unpacks the bundled Chromium unless an earlier run did, and says how to launch it. */
export async function unpackedBundledChromium(archives: string): Promise<UnpackedChromium> {
  // One folder per version of the browser and of the fonts, so an upgrade unpacks afresh.
  const fonts = ['@fontsource/noto-sans', '@fontsource/noto-sans-sc'].map((name) => `${name.replace('@fontsource/', '')}-${versionOf(path.join(fontFolder(name), '..', 'package.json'))}`);
  const home = path.join(CACHE, [`chromium-${versionOf(path.join(archives, '..', 'package.json'))}`, ...fonts].join('_'));
  if (!existsSync(path.join(home, 'chromium'))) await unpackInto(home, archives);
  return {
    executablePath: path.join(home, 'chromium'),
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
      LD_LIBRARY_PATH: [path.join(home, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: path.join(home, 'fonts.conf'),
    },
  };
}

// Several suites may start at once: each unpacks into its own scratch folder and renames it into place, so a
// folder at `home` is always complete; whoever renames second throws its copy away.
async function unpackInto(home: string, archives: string): Promise<void> {
  await mkdir(CACHE, { recursive: true });
  await removeAbandonedScratch();
  const scratch = `${home}.unpacking-${process.pid}`;
  await rm(scratch, { recursive: true, force: true });
  await mkdir(path.join(scratch, 'fonts'), { recursive: true });
  try {
    await pipeline(createReadStream(path.join(archives, 'chromium.br')), createBrotliDecompress(), createWriteStream(path.join(scratch, 'chromium'), { mode: 0o755 }));
    // lib/: libnss3, libnspr4, libexpat and their kin, which a machine without a browser lacks.
    await extract({ file: path.join(archives, 'al2023.tar.br'), cwd: scratch, brotli: true });
    await writeFonts(path.join(scratch, 'fonts'));
    await writeFile(path.join(scratch, 'fonts.conf'), fontConfiguration(home));
    await rename(scratch, home).catch(async (error: NodeJS.ErrnoException) => {
      if (!existsSync(path.join(home, 'chromium'))) throw error;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function removeAbandonedScratch(): Promise<void> {
  for (const name of await readdir(CACHE)) {
    const pid = Number(/\.unpacking-(\d+)$/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isRunning(pid)) await rm(path.join(CACHE, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// The browser's FreeType reads no WOFF, so the site's own @fontsource files are unwrapped into TrueType: Noto Sans for
// Latin, Greek and Cyrillic, and every unicode-range subset of Noto Sans SC for Chinese.
async function writeFonts(folder: string): Promise<void> {
  for (const fontPackage of ['@fontsource/noto-sans', '@fontsource/noto-sans-sc']) {
    const source = fontFolder(fontPackage);
    const files = (await readdir(source)).filter((name) => FONT_WEIGHTS.some((weight) => name.endsWith(`-${weight}-normal.woff2`)));
    for (const name of files) {
      const truetype = await decompress(await readFile(path.join(source, name)));
      await writeFile(path.join(folder, name.replace(/\.woff2$/, '.ttf')), truetype);
    }
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Only these fonts, never the machine's: the pages draw alike on every machine, and the generic families the site's
// styles end with resolve to Noto Sans, then Noto Sans SC for what Noto Sans lacks.
function fontConfiguration(home: string): string {
  const generic = (family: string) =>
    `  <alias binding="same"><family>${family}</family><prefer><family>Noto Sans</family><family>Noto Sans SC</family></prefer></alias>`;
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    `  <dir>${escapeXml(path.join(home, 'fonts'))}</dir>`,
    `  <cachedir>${escapeXml(path.join(home, 'fontconfig-cache'))}</cachedir>`,
    ...['sans-serif', 'serif', 'monospace', 'system-ui'].map(generic),
    '</fontconfig>',
    '',
  ].join('\n');
}
