// The comms lead's commands in a real pseudo-terminal, typed into as a person types: the command sees a TTY, asks
// with Inquirer's escape codes, checks each answer when it is given, asks again in the site's language, and
// keeps every other answer typed. The in-process tests (comms-commands-interactive) cover each question; these
// prove the same behaviour survives a terminal: raw mode, echo, multibyte input, both streams on one screen.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleSiteForStory, hasPseudoTerminal, KEY, terminalScript, treeSnapshot } from './helpers/commands.ts';

const story = exampleSiteForStory();
const file = story.file;
const expectValidAt = story.expectValidAt;



describe.skipIf(!hasPseudoTerminal())('the commands in a terminal', () => {
  it('new:incident at 00:05: a time that cannot be is asked again, 23:50 means yesterday, and every other answer is kept', async () => {
    // 00:05 on 26 November in the site's zone (UTC+8).
    const now = '2026-11-25T16:05:00Z';
    const run = terminalScript('new-incident.ts', ['--root', story.root], { AFTERMATH_NOW: now });
    await run.answer('Title', `Checkout failing for card payments${KEY.enter}`);
    await run.answer('Severity', KEY.enter); // the least severe level, offered
    await run.answer('User authentication (auth)', `${KEY.down}${KEY.down}${KEY.space}${KEY.enter}`);
    await run.answer('Impact on User authentication', KEY.enter);
    await run.answer('When were users first affected?', `${KEY.clearLine}25:99${KEY.enter}`);
    // Refused with its reason, and asked again: the title and services typed before stay.
    await run.answer(/25:99[^\n]*expected/, `${KEY.clearLine}23:50${KEY.enter}`);
    await run.answer('When did the team know?', KEY.enter);
    await run.answer('User impact', `Card payments fail at checkout${KEY.enter}`);
    await run.answer('Incident commander', `@wang${KEY.enter}`);
    await run.answer('Status', KEY.enter);
    await run.answer('Language of the message', KEY.enter);
    await run.answer('Message', KEY.enter);
    const { status, screen } = await run.result;
    expect(status, screen).toBe(0);
    // Its id takes the day it started, yesterday, where INC-20261125-001 already is.
    expect(screen).toContain('Writing INC-20261125-002: P3 — Low; affected: User authentication (Partial outage)');
    expect(screen).toContain('wrote incidents/2026/INC-20261125-002/index.md');
    expect(screen).not.toContain('--started');
    const text = await file('incidents/2026/INC-20261125-002/index.md');
    expect(text).toContain('title: Checkout failing for card payments\nseverity: P3\nstarted: 2026-11-25T23:50:00+08:00\ndetected: 2026-11-26T00:05:00+08:00\n');
    expect(text).toContain('commander: "@wang"');
    expect(text).toContain('Card payments fail at checkout');
    await expectValidAt(now);
  });

  it('new:maintenance: an end before the start is asked again in plain words, and 30m is read as a duration', async () => {
    const run = terminalScript('new-maintenance.ts', ['--root', story.root, '--title', 'Log retention change', '--service', 'logging', '--impact', 'none', '--lang', 'en', '--notes', 'Nothing to notice.'], { AFTERMATH_NOW: '2026-11-26T03:00:00Z' });
    await run.answer('Start', `2026-12-01 10:00${KEY.enter}`);
    await run.answer('End', `2026-11-30 11:00${KEY.enter}`);
    await run.answer('is not after the start', `${KEY.clearLine}30m${KEY.enter}`);
    const { status, screen } = await run.result;
    expect(status, screen).toBe(0);
    expect(screen).toContain('2026-11-30 11:00 (UTC+8) is not after the start, 10:00 (UTC+8)');
    expect(screen).not.toContain('--end');
    expect(await file('content/maintenance/2026-12-01-log-retention-change.md')).toContain('start: 2026-12-01T10:00:00+08:00\nend: 2026-12-01T10:30:00+08:00\n');
  });

  it('a mistyped flag gets "did you mean", exit 2, and nothing is written', async () => {
    const before = await treeSnapshot(story.root);
    const run = terminalScript('new-update.ts', ['INC-20261125-002', '--mesage', 'Card payments work again.', '--root', story.root], { AFTERMATH_NOW: '2026-11-26T03:10:00Z' });
    const { status, screen } = await run.result;
    expect(status).toBe(2);
    expect(screen).toContain('unknown flag --mesage (did you mean --message?');
    expect(await treeSnapshot(story.root)).toEqual(before);
  });

  it('on a Chinese site, asks in Chinese, refuses in Chinese, and keeps a Chinese title typed before', async () => {
    const site = await file('content/site.yaml');
    await writeFile(path.join(story.root, 'content/site.yaml'), site.replace('defaultLocale: en', 'defaultLocale: zh-CN'));
    try {
      const run = terminalScript('new-maintenance.ts', ['--root', story.root, '--service', 'logging', '--impact', 'none', '--lang', 'zh-CN', '--notes', '期间日志查询可能变慢。'], { AFTERMATH_NOW: '2026-11-26T03:00:00Z' });
      await run.answer('标题', `日志集群升级${KEY.enter}`);
      await run.answer('开始时间', `明天凌晨${KEY.enter}`);
      await run.answer('无法识别的时间“明天凌晨”', `${KEY.clearLine}2026-12-05 02:00${KEY.enter}`);
      await run.answer('结束时间', `2h${KEY.enter}`);
      const { status, screen } = await run.result;
      expect(status, screen).toBe(0);
      expect(screen).not.toMatch(/expected|Start|End\b/);
      const written = screen.match(/wrote (content\/maintenance\/2026-12-05-\S+\.md)/);
      expect(written, screen).not.toBeNull();
      const text = await file(written![1]!);
      expect(text).toContain('title: 日志集群升级\nstart: 2026-12-05T02:00:00+08:00\nend: 2026-12-05T04:00:00+08:00\n');
    } finally {
      await writeFile(path.join(story.root, 'content/site.yaml'), site);
    }
    await expectValidAt('2026-11-26T03:00:00Z');
  });
});
