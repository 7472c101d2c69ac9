// The social cards draw every script the site's content may use with bundled fonts, and leave out what no bundled
// font has rather than drawing empty boxes; every text on the card is clamped so its facts always show.
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkitten';
import { describe, expect, it } from 'vitest';
import { drawableText, fontFilesFor, fontsFor, latinFonts, parseUnicodeRange } from '../src/data/card-fonts.ts';
import { socialCardSvg } from '../src/data/render-social-card.ts';

/** One line in each script the cards promise to draw. */
const SCRIPTS: Record<string, string> = {
  latin: 'Payments degraded: retries queued (café, naïve, Łódź, Ærø)',
  vietnamese: 'Thanh toán bị gián đoạn',
  greek: 'Οι πληρωμές καθυστερούν',
  cyrillic: 'Оплата недоступна, ведутся работы',
  devanagari: 'भुगतान सेवा बाधित',
  chinese: '支付网关超时，正在回滚',
  japanese: '決済が遅延しています（ステータス）',
  korean: '결제 서비스 장애 복구 중',
  arabic: 'خدمة الدفع متوقفة',
  hebrew: 'שירות התשלומים מושבת',
  thai: 'ระบบชำระเงินล้มเหลว',
  emoji: '🔥🚨⚠️✅❌💳📉🛠️👩‍💻🇩🇪1️⃣',
};

const fonts = new Map<string, Font>();
function fontAt(file: string): Font {
  let font = fonts.get(file);
  if (!font) {
    font = create(readFileSync(file)) as Font;
    fonts.set(file, font);
  }
  return font;
}

/** Code points the font files chosen for them do not draw (an empty box on the card). */
async function undrawn(text: string): Promise<string[]> {
  const missing: string[] = [];
  for (const character of text) {
    const code = character.codePointAt(0)!;
    // Joiners and selectors shape an emoji sequence; a space is Latin's.
    const files = await fontFilesFor(code);
    if (files.length === 0 || !files.every((file) => fontAt(file).hasGlyphForCodePoint(code))) missing.push(`U+${code.toString(16)} ${character}`);
  }
  return missing;
}

describe('fonts for the social cards', () => {
  it('reads unicode-range lists', () => {
    expect(parseUnicodeRange('U+4e00-4e3f, U+4e45')).toEqual([
      [0x4e00, 0x4e3f],
      [0x4e45, 0x4e45],
    ]);
  });

  it('always has Noto Sans for Latin text, regular and bold', async () => {
    const latin = await latinFonts();
    expect(new Set(latin.map((font) => `${font.name} ${font.weight}`))).toEqual(new Set(['noto-sans latin 400', 'noto-sans latin 700', 'noto-sans latin-ext 400', 'noto-sans latin-ext 700']));
  });

  it('finds the Noto Sans SC subsets holding each Chinese character of a title, under distinct names', async () => {
    // 网 is in subset 119, 关 in 118, 状 in 115 of the package's unicode-range table
    const chinese = await fontsFor('网关状');
    expect(new Set(chinese.map((font) => font.name))).toEqual(new Set(['noto-sans-sc 115', 'noto-sans-sc 118', 'noto-sans-sc 119']));
    expect(chinese.every((font) => font.data.subarray(0, 4).toString() === 'wOFF')).toBe(true);
    expect(chinese).toHaveLength(6);
  });

  it('loads nothing more for Latin text', async () => {
    expect(await fontsFor('API gateway')).toEqual([]);
  });

  it.each(Object.entries(SCRIPTS))('%s: every character is kept and its font has the glyph, regular and bold', async (_script, line) => {
    expect(await drawableText(line)).toBe(line.replace(/(\p{Extended_Pictographic}\uFE0F?) /gu, '$1\u00a0'));
    expect(await undrawn(line)).toEqual([]);
  });

  it('keeps only characters whose font draws them, over whole blocks of Latin, Cyrillic, Greek, hangul, kana, Chinese and emoji', async () => {
    const blocks: [number, number][] = [
      [0x20, 0x24f],
      [0x370, 0x3ff],
      [0x400, 0x4ff],
      [0x3040, 0x30ff],
      [0x4e00, 0x4fff],
      [0xac00, 0xad00],
      [0x2600, 0x27bf],
      [0x1f300, 0x1f64f],
      [0x1f680, 0x1f6ff],
    ];
    const kept: string[] = [];
    for (const [start, end] of blocks) {
      for (let code = start; code <= end; code += 1) kept.push(...(await drawableText(String.fromCodePoint(code))));
    }
    expect(kept.length).toBeGreaterThan(2500);
    expect(await undrawn(kept.join(''))).toEqual([]);
  });

  it('leaves out characters no bundled font has, instead of drawing boxes', async () => {
    // Ethiopic, Egyptian hieroglyphs and a private-use character: none bundled.
    expect(await drawableText('Outage ሰላም 𓀀\uE000 over')).toBe('Outage   over');
    expect(await drawableText('line one\nline two')).toBe('line one line two');
  });
});

