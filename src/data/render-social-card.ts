// Renders a social card to PNG at build time: satori lays it out with a bundled font, resvg rasterises it.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { socialCard, type CardText } from '../lib/social-card.ts';

const require = createRequire(import.meta.url);
let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined;

function loadFonts() {
  // Noto Sans ships with the project (npm), so cards look the same on every machine and need no network.
  fonts ??= Promise.all(
    ([400, 700] as const).flatMap((weight) =>
      ['latin', 'latin-ext'].map(async (subset) => ({
        name: 'Noto Sans',
        data: await readFile(require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`)),
        weight,
        style: 'normal' as const,
      })),
    ),
  );
  return fonts;
}

export async function renderSocialCard(text: CardText): Promise<Buffer> {
  const svg = await satori(socialCard(text) as unknown as Parameters<typeof satori>[0], { width: 1200, height: 630, fonts: await loadFonts() });
  // Rasterising is most of the cost; the async form runs on libuv's thread pool, so cards render in parallel.
  return Buffer.from((await renderAsync(svg, { fitTo: { mode: 'width', value: 1200 } })).asPng());
}
