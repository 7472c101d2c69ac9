// A notice as an email: the subject is the notice's title after the site's name, the body says the message, the
// facts and the page to open, as plain text and as simple HTML (every value escaped), in the notice's language.
import { translator } from '../../i18n/index.ts';
import { escapeHtml } from '../feeds/feed-formats.ts';
import { clipped, type NoticeText } from './chat-messages.ts';
import type { Notice } from './notification-events.ts';

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

/** Subject lines longer than this are cut: mail clients show about 70 characters, servers refuse over 998. */
const LONGEST_SUBJECT = 200;

export function emailMessage(text: NoticeText, notice: Notice, siteName: string): EmailMessage {
  const t = translator(notice.locale);
  const colon = t('punct.colon');
  return {
    subject: clipped(`[${siteName}] ${text.title}`.replace(/[\r\n]+/g, ' '), LONGEST_SUBJECT),
    text: [text.title, ...(text.message ? [text.message] : []), text.facts.map((fact) => `${fact.name}${colon}${fact.value}`).join('\n'), `${text.linkText}${colon}${text.url}`].join('\n\n') + '\n',
    html: [
      `<!doctype html><html lang="${notice.locale}"><body>`,
      `<h1 style="font-size:1.25em">${escapeHtml(text.title)}</h1>`,
      ...(text.message ? [`<p>${escapeHtml(text.message).replaceAll('\n', '<br>')}</p>`] : []),
      `<table role="presentation">${text.facts.map((fact) => `<tr><th align="left">${escapeHtml(fact.name)}</th><td>${escapeHtml(fact.value)}</td></tr>`).join('')}</table>`,
      `<p><a href="${escapeHtml(text.url)}">${escapeHtml(text.linkText)}</a></p>`,
      '</body></html>',
    ].join('\n'),
  };
}
