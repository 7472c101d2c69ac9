import { describe, expect, it } from 'vitest';
import { fontsFor, latinFonts, parseUnicodeRange } from '../src/data/card-fonts.ts';

describe('fonts for the social cards', () => {
  it('reads unicode-range lists', () => {
    expect(parseUnicodeRange('U+4e00-4e3f, U+4e45')).toEqual([
      [0x4e00, 0x4e3f],
      [0x4e45, 0x4e45],
    ]);
  });

  it('always has Noto Sans for Latin text, regular and bold', async () => {
    const fonts = await latinFonts();
    expect(new Set(fonts.map((font) => `${font.name} ${font.weight}`))).toEqual(new Set(['Noto Sans 400', 'Noto Sans 700']));
  });

  it('finds the Noto Sans SC subsets holding each Chinese character of a title, under distinct names', async () => {
    // 网 is in subset 119, 关 in 118, 状 in 115 of the package's unicode-range table
    const fonts = await fontsFor('网关状');
    expect(new Set(fonts.map((font) => font.name))).toEqual(new Set(['Noto Sans SC 115', 'Noto Sans SC 118', 'Noto Sans SC 119']));
    expect(fonts.every((font) => font.data.subarray(0, 4).toString() === 'wOFF')).toBe(true);
    expect(fonts).toHaveLength(6);
  });

  it('loads nothing for text without Chinese characters', async () => {
    expect(await fontsFor('API gateway')).toEqual([]);
  });
});
