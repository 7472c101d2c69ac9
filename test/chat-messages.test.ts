// Each chat platform's webhook body for one notice, against its documented format, in both languages; the text is
// the update's message made plain, and nothing in it can mention a whole channel.
import { describe, expect, it } from 'vitest';
import { chatMessage, noticeText, plainText } from '../src/lib/notify/chat-messages.ts';
import { notificationEvents, type Notice } from '../src/lib/notify/notification-events.ts';
import { incident, maintenance } from './helpers/records.ts';

const services = [
  { id: 'api', name: 'API gateway' },
  { id: 'db', name: 'Database', names: { 'zh-CN': '数据库' } },
] as never;
const context = { services, timeZone: 'Asia/Shanghai', baseUrl: 'https://status.example.org/', defaultLocale: 'en' as const };
const outage = incident({
  id: 'INC-20261125-001',
  severity: 'P1',
  started: '2026-11-25T13:10:00Z',
  services: [
    { id: 'api', impact: 'major_outage' },
    { id: 'db', impact: 'degraded' },
  ],
  updates: [{ at: '2026-11-25T13:14:00Z', status: 'fixing', message: 'We moved traffic to **zone B**; see [the runbook](https://example.org/rb). <!channel> @all' }],
});
const [event] = notificationEvents({ incidents: [outage], postmortems: [], maintenance: [], baseUrl: 'https://status.example.org/' });
const notice = (locale: 'en' | 'zh-CN'): Notice => ({ key: 'k', event: event!, channelId: 'c', locale, dueMs: event!.atMs });
const URL = 'https://status.example.org/incidents/INC-20261125-001/#update-2026-11-25t131400z';

describe('the words of a notice', () => {
  it('makes markdown plain: link targets after their text, no emphasis marks', () => {
    expect(plainText('A **bold** and _soft_ word, `code`, [a link](https://x.org/a), [the history](/incidents/) and ![a chart](/images/c.png).', 'https://status.example.org/status/')).toBe('A bold and soft word, code, a link (https://x.org/a), the history (https://status.example.org/status/incidents/) and a chart.');
  });

  it('titles it as the feeds do, with the severity, services and start as facts, in the site’s zone', () => {
    expect(noticeText(notice('en'), context)).toEqual({
      title: '[P1] API gateway, Database: fixing — Test incident',
      message: 'We moved traffic to zone B; see the runbook (https://example.org/rb). <!channel> @all',
      facts: [
        { name: 'Severity', value: 'P1' },
        { name: 'Affected services', value: 'API gateway (Major outage), Database (Degraded)' },
        { name: 'Started', value: 'Nov 25, 2026, 21:10 GMT+8' },
      ],
      url: URL,
      linkText: 'Open the status page',
    });
    const zh = noticeText(notice('zh-CN'), context);
    expect(zh.title).toBe('[P1] API gateway、数据库：修复中 — Test incident');
    expect(zh.facts[1]).toEqual({ name: '受影响服务', value: 'API gateway（严重中断）、数据库（性能下降）' });
  });
});

