// On a site whose default locale is zh-CN, the commands ask their questions in Chinese; the files they write are
// the same as for answers given in English.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { init } from '../src/cli/init.ts';
import { newIncident } from '../src/cli/new-incident.ts';
import { newMaintenance } from '../src/cli/new-maintenance.ts';
import { newUpdate } from '../src/cli/update-incident.ts';
import { loadSite } from '../src/validation/load-site.ts';
import { formatProblem } from '../src/validation/problem.ts';
import { exampleSiteCopy, KEY, scriptedTerminal } from './helpers/commands.ts';

const roots: string[] = [];
let root: string;
const NEW_ID = 'INC-20261126-001';
const file = (relative: string) => readFile(path.join(root, relative), 'utf8');

beforeAll(async () => {
  root = await exampleSiteCopy();
  roots.push(root);
  const site = path.join(root, 'content/site.yaml');
  const text = await readFile(site, 'utf8');
  expect(text).toContain('\ndefaultLocale: en\n');
  await writeFile(site, text.replace('\ndefaultLocale: en\n', '\ndefaultLocale: zh-CN\n'));
});

afterAll(async () => {
  await Promise.all(roots.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function expectValidAt(now: string) {
  const loaded = await loadSite(root, { AFTERMATH_NOW: now });
  expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
}

/** No English question, choice or key hint on the screen (the example's own service and level names aside). */
function expectNoEnglishQuestions(screen: string) {
  for (const english of ['Title', 'Severity', 'Affected services', 'Impact on', 'When ', 'Status', 'Language of', 'Message', 'Incident', 'Services', 'navigate', 'select', 'submit', 'expected']) {
    expect(screen, english).not.toContain(english);
  }
}

// One story, in order: each step builds on the file the one before wrote. 09:00 in Shanghai on 26 November 2026.
describe('answering the questions in Chinese', () => {
  it('new:incident asks in Chinese, re-asks in Chinese, and offers the Chinese notice', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T01:00:00Z' } });
    const done = newIncident(['--root', root], terminal.io);
    await terminal.answer('标题（出了什么问题，读者会看到）', KEY.enter); // nothing typed yet
    await terminal.answer('需要填写标题', `部分用户无法登录${KEY.enter}`);
    await terminal.answer('事故级别', `${KEY.up}${KEY.enter}`); // P3, the least severe, offered; one up is P2
    await terminal.answer('受影响的服务（空格勾选，回车确认）', `${KEY.down}${KEY.down}${KEY.space}${KEY.enter}`); // auth
    await terminal.answer('User authentication 的受影响程度', `${KEY.down}${KEY.enter}`); // 部分中断 (offered) → 严重中断
    await terminal.answer('用户从什么时候开始受影响？', `next tuesday${KEY.enter}`);
    await terminal.answer('开始时间：无法识别的时间“next tuesday”（可写 now、21:10（今天）', `${KEY.clearLine}10:30${KEY.enter}`);
    await terminal.answer('开始时间：10:30 (UTC+8) 晚于现在（09:00 (UTC+8)），应为已经发生的时间', `${KEY.clearLine}08:50${KEY.enter}`);
    await terminal.answer('团队什么时候发现的？（发现时间）', KEY.enter); // now, offered
    await terminal.answer('用户影响，一两句话（可不填）', `约 10% 的登录请求失败${KEY.enter}`);
    await terminal.answer('事故指挥官，如 @lisi（可不填）', `@lisi${KEY.enter}`);
    await terminal.answer('状态', KEY.enter); // 排查中, offered
    await terminal.answer('消息的语言', KEY.enter); // the site's default, 简体中文
    await terminal.answer('消息（可修改提供的文本，回车发布）', KEY.enter); // the offered notice as it is
    expect(await done, terminal.screen()).toBe(0);

    const screen = terminal.screen();
    expect(screen).toContain('↑↓ 移动 • 空格 选择 • a 全选 • i 反选 • ⏎ 确认');
    expect(screen).toContain('↑↓ 移动 • ⏎ 选择');
    expect(screen).toContain('严重中断 (major_outage)');
    expect(screen).toContain('排查中 (investigating)');
    expect(screen).toContain('发现中 (detecting)');
    expectNoEnglishQuestions(screen);
    expect(terminal.stdout()).toBe(`wrote incidents/2026/${NEW_ID}/index.md\n`);
    const text = await file(`incidents/2026/${NEW_ID}/index.md`);
    expect(text).toContain('title: 部分用户无法登录\nseverity: P2\nstarted: 2026-11-26T08:50:00+08:00\ndetected: 2026-11-26T09:00:00+08:00\n');
    expect(text).toContain('services:\n  - id: auth\n    impact: major_outage\n');
    // P2 updates every 2 hours: the next is due by 11:00.
    expect(text).toContain(
      '    status: investigating\n    message: 我们正在调查此问题，并全力恢复服务。事故级别：P2。影响范围：User authentication。开始时间：2026-11-26 08:50 (UTC+8)。负责人：@lisi。用户影响：约 10% 的登录请求失败。下次更新：11:00 (UTC+8)前。\n',
    );
    await expectValidAt('2026-11-26T01:00:00Z');
  });

  it('new:update offers the incidents and the next status by their Chinese names', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T01:20:00Z' } });
    const done = newUpdate(['--root', root], terminal.io);
    await terminal.answer('事故', KEY.enter); // the newest open incident comes first
    await terminal.answer('状态（当前：排查中）', KEY.enter); // 修复中, offered
    await terminal.answer('消息的语言', KEY.enter);
    await terminal.answer('消息（可修改提供的文本，回车发布）', `${KEY.clearLine}已找到原因：证书过期，正在更换。${KEY.enter}`);
    expect(await done, terminal.screen()).toBe(0);
    const screen = terminal.screen();
    expect(screen).toContain(`${NEW_ID} 部分用户无法登录`);
    expect(screen).toContain('P2，排查中');
    expect(screen).toContain('修复中 (fixing)');
    expect(screen).toContain('观察中 (monitoring)');
    expectNoEnglishQuestions(screen);
    const text = await file(`incidents/2026/${NEW_ID}/index.md`);
    expect(text.endsWith('  - at: 2026-11-26T09:20:00+08:00\n    status: fixing\n    message: 已找到原因：证书过期，正在更换。\n---\n')).toBe(true);
  });

  it('new:update asks in Chinese which services recovered when monitoring', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T01:40:00Z' } });
    const done = newUpdate([NEW_ID, '--root', root], terminal.io);
    await terminal.answer('状态（当前：修复中）', KEY.enter); // 观察中, offered
    await terminal.answer('现在已恢复的服务（其影响到此刻结束；都不选：仍受影响）', `${KEY.space}${KEY.enter}`);
    await terminal.answer('消息的语言', KEY.enter);
    await terminal.answer('消息（可修改提供的文本，回车发布）', KEY.enter);
    expect(await done, terminal.screen()).toBe(0);
    expectNoEnglishQuestions(terminal.screen());
    const text = await file(`incidents/2026/${NEW_ID}/index.md`);
    expect(text).toContain('  - id: auth\n    impact: major_outage\n    end: 2026-11-26T09:40:00+08:00\n');
    expect(text).toContain('  - at: 2026-11-26T09:40:00+08:00\n    status: monitoring\n    message: 修复已生效，服务正在恢复，我们正在持续监控。');
    await expectValidAt('2026-11-26T01:40:00Z');
  });

  it('new:maintenance asks for the window in Chinese and writes Chinese notes', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T03:00:00Z' } });
    const done = newMaintenance(['--root', root], terminal.io);
    await terminal.answer('标题（维护的内容，读者会看到）', `缓存集群升级${KEY.enter}`);
    await terminal.answer('维护涉及的服务（空格勾选，回车确认）', `${KEY.enter}`); // nothing ticked yet
    await terminal.answer('请至少选择一项', `${KEY.down.repeat(5)}${KEY.space}${KEY.enter}`); // the sixth: cache
    await terminal.answer('开始时间，如 2026-12-06 01:00（站点时区）', `2026-12-10 02:00${KEY.enter}`);
    await terminal.answer('结束时间：时长如 2h', `2026-02-30 04:30${KEY.enter}`);
    await terminal.answer('不存在的日期或时间“2026-02-30 04:30”：2026 年 2 月只有 28 天', `${KEY.clearLine}2026-12-10 04:30${KEY.enter}`);
    await terminal.answer('用户会感受到的影响', `${KEY.down}${KEY.enter}`); // 预计无影响 (offered) → 性能下降
    await terminal.answer('说明的语言', KEY.enter); // 简体中文, the site's default
    await terminal.answer('给读者的说明（可修改提供的文本）', KEY.enter);
    expect(await done, terminal.screen()).toBe(0);
    const screen = terminal.screen();
    expect(screen).toContain('预计无影响 (none)');
    expect(screen).toContain('性能下降 (degraded)');
    expectNoEnglishQuestions(screen);
    // A title with no Latin letters gives the id no words: the date and "maintenance".
    expect(terminal.stdout()).toBe('wrote content/maintenance/2026-12-10-maintenance.md\n');
    expect(await file('content/maintenance/2026-12-10-maintenance.md')).toBe(`---
id: 2026-12-10-maintenance
title: 缓存集群升级
start: 2026-12-10T02:00:00+08:00
end: 2026-12-10T04:30:00+08:00
services:
  - cache
impact: degraded
---
我们将于 2026-12-10 02:00 (UTC+8) 至 04:30 (UTC+8) 对Cache进行计划维护。维护开始和结束时我们会在此发布通知。
`);
    await expectValidAt('2026-11-26T03:00:00Z');
  });

  it('re-asks a window end before the start in Chinese, and takes a duration', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T03:00:00Z' } });
    const done = newMaintenance(['--root', root, '--title', '日志保留策略调整', '--service', 'logging', '--impact', 'none', '--notes', '无需操作。', '--lang', 'zh-CN'], terminal.io);
    await terminal.answer('开始时间', `2026-12-01 10:00${KEY.enter}`);
    await terminal.answer('结束时间', `2026-12-01 09:00${KEY.enter}`);
    await terminal.answer('09:00 (UTC+8) 不晚于开始时间 10:00 (UTC+8)', `${KEY.clearLine}2h${KEY.enter}`);
    expect(await done, terminal.screen()).toBe(0);
    expect(await file('content/maintenance/2026-12-01-maintenance.md')).toContain('start: 2026-12-01T10:00:00+08:00\nend: 2026-12-01T12:00:00+08:00\n');
  });

  it('keeps error messages on exit in English, for scripts and the docs that quote them', async () => {
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-26T03:00:00Z' } });
    const done = newMaintenance(['--root', root, '--title', '日志保留策略调整', '--service', 'logging', '--impact', 'none', '--notes', '无需操作。', '--end', '2026-12-01 09:00'], terminal.io);
    await terminal.answer('开始时间', `2026-12-01 10:00${KEY.enter}`);
    expect(await done).toBe(2);
    expect(terminal.screen()).toContain('new:maintenance: --end: 2026-12-01T09:00:00+08:00 is not after the start, 2026-12-01T10:00:00+08:00 (expected the end after the start, or a duration such as 2h)');
  });
});

