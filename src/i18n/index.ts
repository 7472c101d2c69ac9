// Interface strings by locale, and the translator pages use.
import type { Locale } from '../schemas/site.ts';
import { en, type MessageKey } from './en.ts';
import { zhCN } from './zh-cn.ts';

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export type Translate = (key: MessageKey) => string;

export function translator(locale: Locale): Translate {
  const messages = MESSAGES[locale];
  return (key) => messages[key];
}

export type { MessageKey };
