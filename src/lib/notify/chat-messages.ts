// The body each chat platform's incoming webhook takes for one notice, written against each platform's documented
// format: Slack blocks, a Feishu (Lark) post, DingTalk markdown, a Microsoft Teams Adaptive Card (Workflows
// webhook), and a plain JSON document for anything else. The text is the update's own message, made plain: chat
// markup differs on every platform, and a message must never mention @everyone or a channel by its markup.
import { bracketed, translator, type Translate } from '../../i18n/index.ts';
import type { Incident } from '../../schemas/incident.ts';
import type { ChatChannelType } from '../../schemas/notifications.ts';
import type { Service } from '../../schemas/service.ts';
import type { Locale } from '../../schemas/site.ts';
import { feedTitleWords, postmortemTitle, updateTitle } from '../feeds/feed-items.ts';
import { withoutControlCharacters } from '../markdown/markdown-html.ts';
import { localizedName, serviceNameOf } from '../model/service-names.ts';
import { siteUrl } from '../model/site-urls.ts';
import { localePrefix } from '../../i18n/routes.ts';
import { formatInstant } from '../time/format.ts';
import type { Notice } from './notification-events.ts';

/** What every format says: a title, the message, facts, and the page to open. */
export interface NoticeText {
  title: string;
  message: string;
  facts: { name: string; value: string }[];
  url: string;
  linkText: string;
}

/**
 * Markdown reduced to what reads the same as plain text: link targets after their text (a link on the site made
 * absolute on `baseUrl`, as a chat reader cannot follow `/incidents/`), no emphasis marks.
 */
export function plainText(markdown: string, baseUrl: string): string {
  return withoutControlCharacters(markdown)
    .replace(/!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (_link, label: string, target: string) => `${label} (${target.startsWith('/') ? siteUrl(baseUrl, target) : target})`)
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}

export interface NoticeContext {
  services: readonly Service[];
  timeZone: string;
  /** The site's address, which every link and every link in a message is made absolute on. */
  baseUrl: string;
  /** The language services are named in by default; a notice in another uses their names there when given. */
  defaultLocale: Locale;
}

function incidentFacts(t: Translate, locale: Locale, context: NoticeContext, incident: Incident): NoticeText['facts'] {
  return [
    { name: t('incident.severity'), value: incident.severity },
    { name: t('incident.services'), value: incident.services.map((affected) => `${serviceNameOf(context.services, affected.id)}${bracketed(t, t(`impact.${affected.impact}`))}`).join(t('punct.list')) },
    { name: t('incident.started'), value: formatInstant(incident.started.getTime(), context.timeZone, locale) },
  ];
}

/** The words of a notice in its language, from the record: the same titles as the feeds, the update's message. */
export function noticeText(notice: Notice, context: NoticeContext): NoticeText {
  const locale = notice.locale;
  const t = translator(locale);
  const words = feedTitleWords(locale);
  const event = notice.event;
  const linkText = t('notify.open');
  // The page in the notice's language.
  const url = siteUrl(context.baseUrl, `${localePrefix(locale, context.defaultLocale)}${event.path}`);
  // Services by their names in the notice's language, where content/services.yaml gives them.
  context = { ...context, services: context.services.map((service) => ({ ...service, name: localizedName(service, locale, context.defaultLocale).text })) };
  if ('update' in event) {
    return { title: updateTitle(event.incident, event.update, context.services, words), message: plainText(event.update.message, context.baseUrl), facts: incidentFacts(t, locale, context, event.incident), url, linkText };
  }
  if ('postmortem' in event) {
    return { title: postmortemTitle(event.postmortem, event.incident, context.services, words), message: plainText(event.postmortem.userImpact, context.baseUrl), facts: incidentFacts(t, locale, context, event.incident), url, linkText };
  }
  const window = event.maintenance;
  const headings = {
    'maintenance.scheduled': 'notify.maintenanceScheduled',
    'maintenance.started': 'notify.maintenanceStarted',
    'maintenance.completed': 'notify.maintenanceCompleted',
    'maintenance.updated': 'notify.maintenanceUpdated',
    'maintenance.cancelled': 'notify.maintenanceCancelled',
  } as const;
  const update = event.maintenanceUpdate;
  // A plain update says where the window stands (verifying, still scheduled), as the feeds' titles do.
  const status = event.kind === 'maintenance.updated' && update ? bracketed(t, words.status(update.status)) : '';
  return {
    title: `${t(headings[event.kind])}${status}${t('punct.colon')}${window.title}`,
    message: update ? plainText(update.message, context.baseUrl) : event.notes ? plainText(event.notes, context.baseUrl) : '',
    facts: [
      { name: t('maintenance.window'), value: `${formatInstant(window.start.getTime(), context.timeZone, locale)} – ${formatInstant(window.end.getTime(), context.timeZone, locale)}` },
      { name: t('maintenance.services'), value: window.services.map((id) => serviceNameOf(context.services, id)).join(t('punct.list')) },
      { name: t('maintenance.impact'), value: window.impact ? t(`impact.${window.impact}`) : t('maintenance.noImpact') },
    ],
    url,
    linkText,
  };
}

