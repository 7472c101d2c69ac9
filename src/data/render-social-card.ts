// Renders a social card to PNG at build time: satori lays it out with bundled fonts, resvg rasterises it. Cards
// are kept between builds by a hash of everything that decides their pixels, so a rebuild after one new update
// draws only the cards whose text changed, and a kept card can never be a stale one.
import { renderAsync } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import satori from 'satori';
import { removeUnusedEntries, replaceFile } from '../lib/files/kept-files.ts';
import { socialCard, type CardText } from '../lib/status/social-card.ts';
import { CARD_FONT_PACKAGES, drawableText, fontsFor, latinFonts } from './card-fonts.ts';

/**
 * What, besides the card's text, decides its pixels: the code that lays it out and the fonts, and the versions of
 * the layout and raster libraries. Any change to one gives every card a new key.
 */
function rendererFingerprint(project: string): string {
  const hash = createHash('sha256');
  for (const file of ['src/data/render-social-card.ts', 'src/lib/status/social-card.ts', 'src/data/card-fonts.ts']) hash.update(readFileSync(path.join(project, file)));
  for (const pkg of ['satori', '@resvg/resvg-js', ...CARD_FONT_PACKAGES]) {
    hash.update(readFileSync(path.join(project, 'node_modules', pkg, 'package.json')));
  }
  return hash.digest('hex');
}

interface CardCache {
  folder: string;
  fingerprint: string;
}

let cache: CardCache | null | undefined;

/** The build's card cache, or null when it cannot be used (no project files to fingerprint): cards are then drawn every time. */
function cardCache(): CardCache | null {
  if (cache !== undefined) return cache;
  const project = process.cwd();
  try {
    const folder = process.env.AFTERMATH_CARD_CACHE || path.join(project, 'node_modules', '.cache', 'aftermath', 'social-cards');
    mkdirSync(folder, { recursive: true });
    cache = { folder, fingerprint: rendererFingerprint(project) };
    removeUnusedEntries(folder);
  } catch {
    cache = null;
  }
  return cache;
}

/** The card's text with only the characters a bundled font draws: the others would show as empty boxes. */
async function drawableCardText(text: CardText): Promise<CardText> {
  return {
    ...text,
    siteName: await drawableText(text.siteName),
    ...(text.kicker === undefined ? {} : { kicker: await drawableText(text.kicker) }),
    title: await drawableText(text.title),
    details: await Promise.all(text.details.map(drawableText)),
  };
}

/** The card as SVG; with `embedFont: false` its text stays text, which tests read. */
export async function socialCardSvg(text: CardText, options: { embedFont?: boolean } = {}): Promise<string> {
  return satori(socialCard(await drawableCardText(text)) as unknown as Parameters<typeof satori>[0], {
    width: 1200,
    height: 630,
    fonts: await latinFonts(),
    embedFont: options.embedFont ?? true,
    // Called for text Noto Sans's Latin cannot draw: each script gets the font subsets it needs.
    loadAdditionalAsset: async (_language, segment) => fontsFor(segment),
  });
}

async function drawSocialCard(text: CardText): Promise<Buffer> {
  const svg = await socialCardSvg(text);
  // Rasterising is most of the cost; the async form runs on libuv's thread pool, so cards render in parallel.
  return Buffer.from((await renderAsync(svg, { fitTo: { mode: 'width', value: 1200 } })).asPng());
}

export async function renderSocialCard(text: CardText): Promise<Buffer> {
  const kept = cardCache();
  if (!kept) return drawSocialCard(text);
  const key = createHash('sha256').update(kept.fingerprint).update(JSON.stringify(text)).digest('hex');
  const file = path.join(kept.folder, `${key}.png`);
  try {
    const png = readFileSync(file);
    const now = new Date();
    utimesSync(file, now, now);
    return png;
  } catch {
    // Not drawn yet (or removed meanwhile): draw it.
  }
  const png = await drawSocialCard(text);
  try {
    // Renamed into place, so a build running at the same time never reads half a card.
    replaceFile(file, png);
  } catch {
    // Not kept this time: the card is still published.
  }
  return png;
}