interface TextRun {
  x: number;
  y: number;
  width: number;
  text: string;
}

/** The words satori placed, with embedFont off (text stays text). */
function textRuns(svg: string): TextRun[] {
  return [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map(([, x, y, width, text]) => ({ x: Number(x), y: Number(y), width: Number(width), text: text! }));
}

describe('a social card with text longer than it can hold', () => {
  const long = {
    siteName: 'Example Corporation International Holdings Limited — Customer-Facing Platform Status and Incident Record',
    kicker: 'P1 · Investigating · the longest status wording anyone could write on a card of this size',
    title: 'Payments and checkout degraded across every region while the primary database failed over to its replica in another zone, and retries piled up in the queue for hours',
    details: ['Payments, Checkout, Login, Search, Notifications, Admin console, Public API, Webhooks, Mobile push, Data export', 'INC-20261127-001 · Nov 27, 2026, 03:12 GMT+1'],
    accent: '#c62828',
  };

  it('keeps every word inside the card, the title on three lines, and the id and start on it', async () => {
    const runs = textRuns(await socialCardSvg(long, { embedFont: false }));
    // The card is 1200 × 630 with 72 px sides and 56 px bottom padding; a cut word ends in an ellipsis at the
    // edge (its run keeps the whole word's width, clipped), and the words after it are not drawn.
    for (const run of runs) {
      expect(run.x + (run.text.endsWith('…') ? 0 : run.width), run.text).toBeLessThanOrEqual(1128.5);
      expect(run.y, run.text).toBeLessThanOrEqual(630 - 56);
    }
    const words = runs.map((run) => run.text.trim());
    for (const unseen of ['Record', 'hours', 'export', 'size']) expect(words).not.toContain(unseen);
    // Lines as drawn, top to bottom.
    const lines = [...Map.groupBy(runs, (run) => run.y)].sort(([a], [b]) => a - b).map(([, line]) => line.map((run) => run.text).join(''));
    expect(lines).toHaveLength(7);
    const [siteName, kicker, title1, title2, title3, services, idAndStart] = lines as [string, string, string, string, string, string, string];
    const cut = (line: string, whole: string) => {
      expect(line.endsWith('…'), line).toBe(true);
      expect(whole.startsWith(line.slice(0, -1).trimEnd()), line).toBe(true);
    };
    cut(siteName, long.siteName);
    cut(kicker, long.kicker);
    // The title on three lines, the third cut.
    cut(`${title1}${title2}${title3}`, long.title);
    expect(title1.length).toBeGreaterThan(20);
    cut(services, long.details[0]!);
    // The id and start, whole.
    expect(idAndStart).toBe('INC-20261127-001 · Nov 27, 2026, 03:12 GMT+1');
  });

  it('shows a short site name, kicker and title whole', async () => {
    const runs = textRuns(await socialCardSvg({ siteName: 'Acme', kicker: 'P2 · Resolved', title: 'Login slow', details: ['Login', 'INC-20261127-002 · Nov 27, 2026'], accent: '#1a7f37' }, { embedFont: false }));
    expect(runs.map((run) => run.text).join('')).toBe('AcmeP2 · ResolvedLogin slowLoginINC-20261127-002 · Nov 27, 2026');
    expect(runs.some((run) => run.text.includes('…'))).toBe(false);
  });
});
