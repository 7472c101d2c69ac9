// The comms lead's path with flags, on a copy of the example site: each command, then the check and the build, then
// the update as readers get it on the incident page and in the feed.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleSiteCopy } from './helpers/commands.ts';
import { runScript, type CommandResult } from './helpers/sites.ts';

const ID = 'INC-20261126-001';
const FILE = `incidents/2026/${ID}/index.md`;
const FIXING = 'We found an expired certificate on the sign-in servers and are replacing it.';
let root: string;
let out: string;
const results: Record<string, CommandResult> = {};
let beforeUpdate = '';
let afterUpdate = '';

const run = (name: string, script: string, args: string[], now: string) => {
  results[name] = runScript(script, [...args, '--root', root], { AFTERMATH_NOW: now });
  return results[name]!;
};
const page = async (route: string): Promise<HTMLElement> => parse(await readFile(path.join(out, route, 'index.html'), 'utf8'));
const text = (element: HTMLElement | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  root = await exampleSiteCopy();
  out = path.join(root, 'dist');
  // 09:00 in Shanghai, the example site's zone; every step comes later that morning.
  run('new:incident', 'new-incident.ts', ['--title', 'Sign-in failing for some users', '--severity', 'P2', '--service', 'auth:major_outage', '--service', 'cache', '--impact', 'About 10% of sign-ins fail.', '--commander', '@lisi', '--started', '2026-11-26 08:50'], '2026-11-26T01:00:00Z');
  beforeUpdate = await readFile(path.join(root, FILE), 'utf8');
  run('new:update', 'new-update.ts', [ID, '--status', 'fixing', '--message', FIXING], '2026-11-26T01:20:00Z');
  afterUpdate = await readFile(path.join(root, FILE), 'utf8');
  run('new:update monitoring', 'new-update.ts', [ID, '--status', 'monitoring', '--recovered', 'cache', '--lang', 'zh-CN'], '2026-11-26T01:40:00Z');
  run('resolve', 'resolve.ts', [ID], '2026-11-26T02:00:00Z');
  run('new:postmortem', 'new-postmortem.ts', [ID, '--author', '@wangwu'], '2026-11-26T03:00:00Z');
  run('new:maintenance', 'new-maintenance.ts', ['--title', 'Cache cluster upgrade', '--service', 'cache', '--start', '2026-12-10 02:00', '--duration', '2h', '--impact', 'degraded'], '2026-11-26T03:00:00Z');
  run('check', 'check.ts', [], '2026-11-26T03:00:00Z');
  results.build = runScript('build.ts', ['--root', root, '--out', out], { AFTERMATH_NOW: '2026-11-26T03:00:00Z' });
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the commands with flags', () => {
  it('each succeed and print the path they wrote', () => {
    const wrote = Object.fromEntries(Object.entries(results).map(([name, result]) => [name, [result.status, result.stdout.trim()]]));
    expect(wrote).toMatchObject({
      'new:incident': [0, `wrote ${FILE}`],
      'new:update': [0, `wrote ${FILE}`],
      'new:update monitoring': [0, `wrote ${FILE}`],
      resolve: [0, `wrote ${FILE}`],
      'new:postmortem': [0, `wrote incidents/2026/${ID}/postmortem.md`],
      'new:maintenance': [0, 'wrote content/maintenance/2026-12-10-cache-cluster-upgrade.md'],
    });
  });

  it('new:update only appends the update at the end of updates', () => {
    const closing = beforeUpdate.indexOf('\n---\n') + 1;
    const added = `  - at: 2026-11-26T09:20:00+08:00\n    status: fixing\n    message: ${FIXING}\n`;
    expect(afterUpdate).toBe(beforeUpdate.slice(0, closing) + added + beforeUpdate.slice(closing));
  });

  it('leave a site that passes the check and builds', () => {
    // The example's own late postmortems and updates are warnings, which pass; the new incident adds none.
    expect(results.check!.stdout.trim().split('\n').at(-1)).toBe('ok: 35 incidents, 8 postmortems, 3 maintenance windows, 10 services checked; 27 warnings');
    expect(results.check!.status).toBe(0);
    expect(results.build!.status, results.build!.stderr).toBe(0);
    // The build tells the same warnings after its result, and builds all the same.
    expect(results.build!.stdout.trimEnd().split('\n').at(-1)).toBe('27 warnings about the record (they do not stop a build; see npm run check)');
  });
});

describe('the result as readers see it', () => {
  it('shows every update on the incident page, newest first, with the resolution', async () => {
    const incident = await page(`incidents/${ID}`);
    const heads = incident.querySelectorAll('.timeline li').map((item) => text(item.querySelector('.timeline-head')));
    expect(heads).toEqual(['Resolved Nov 26, 2026, 10:00 GMT+8', 'Monitoring Nov 26, 2026, 09:40 GMT+8', 'Fixing Nov 26, 2026, 09:20 GMT+8', 'Investigating Nov 26, 2026, 09:00 GMT+8']);
    const messages = incident.querySelectorAll('.timeline-message').map(text);
    expect(messages[0]).toBe(
      'This incident has been resolved and service is working normally again. Severity: P2. Affected services: User authentication, Cache. Started: 2026-11-26 08:50 (UTC+8). Resolved: 10:00 (UTC+8). Duration: 1 h 10 min. Incident commander: @lisi. User impact: About 10% of sign-ins fail. The root cause and our improvements will follow in the postmortem. We are sorry for the disruption.',
    );
    expect(messages[1]).toBe('修复已生效，服务正在恢复，我们正在持续监控。事故级别：P2。影响范围：User authentication、Cache。开始时间：2026-11-26 08:50 (UTC+8)。负责人：@lisi。用户影响：About 10% of sign-ins fail. 下次更新：11:40 (UTC+8)前。');
    expect(messages[2]).toBe(FIXING);
    const facts = Object.fromEntries(incident.querySelectorAll('dl.facts dt').map((dt) => [text(dt), text(dt.nextElementSibling)]));
    expect(facts).toMatchObject({ Started: 'Nov 26, 2026, 08:50 GMT+8', Detected: 'Nov 26, 2026, 09:00 GMT+8', Resolved: 'Nov 26, 2026, 10:00 GMT+8', Status: 'Resolved' });
  });

  it('puts every update in the feed, newest first', async () => {
    const feed = new XMLParser().parse(await readFile(path.join(out, 'rss.xml'), 'utf8'));
    const items = (feed.rss.channel.item as { title: string; link: string; description: string }[]).filter((item) => item.link.includes(ID));
    expect(items.map((item) => item.title)).toEqual([
      '[P2] User authentication, Cache: resolved — Sign-in failing for some users',
      '[P2] User authentication, Cache: monitoring — Sign-in failing for some users',
      '[P2] User authentication, Cache: fixing — Sign-in failing for some users',
      '[P2] User authentication, Cache: investigating — Sign-in failing for some users',
    ]);
    expect(items[2]!.description).toContain(FIXING);
    expect(items[0]!.link).toBe(`https://status.example.com/incidents/${ID}/#update-2026-11-26t020000z`);
  });

  it('lists the maintenance as upcoming and keeps the draft postmortem off the site', async () => {
    const home = await page('');
    expect(text(home.querySelector('#maintenance')!.parentNode)).toContain('Cache cluster upgrade');
    expect(text(home)).not.toContain('Sign-in failing for some users');
    expect(existsSync(path.join(out, 'postmortems', ID))).toBe(false);
  });
});
