// The comms lead's commands ask in the site's default locale: the table of questions for each locale.
import type { Locale } from '../schemas/site.ts';
import { cliEn, type CliText, type CliTextKey } from './cli-en.ts';
import { cliZhCN } from './cli-zh-cn.ts';

export const CLI_TEXT: Record<Locale, CliText> = { en: cliEn, 'zh-CN': cliZhCN };

export function cliText(locale: Locale): CliText {
  return CLI_TEXT[locale];
}

export type { CliText, CliTextKey };
