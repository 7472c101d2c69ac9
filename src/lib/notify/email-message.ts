// A notice as an email: the subject is the notice's title after the site's name, the body says the message, the
// facts and the page to open, as plain text and as simple HTML (every value escaped), in the notice's language.
import { translator } from '../../i18n/index.ts';
import type { NoticeText } from './chat-messages.ts';
import type { Notice } from './notification-events.ts';

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

function escaped(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Subject lines longer than this are cut: mail clients show about 70 characters, servers refuse over 998. */
const LONGEST_SUBJECT = 200;

export function emailMessage(text: NoticeText, notice: Notice, siteName: string): EmailMessage {
  const t = translator(notice.locale);
  const colon = t('punct.colon');
  const subject = `[${siteName}] ${text.title}`.replace(/[\r\n]+/g, ' ');
  const characters = [...subject];
  return {
    subject: characters.length > LONGEST_SUBJECT ? `${characters.slice(0, LONGEST_SUBJECT - 1).join('')}…` : subject,
    text: [text.title, ...(text.message ? [text.message] : []), text.facts.map((fact) => `${fact.name}${colon}${fact.value}`).join('\n'), `${text.linkText}${colon}${text.url}`].join('\n\n') + '\n',
    html: [
      `<!doctype html><html lang="${notice.locale}"><body>`,
      `<h1 style="font-size:1.25em">${escaped(text.title)}</h1>`,
      ...(text.message ? [`<p>${escaped(text.message).replaceAll('\n', '<br>')}</p>`] : []),
      `<table role="presentation">${text.facts.map((fact) => `<tr><th align="left">${escaped(fact.name)}</th><td>${escaped(fact.value)}</td></tr>`).join('')}</table>`,
      `<p><a href="${escaped(text.url)}">${escaped(text.linkText)}</a></p>`,
      '</body></html>',
    ].join('\n'),
  };
}
