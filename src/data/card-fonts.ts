// Fonts for the social cards, from the @fontsource packages: each family is split into subsets by script, and
// each subset's unicode-range (the package's unicode.json) says which characters it draws. A card loads only the
// subsets its text needs: Noto Sans's Latin always, then for each other character the first family below whose
// font has a glyph for it (read from the font's own character map with fontkitten). A character no bundled font draws is left out of the card (the page itself shows it), never drawn as
// an empty box.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkitten';

const require = createRequire(import.meta.url);

export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

const WEIGHTS = [400, 700] as const;

interface Family {
  /** The npm package, also the file names' stem after `@fontsource/`. */
  pkg: string;
  /** Only these subsets: the others repeat what an earlier family draws. */
  subsets?: readonly string[];
  /** Only these code points, when the family also draws characters a later one draws better. */
  only?: readonly [number, number][];
}

/** Hangul: jamo, compatibility jamo, extended jamo and syllables. */
const HANGUL: readonly [number, number][] = [
  [0x1100, 0x11ff],
  [0x3130, 0x318f],
  [0xa960, 0xa97f],
  [0xac00, 0xd7ff],
];

/**
 * In order of preference. Noto Sans: Latin, Vietnamese, Greek, Cyrillic and Devanagari; Noto Sans KR for hangul
 * only (Noto Sans SC lists some syllables it does not draw, and KR's ideographs are Korean forms); Noto Sans SC:
 * Chinese and Japanese kana; then Arabic, Hebrew, Thai, and Noto Emoji (monochrome: satori draws glyph outlines,
 * not colour bitmaps). Arabic's `symbols` subset is left out: it lists emoji it has no glyph for.
 */
const FAMILIES: readonly Family[] = [
  { pkg: 'noto-sans' },
  { pkg: 'noto-sans-kr', only: HANGUL },
  { pkg: 'noto-sans-sc' },
  { pkg: 'noto-sans-arabic', subsets: ['arabic'] },
  { pkg: 'noto-sans-hebrew', subsets: ['hebrew'] },
  { pkg: 'noto-sans-thai', subsets: ['thai'] },
  { pkg: 'noto-emoji' },
];

/** The font packages whose files decide a card's pixels (their versions are part of a kept card's key). */
export const CARD_FONT_PACKAGES = [...FAMILIES.map((family) => `@fontsource/${family.pkg}`), 'fontkitten'];

interface Subset {
  pkg: string;
  only?: readonly [number, number][];
  /** As in the file names: `latin`, `cyrillic-ext`, or a number for the Chinese and emoji slices. */
  id: string;
  ranges: [number, number][];
}

/** Parses "U+4e00-4e3f,U+4e45" into code point ranges. */
export function parseUnicodeRange(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(from!, 16);
    return [start, to ? Number.parseInt(to, 16) : start];
  });
}

let subsets: Promise<Subset[]> | undefined;

/** Every subset of every family, in the order of preference. */
function allSubsets(): Promise<Subset[]> {
  subsets ??= Promise.all(
    FAMILIES.map(async ({ pkg, subsets: wanted, only }) => {
      const table = JSON.parse(await readFile(require.resolve(`@fontsource/${pkg}/unicode.json`), 'utf8')) as Record<string, string>;
      return Object.entries(table)
        .map(([key, ranges]) => ({ pkg, id: key.replace(/[[\]]/g, ''), ranges: parseUnicodeRange(ranges), ...(only ? { only } : {}) }))
        .filter((subset) => !wanted || wanted.includes(subset.id));
    }),
  ).then((families) => families.flat());
  return subsets;
}

const subsetByCodePoint = new Map<number, Subset | null>();
const characterMaps = new Map<string, Promise<Font | null>>();

/**
 * Whether a subset's font has a glyph for a code point, from its character map: the unicode-range tables are
 * the slicing Google Fonts uses for every family alike, so Noto Sans SC's list Arabic letters it does not draw.
 */
