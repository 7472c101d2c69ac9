import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/i18n/index.ts';
import { LOCALES } from '../src/schemas/site.ts';

describe('interface strings', () => {
  const english = Object.keys(MESSAGES.en).sort();

  it.each(LOCALES)('%s has exactly the English key set, every string non-empty', (locale) => {
    const messages = MESSAGES[locale];
    expect(Object.keys(messages).sort()).toEqual(english);
    for (const key of english) expect(messages[key as keyof typeof messages].trim(), `${locale} ${key}`).not.toBe('');
  });

  it('translates the Chinese strings rather than copying the English ones', () => {
    const untranslated = english.filter((key) => MESSAGES['zh-CN'][key as keyof typeof MESSAGES.en] === MESSAGES.en[key as keyof typeof MESSAGES.en]);
    // abbreviations that read the same in both
    expect(untranslated.sort()).toEqual(['targets.rpo', 'targets.rto']);
  });
});