/** Slack's mrkdwn control characters, escaped as its documentation asks: `<!channel>` stays text. */
function slackEscaped(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** At most `limit` characters, cut with an ellipsis: each platform refuses a longer field outright. */
export function clipped(text: string, limit: number): string {
  const characters = [...text];
  return characters.length <= limit ? text : `${characters.slice(0, limit - 1).join('')}…`;
}

const factLines = (facts: NoticeText['facts'], separator: string) => facts.map((fact) => `${fact.name}${separator}${fact.value}`).join('\n');

/**
 * The longest message a chat notice carries, cut with an ellipsis beyond: Slack takes 3,000 characters in a
 * section, Feishu 20 KB a body, DingTalk 20,000 bytes, a Teams card about 28 KB, so a pasted log would otherwise
 * be refused outright; the link leads to the whole text.
 */
const LONGEST_CHAT_MESSAGE = 3000;

/** The JSON body for the channel's webhook. */
export function chatMessage(type: ChatChannelType, whole: NoticeText, notice: Notice): unknown {
  const t = translator(notice.locale);
  const colon = t('punct.colon');
  const text = { ...whole, title: clipped(whole.title, 500), message: clipped(whole.message, LONGEST_CHAT_MESSAGE) };
  switch (type) {
    case 'slack':
      // https://api.slack.com/reference/block-kit/blocks: header plain text up to 150 characters, section text up to 3,000.
      return {
        text: slackEscaped(text.title),
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: clipped(text.title, 150) } },
          ...(text.message ? [{ type: 'section', text: { type: 'mrkdwn', text: clipped(slackEscaped(text.message), 3000) } }] : []),
          { type: 'section', fields: text.facts.map((fact) => ({ type: 'mrkdwn', text: clipped(`*${slackEscaped(fact.name)}*\n${slackEscaped(fact.value)}`, 2000) })) },
          { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: text.linkText }, url: text.url }] },
        ],
      };
    case 'feishu':
      // https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot: msg_type post, rich text by language.
      return {
        msg_type: 'post',
        content: {
          post: {
            [notice.locale === 'zh-CN' ? 'zh_cn' : 'en_us']: {
              title: text.title,
              content: [
                ...(text.message ? [[{ tag: 'text', text: text.message }]] : []),
                [{ tag: 'text', text: factLines(text.facts, colon) }],
                [{ tag: 'a', text: text.linkText, href: text.url }],
              ],
            },
          },
        },
      };
    case 'dingtalk':
      // https://open.dingtalk.com/document/orgapp/custom-bot-send-message-type: msgtype markdown.
      return {
        msgtype: 'markdown',
        markdown: {
          title: text.title,
          // DingTalk's markdown subset has no backslash escapes (they would show): the text goes as it is, already
          // plain, and mentions happen only through the body's `at` field, which is never set.
          text: [`### ${text.title}`, ...(text.message ? [text.message] : []), text.facts.map((fact) => `- ${fact.name}${colon}${fact.value}`).join('\n'), `[${text.linkText}](${text.url})`].join('\n\n'),
        },
      };
    case 'teams':
      // Workflows "post to a channel when a webhook request is received": a message with an Adaptive Card 1.4.
      return {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: {
              $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
              type: 'AdaptiveCard',
              version: '1.4',
              // RichTextBlock's text runs are shown as written; a TextBlock would read `*x*` in a title as markdown.
              body: [
                { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: text.title, weight: 'Bolder', size: 'Medium' }] },
                ...(text.message ? [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: text.message }] }] : []),
                { type: 'FactSet', facts: text.facts.map((fact) => ({ title: fact.name, value: fact.value })) },
              ],
              actions: [{ type: 'Action.OpenUrl', title: text.linkText, url: text.url }],
            },
          },
        ],
      };
    case 'webhook':
      return {
        id: notice.event.id,
        event: notice.event.kind,
        lang: notice.locale,
        title: text.title,
        message: text.message,
        facts: text.facts,
        url: text.url,
        ...('incident' in notice.event ? { incident: notice.event.incident.id, severity: notice.event.incident.severity } : { maintenance: notice.event.maintenance.id }),
        ...(notice.event.atMs !== undefined ? { at: new Date(notice.event.atMs).toISOString() } : {}),
      };
  }
}