async function draws(subset: Subset, code: number): Promise<boolean> {
  const key = `${subset.pkg}/${subset.id}`;
  let font = characterMaps.get(key);
  if (!font) {
    font = readFile(fontFile(subset, 400)).then(
      (data) => {
        try {
          const parsed = create(data);
          if (!('hasGlyphForCodePoint' in parsed)) return null;
          // Reads the map now: a file whose map cannot be read (one Noto Sans SC slice) draws nothing here.
          parsed.hasGlyphForCodePoint(0x20);
          return parsed;
        } catch {
          return null;
        }
      },
      () => null,
    );
    characterMaps.set(key, font);
  }
  return (await font)?.hasGlyphForCodePoint(code) ?? false;
}

/** The first subset whose font draws a code point, or null when no bundled font has it. */
async function subsetFor(code: number): Promise<Subset | null> {
  const known = subsetByCodePoint.get(code);
  if (known !== undefined) return known;
  const within = (ranges: readonly [number, number][]) => ranges.some(([start, end]) => code >= start && code <= end);
  let found: Subset | null = null;
  for (const subset of await allSubsets()) {
    if ((!subset.only || within(subset.only)) && within(subset.ranges) && (await draws(subset, code))) {
      found = subset;
      break;
    }
  }
  subsetByCodePoint.set(code, found);
  return found;
}

/**
 * `text` without the characters no bundled font draws (line breaks and tabs become spaces). A space after an
 * emoji becomes a no-break space: satori measures an ordinary one there with the emoji font, whose space is a
 * whole em wide.
 */
export async function drawableText(text: string): Promise<string> {
  let kept = '';
  for (const character of text.replace(/[\t\r\n]+/g, ' ')) {
    if (await subsetFor(character.codePointAt(0)!)) kept += character;
  }
  return kept.replace(/(\p{Extended_Pictographic}\uFE0F?) /gu, '$1\u00a0');
}

/** The font files (both weights) that draw a code point on a card, or none; tests read their character maps. */
export async function fontFilesFor(code: number): Promise<string[]> {
  const subset = await subsetFor(code);
  return subset ? WEIGHTS.map((weight) => fontFile(subset, weight)) : [];
}

function fontFile(subset: Subset, weight: number): string {
  return require.resolve(`@fontsource/${subset.pkg}/files/${subset.pkg}-${subset.id}-${weight}-normal.woff`);
}

const loaded = new Map<string, Promise<CardFont[]>>();

function subsetFonts(subset: Subset): Promise<CardFont[]> {
  const key = `${subset.pkg}/${subset.id}`;
  let pending = loaded.get(key);
  if (!pending) {
    pending = Promise.all(
      WEIGHTS.map(async (weight) => ({
        // One name per subset: fonts sharing a name and weight replace each other (satori keeps one), so Latin
        // and Cyrillic both named Noto Sans would draw one of the two as boxes. Satori falls back from the
        // card's family (CARD_FONT_FAMILY, `noto-sans latin`) to every other font loaded, in order, for a
        // character the first lacks.
        name: `${subset.pkg} ${subset.id}`,
        data: await readFile(fontFile(subset, weight)),
        weight,
        style: 'normal' as const,
      })),
    );
    loaded.set(key, pending);
  }
  return pending;
}

let latin: Promise<CardFont[]> | undefined;

/** The card's base font: Noto Sans's Latin subsets, both weights (one array, which satori keeps parsed). */
export function latinFonts(): Promise<CardFont[]> {
  latin ??= allSubsets().then(async (table) => {
    const subsets = ['latin', 'latin-ext'].map((id) => table.find((subset) => subset.pkg === 'noto-sans' && subset.id === id)!);
    return (await Promise.all(subsets.map(subsetFonts))).flat();
  });
  return latin;
}

/** The subsets, both weights, that draw the characters of `text` beyond Noto Sans's Latin. */
export async function fontsFor(text: string): Promise<CardFont[]> {
  const needed = new Map<string, Subset>();
  for (const character of text) {
    const subset = await subsetFor(character.codePointAt(0)!);
    if (subset && !(subset.pkg === 'noto-sans' && (subset.id === 'latin' || subset.id === 'latin-ext'))) needed.set(`${subset.pkg}/${subset.id}`, subset);
  }
  return (await Promise.all([...needed.values()].map(subsetFonts))).flat();
}
