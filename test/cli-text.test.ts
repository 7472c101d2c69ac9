import { describe, expect, it } from 'vitest';
import { CLI_TEXT, type CliTextKey } from '../src/i18n/cli-text.ts';
import { LOCALES } from '../src/schemas/site.ts';

const english = Object.keys(CLI_TEXT.en).sort() as CliTextKey[];

/** The values a command passes to a phrase that holds some; text for the rest (a status or impact where one is taken). */
const SAMPLE_VALUES: Partial<Record<CliTextKey, unknown[]>> = {
  'init.replace': [['content', 'incidents'], '2 incidents'],
  'init.contentSummary': [{ incidents: 2, postmortems: 1, maintenance: 0 }],
  'update.status': ['fixing'],
  'incident.maintenanceWindow': ['DB upgrade', '2026-12-13-db', 'degraded'],
};

/** A phrase as the commands show it: a string, or a function given the values a command passes. */
function shown(key: CliTextKey, phrase: unknown): string {
  if (typeof phrase === 'string') return phrase;
  return (phrase as (...values: unknown[]) => string)(...(SAMPLE_VALUES[key] ?? ['api-gateway', 'found "x" (expected y)']));
}

describe('the commands’ questions', () => {
  it.each(LOCALES)('%s has exactly the English keys, and no phrase is empty', (locale) => {
    const text = CLI_TEXT[locale];
    expect(Object.keys(text).sort()).toEqual(english);
    for (const key of english) expect(shown(key, text[key]).trim(), `${locale} ${key}`).not.toBe('');
  });

  it('asks in Chinese rather than repeating the English', () => {
    const untranslated = english.filter((key) => shown(key, CLI_TEXT['zh-CN'][key]) === shown(key, CLI_TEXT.en[key]));
    expect(untranslated).toEqual([]);
  });

  it('says the counts of what init replaces in each language', () => {
    const counts = { incidents: 34, postmortems: 1, maintenance: 2 };
    expect(CLI_TEXT.en['init.replace'](['content', 'incidents', 'public'], CLI_TEXT.en['init.contentSummary'](counts))).toBe(
      'Replace content/, incidents/, public/ (34 incidents, 1 postmortem and 2 maintenance windows) with the new site?',
    );
    expect(CLI_TEXT['zh-CN']['init.replace'](['content', 'incidents', 'public'], CLI_TEXT['zh-CN']['init.contentSummary'](counts))).toBe(
      '用新站点替换 content/、incidents/、public/（34 个事故、1 份复盘报告、2 个维护窗口）吗？',
    );
  });

  it('names statuses and impacts in Chinese as the site does', () => {
    expect(CLI_TEXT['zh-CN']['update.status']('investigating')).toBe('状态（当前：排查中）');
    expect(CLI_TEXT['zh-CN']['incident.maintenanceWindow']('数据库升级', '2026-12-13-db', 'degraded')).toBe('数据库升级（2026-12-13-db），公告的影响：性能下降');
    expect(CLI_TEXT['zh-CN']['incident.maintenanceWindow']('数据库升级', '2026-12-13-db', undefined)).toBe('数据库升级（2026-12-13-db），公告的影响：无');
  });
});
