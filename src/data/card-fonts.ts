// Fonts for the social cards: Noto Sans for Latin text always, and the Noto Sans SC subsets that hold the
// Chinese characters a card actually uses, found through the package's unicode-range table.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

const WEIGHTS = [400, 700] as const;

let latin: Promise<CardFont[]> | undefined;

export function latinFonts(): Promise<CardFont[]> {
  latin ??= Promise.all(
    WEIGHTS.flatMap((weight) =>
      ['latin', 'latin-ext'].map(async (subset) => ({
        name: 'Noto Sans',
        data: await readFile(require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`)),
        weight,
        style: 'normal' as const,
      })),
    ),
  );
  return latin;
}

interface Subset {
  id: string;
  ranges: [number, number][];
}

let subsets: Promise<Subset[]> | undefined;

/** Parses "U+4e00-4e3f,U+4e45" into code point ranges. */
export function parseUnicodeRange(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(from!, 16);
    return [start, to ? Number.parseInt(to, 16) : start];
  });
}

function chineseSubsets(): Promise<Subset[]> {
  subsets ??= readFile(require.resolve('@fontsource/noto-sans-sc/unicode.json'), 'utf8').then((text) =>
    Object.entries(JSON.parse(text) as Record<string, string>).map(([key, ranges]) => ({ id: key.replace(/[[\]]/g, ''), ranges: parseUnicodeRange(ranges) })),
  );
  return subsets;
}

const loaded = new Map<string, Promise<CardFont[]>>();

/** The Noto Sans SC subsets covering every character of `text` that Noto Sans lacks, both weights. */
export async function fontsFor(text: string): Promise<CardFont[]> {
  const table = await chineseSubsets();
  const needed = new Set<string>();
  for (const character of text) {
    const code = character.codePointAt(0)!;
    // Below the CJK radicals block Noto Sans has the glyphs; the SC subsets repeat Latin, which is not wanted.
    if (code < 0x2e80) continue;
    const subset = table.find((candidate) => candidate.ranges.some(([start, end]) => code >= start && code <= end));
    if (subset) needed.add(subset.id);
  }
  const fonts = await Promise.all(
    [...needed].map((id) => {
      let pending = loaded.get(id);
      if (!pending) {
        pending = Promise.all(
          WEIGHTS.map(async (weight) => ({
            // One name per subset: fonts sharing a name and weight would replace each other.
            name: `Noto Sans SC ${id}`,
            data: await readFile(require.resolve(`@fontsource/noto-sans-sc/files/noto-sans-sc-${id}-${weight}-normal.woff`)),
            weight,
            style: 'normal' as const,
          })),
        );
        loaded.set(id, pending);
      }
      return pending;
    }),
  );
  return fonts.flat();
}
