// Interface strings by locale, and the translator pages use.
import type { Locale } from '../schemas/site.ts';
import { en, type MessageKey } from './en.ts';
import { zhCN } from './zh-cn.ts';
import type { DurationWords } from '../lib/time/durations.ts';

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export type Translate = (key: MessageKey) => string;

export function translator(locale: Locale): Translate {
  const messages = MESSAGES[locale];
  return (key) => messages[key];
}

export type { MessageKey };

/** The unit words durations are written with in a locale ("2 h 15 min", "2 小时 15 分钟"). */
export function durationWords(t: Translate): DurationWords {
  return { day: t('unit.day'), hour: t('unit.hour'), minute: t('unit.minute'), second: t('unit.second') };
}

/** Text in brackets the language's way, after what it explains: " (met)" in English, "（达标）" in Chinese. */
export function bracketed(t: Translate, text: string): string {
  return `${t('punct.parenOpen')}${text}${t('punct.parenClose')}`;
}
