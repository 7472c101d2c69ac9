// Renders a social card to PNG at build time: satori lays it out with bundled fonts, resvg rasterises it.
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { socialCard, type CardText } from '../lib/status/social-card.ts';
import { fontsFor, latinFonts } from './card-fonts.ts';

export async function renderSocialCard(text: CardText): Promise<Buffer> {
  const svg = await satori(socialCard(text) as unknown as Parameters<typeof satori>[0], {
    width: 1200,
    height: 630,
    fonts: await latinFonts(),
    // Called for text Noto Sans cannot draw: Chinese titles and labels get the Noto Sans SC subsets they need.
    loadAdditionalAsset: async (_language, segment) => fontsFor(segment),
  });
  // Rasterising is most of the cost; the async form runs on libuv's thread pool, so cards render in parallel.
  return Buffer.from((await renderAsync(svg, { fitTo: { mode: 'width', value: 1200 } })).asPng());
}