describe('each platform’s body', () => {
  const text = noticeText(notice('en'), context);

  it('Slack: blocks with the title as header, the message escaped so <!channel> stays text, facts and a button', () => {
    const body = chatMessage('slack', text, notice('en')) as { text: string; blocks: { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { url: string }[] }[] };
    expect(body.text).toBe('[P1] API gateway, Database: fixing — Test incident');
    expect(body.blocks.map((block) => block.type)).toEqual(['header', 'section', 'section', 'actions']);
    expect(body.blocks[1]!.text!.text).toBe('We moved traffic to zone B; see the runbook (https://example.org/rb). &lt;!channel&gt; @all');
    expect(body.blocks[2]!.fields![0]!.text).toBe('*Severity*\nP1');
    expect(body.blocks[3]!.elements![0]!.url).toBe(URL);
  });

  it('Slack: a title longer than a header takes is cut to 150 characters', () => {
    const body = chatMessage('slack', { ...text, title: 'x'.repeat(400) }, notice('en')) as { blocks: { text: { text: string } }[] };
    expect([...body.blocks[0]!.text.text]).toHaveLength(150);
    expect(body.blocks[0]!.text.text.endsWith('…')).toBe(true);
  });

  it('Feishu: a post in the notice’s language with the message, facts and a link', () => {
    expect(chatMessage('feishu', noticeText(notice('zh-CN'), context), notice('zh-CN'))).toEqual({
      msg_type: 'post',
      content: {
        post: {
          zh_cn: {
            title: '[P1] API gateway、数据库：修复中 — Test incident',
            content: [
              [{ tag: 'text', text: 'We moved traffic to zone B; see the runbook (https://example.org/rb). <!channel> @all' }],
              [{ tag: 'text', text: '事故级别：P1\n受影响服务：API gateway（严重中断）、数据库（性能下降）\n开始时间：2026年11月25日 21:10 GMT+8' }],
              // The page in Chinese, under the site's zh-cn/ folder.
              [{ tag: 'a', text: '打开状态页', href: 'https://status.example.org/zh-cn/incidents/INC-20261125-001/#update-2026-11-25t131400z' }],
            ],
          },
        },
      },
    });
  });

  it('DingTalk: markdown with the title, the text as it is, the facts as a list and a link', () => {
    const body = chatMessage('dingtalk', text, notice('en')) as { msgtype: string; markdown: { title: string; text: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toBe(text.title);
    expect(body.markdown.text.split('\n\n')).toEqual([
      '### [P1] API gateway, Database: fixing — Test incident',
      'We moved traffic to zone B; see the runbook (https://example.org/rb). <!channel> @all',
      '- Severity: P1\n- Affected services: API gateway (Major outage), Database (Degraded)\n- Started: Nov 25, 2026, 21:10 GMT+8',
      `[Open the status page](${URL})`,
    ]);
  });

  it('every platform takes a pasted log cut to 3,000 characters, within its body limit', () => {
    const long = { ...text, message: 'x'.repeat(27_000) };
    for (const type of ['slack', 'feishu', 'dingtalk', 'teams', 'webhook'] as const) {
      const body = JSON.stringify(chatMessage(type, long, notice('en')));
      expect(body, type).toContain(`${'x'.repeat(2999)}…`);
      expect(body, type).not.toContain('x'.repeat(3000));
      // Feishu and DingTalk take 20 KB, a Teams card about 28 KB.
      expect(Buffer.byteLength(body), type).toBeLessThan(20_000);
    }
  });

  it('Teams: an Adaptive Card 1.4 in a message, with a fact set and a link action', () => {
    const body = chatMessage('teams', text, notice('en')) as { type: string; attachments: { contentType: string; content: { type: string; version: string; body: { type: string; text?: string }[]; actions: { url: string }[] } }[] };
    expect(body.type).toBe('message');
    const card = body.attachments[0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    // Text runs, shown as written: no markdown in a title or message.
    expect(card.content.body.map((element) => element.type)).toEqual(['RichTextBlock', 'RichTextBlock', 'FactSet']);
    expect(card.content.actions[0]!.url).toBe(URL);
  });

  it('a generic webhook: the event, its stable id, the incident and the text as fields', () => {
    expect(chatMessage('webhook', text, notice('en'))).toEqual({
      id: 'https://status.example.org/incidents/INC-20261125-001/#update-2026-11-25t131400z-fixing',
      event: 'incident.created',
      lang: 'en',
      title: text.title,
      message: text.message,
      facts: text.facts,
      url: URL,
      incident: 'INC-20261125-001',
      severity: 'P1',
      at: '2026-11-25T13:14:00.000Z',
    });
  });

  it('a maintenance notice names the window, its services and expected impact', () => {
    const [scheduled] = notificationEvents({ incidents: [], postmortems: [], maintenance: [maintenance('2026-12-01T18:00:00Z', '2026-12-01T20:00:00Z', ['db'], false, { id: 'db-upgrade', impact: 'degraded' })], baseUrl: 'https://status.example.org/' });
    expect(noticeText({ key: 'k', event: scheduled!, channelId: 'c', locale: 'en', dueMs: undefined }, context)).toEqual({
      title: 'Scheduled maintenance: Maintenance',
      message: '',
      facts: [
        { name: 'Window', value: 'Dec 2, 2026, 02:00 GMT+8 – Dec 2, 2026, 04:00 GMT+8' },
        { name: 'Services', value: 'Database' },
        { name: 'Expected impact', value: 'Degraded' },
      ],
      // The window's card on the status page.
      url: 'https://status.example.org/#maintenance-db-upgrade',
      linkText: 'Open the status page',
    });
  });
});
