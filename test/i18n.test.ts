import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/i18n/index.ts';
import { LOCALES } from '../src/schemas/site.ts';

describe('interface strings', () => {
  const english = Object.keys(MESSAGES.en).sort();

  it.each(LOCALES)('%s has exactly the English key set, every string non-empty', (locale) => {
    const messages = MESSAGES[locale];
    expect(Object.keys(messages).sort()).toEqual(english);
    // Punctuation may be a space or nothing (Chinese puts no space between sentences).
    for (const key of english.filter((name) => !name.startsWith('punct.'))) expect(messages[key as keyof typeof messages].trim(), `${locale} ${key}`).not.toBe('');
  });

  it('translates the Chinese strings rather than copying the English ones', () => {
    const untranslated = english.filter((key) => MESSAGES['zh-CN'][key as keyof typeof MESSAGES.en] === MESSAGES.en[key as keyof typeof MESSAGES.en]);
    // abbreviations that read the same in both
    expect(untranslated.sort()).toEqual(['targets.rpo', 'targets.rto']);
  });

  it('writes Chinese with full-width punctuation, never an ASCII colon, comma, full stop or bracket beside a Chinese character', () => {
    const chinese = /[\u4e00-\u9fff]/u;
    const asciiBeside = Object.entries(MESSAGES['zh-CN']).filter(([, message]) => {
      const characters = Array.from(message);
      return characters.some((character, index) => /[:;,.!?()]/.test(character) && (chinese.test(characters[index - 1] ?? '') || chinese.test(characters[index + 1] ?? '') || chinese.test(characters[index + 2] ?? '') && characters[index + 1] === ' '));
    });
    expect(asciiBeside).toEqual([]);
    expect([MESSAGES['zh-CN']['punct.colon'], MESSAGES['zh-CN']['punct.comma'], MESSAGES['zh-CN']['punct.period']]).toEqual(['：', '，', '。']);
  });
});