describe('npm run init in Chinese', () => {
  it('asks in the language of the site already there, then in the one chosen for the new site', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'aftermath-init-zh-'));
    roots.push(folder);
    await mkdir(path.join(folder, 'content'));
    await writeFile(path.join(folder, 'content/site.yaml'), 'name: 旧站点\ndefaultLocale: zh-CN\n');
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-27T02:00:00Z' } });
    // --force: the folder is no git repository; the question before replacing is still asked.
    const done = init(['--root', folder, '--force'], terminal.io);
    await terminal.answer('站点名称，如 Acme 状态', `Acme 状态${KEY.enter}`);
    await terminal.answer('站点的访问地址', `status.acme.com${KEY.enter}`);
    await terminal.answer('“status.acme.com”不是可用的地址', `${KEY.clearLine}https://status.acme.com/${KEY.enter}`);
    await terminal.answer('站点的默认语言', KEY.enter); // 简体中文, the current site's, offered
    await terminal.answer('页面显示所用的时区（IANA 名称，如 Asia/Shanghai）', `${KEY.clearLine}Shanghai${KEY.enter}`);
    await terminal.answer('“Shanghai”不是 IANA 时区', `${KEY.clearLine}Asia/Shanghai${KEY.enter}`);
    await terminal.answer('事故级别', KEY.enter); // P0–P3
    await terminal.answer('第一个服务分组，如 核心服务', `核心服务${KEY.enter}`);
    await terminal.answer('“核心服务”的 id（小写字母、数字、短横线）', `core${KEY.enter}`);
    await terminal.answer('下一个分组（留空则开始填写服务）', KEY.enter);
    await terminal.answer('第一个服务，如 公开接口', `公开接口${KEY.enter}`);
    await terminal.answer('“公开接口”的 id', `api${KEY.enter}`);
    await terminal.answer('“公开接口”的 RTO：每次事故最长可中断多久', `${KEY.clearLine}fast${KEY.enter}`);
    await terminal.answer('“fast”不是时长（应如 15m、1h 或 2d', `${KEY.clearLine}15m${KEY.enter}`);
    await terminal.answer('“公开接口”的 RPO：每次事故最多可丢失多长时间的数据', KEY.enter); // 15m, offered
    await terminal.answer('“公开接口”的可用性目标', KEY.enter); // 99.9%, offered
    await terminal.answer('下一个服务（留空则结束）', KEY.enter);
    await terminal.answer('用新站点替换 content/、incidents/、public/（0 个事故、0 份复盘报告', KEY.enter); // 否, offered
    expect(await done).toBe(1);
    const screen = terminal.screen();
    expect(screen).toContain('P0 紧急（15 分钟内响应，1 小时内解决）到 P3 低，出自事故管理流程和事故响应手册');
    expect(screen).toContain('否，保留现有内容');
    expect(screen).toContain('init: kept the content as it was; nothing was changed');
    for (const english of ['Site name', 'Address', 'Default language', 'Time zone', 'Severity levels', 'group', 'service', 'Replace', 'navigate']) expect(screen, english).not.toContain(english);
    expect(await readFile(path.join(folder, 'content/site.yaml'), 'utf8')).toBe('name: 旧站点\ndefaultLocale: zh-CN\n');
  });

  it('asks in English where there is no site yet, and in Chinese once 简体中文 is chosen', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'aftermath-init-zh-'));
    roots.push(folder);
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: '2026-11-27T02:00:00Z' } });
    // An empty folder: no site yet, so English until the new site's language is chosen.
    const done = init(['--root', folder, '--severity', 'P1-P4', '--group', 'core:核心服务', '--service', 'api:公开接口:core:15m:5m:99.9%'], terminal.io);
    await terminal.answer('Site name, such as Acme Status', `Acme 状态${KEY.enter}`);
    await terminal.answer('Address the site is served at', `https://status.acme.com/${KEY.enter}`);
    await terminal.answer('Default language of the site', `${KEY.down}${KEY.enter}`); // 简体中文
    await terminal.answer('页面显示所用的时区（IANA 名称，如 Asia/Shanghai）', `${KEY.clearLine}Asia/Shanghai${KEY.enter}`);
    expect(await done, terminal.screen()).toBe(0);
    expect(terminal.screen()).not.toContain('Time zone');
    expect(await readFile(path.join(folder, 'content/site.yaml'), 'utf8')).toContain('defaultLocale: zh-CN\ntimeZone: Asia/Shanghai\n');
  });
});
