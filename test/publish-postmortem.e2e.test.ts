// Publishing a postmortem with the command, on a copy of the valid fixture (Europe/Berlin, UTC+1 in November):
// refused while a placeholder of any language is left, then published at its instant, which the feeds date it by.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { treeSnapshot } from './helpers/commands.ts';
import { copyOf, runScript, VALID_FIXTURE, type CommandResult } from './helpers/sites.ts';

// 10:00 in Berlin on 27 November.
const NOW = '2026-11-27T09:00:00Z';
// Resolved at 00:20, reopened at 00:40, resolved again at 01:30 on 16 November.
const ID = 'INC-20261115-001';
const FILE = `incidents/2026/${ID}/postmortem.md`;
const SUMMARY = 'A cookie change broke sign-in on older browsers twice; rollbacks now reach every server at once.';

let root: string;
let out: string;
const results: Record<string, CommandResult> = {};
const snapshots: Record<string, Record<string, string>> = {};
let written = '';
let filled = '';

const publish = (name: string, args: string[]) => {
  results[name] = runScript('publish-postmortem.ts', [ID, ...args, '--root', root], { AFTERMATH_NOW: NOW });
  return results[name]!;
};
const file = () => readFile(path.join(root, FILE), 'utf8');

beforeAll(async () => {
  root = await copyOf(VALID_FIXTURE);
  out = path.join(root, 'dist');
  results['new:postmortem'] = runScript('new-postmortem.ts', [ID, '--author', '@web-lead', '--root', root], { AFTERMATH_NOW: NOW });
  const draft = await file();

  snapshots.beforeDraft = await treeSnapshot(root);
  publish('draft', []);
  snapshots.afterDraft = await treeSnapshot(root);

  // Every English section written, but the summary left as the Chinese scaffold writes it.
  const frontmatter = draft.slice(0, draft.lastIndexOf('\n---\n') + '\n---\n'.length).replace(/TODO: [^"\n]*/g, 'Written by the team.');
  await writeFile(path.join(root, FILE), `${frontmatter}待填写：给读者的简短摘要。\n`);
  snapshots.beforeChinese = await treeSnapshot(root);
  publish('chinese placeholder', []);
  snapshots.afterChinese = await treeSnapshot(root);

  // Every section written, but nobody has reviewed it yet.
  await writeFile(path.join(root, FILE), `${frontmatter}${SUMMARY}\n`);
  snapshots.beforeReview = await treeSnapshot(root);
  publish('no reviewers', []);
  snapshots.afterReview = await treeSnapshot(root);

  filled = `${frontmatter.replace('reviewers: []', 'reviewers: ["@sre-lead"]')}${SUMMARY}\n`;
  await writeFile(path.join(root, FILE), filled);
  publish('before the resolution', ['--at', '2026-11-16 00:10']);
  publish('after now', ['--at', '2026-11-27 10:30']);
  publish('published', ['--at', '2026-11-20 10:15']);
  written = await file();
  publish('again', []);
  results.check = runScript('check.ts', ['--root', root], { AFTERMATH_NOW: NOW });
  results.build = runScript('build.ts', ['--root', root, '--out', out], { AFTERMATH_NOW: NOW });
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('publish:postmortem on a draft', () => {
  it('is refused with one line per scaffold placeholder left, and writes nothing', () => {
    expect(results['new:postmortem']!.status).toBe(0);
    expect(results.draft!.status).toBe(1);
    const expected = '(expected the section written before publishing)';
    expect(results.draft!.stdout).toBe('');
    expect(results.draft!.stderr.trim().split('\n')).toEqual([
      `publish:postmortem: ${FILE} still holds 11 scaffold placeholders; write those sections first; nothing was written`,
      `${FILE}:10: scope.users: still reads "TODO: which users, how many" ${expected}`,
      `${FILE}:11: userImpact: still reads "TODO: which users, how many" ${expected}`,
      `${FILE}:34: rootCause.direct: still reads "TODO: the direct cause" ${expected}`,
      `${FILE}:35: rootCause.root: still reads "TODO: the root cause (ask why until the answer is a process " ${expected}`,
      `${FILE}:41: impact.business.affectedUsers: still reads "TODO: number or share of affected users" ${expected}`,
      `${FILE}:50: response.actions[0]: still reads "TODO: the actions taken, in order" ${expected}`,
      `${FILE}:51: response.fix: still reads "TODO: the fix" ${expected}`,
      `${FILE}:52: response.verification: still reads "TODO: how we know it is fixed" ${expected}`,
      `${FILE}:56: lessons.wentWell[0]: still reads "TODO: what went well" ${expected}`,
      `${FILE}:58: lessons.wentBadly[0]: still reads "TODO: what went badly" ${expected}`,
      `${FILE}:72: body: still reads "TODO: a short summary for readers: what happened, who was af" ${expected}`,
    ]);
    expect(snapshots.afterDraft).toEqual(snapshots.beforeDraft);
  });

  it('is refused for a Chinese placeholder in the body, at its line', () => {
    expect(results['chinese placeholder']).toMatchObject({ status: 1, stdout: '' });
    expect(results['chinese placeholder']!.stderr.trim().split('\n')).toEqual([
      `publish:postmortem: ${FILE} still holds 1 scaffold placeholder; write that section first; nothing was written`,
      `${FILE}:72: body: still reads "待填写：给读者的简短摘要。" (expected the section written before publishing)`,
    ]);
    expect(snapshots.afterChinese).toEqual(snapshots.beforeChinese);
  });
});

describe('publish:postmortem before anyone reviewed it', () => {
  it('is refused at the reviewers line, and writes nothing', () => {
    expect(results['no reviewers']).toMatchObject({ status: 1, stdout: '' });
    expect(results['no reviewers']!.stderr).toContain(`${FILE}:14: reviewers: is empty on a published postmortem (expected the people who reviewed it, such as ["@cto", "@sre"], or status: draft until someone has)`);
    expect(snapshots.afterReview).toEqual(snapshots.beforeReview);
  });
});

describe('publish:postmortem on a finished postmortem', () => {
  it('refuses an instant before the incident was first resolved, or after now', () => {
    expect(results['before the resolution']).toMatchObject({ status: 1, stdout: '' });
    expect(results['before the resolution']!.stderr).toBe(`publish:postmortem: --at: 2026-11-16T00:10:00+01:00 is before ${ID} was resolved, 2026-11-16T00:20:00+01:00 (expected an instant from the resolution to now)\n`);
    expect(results['after now']).toMatchObject({ status: 1, stdout: '' });
    expect(results['after now']!.stderr).toContain('--at: 2026-11-27T10:30:00+01:00 is after now 2026-11-27T10:00:00+01:00');
  });

  it('sets status published and records the instant with the site’s offset, changing nothing else', () => {
    expect(results.published).toMatchObject({ status: 0, stdout: `wrote ${FILE}\n`, stderr: '' });
    expect(written).toBe(filled.replace('\nstatus: draft\n', '\nstatus: published\npublished: 2026-11-20T10:15:00+01:00\n'));
    expect(results.check!.status, results.check!.stdout + results.check!.stderr).toBe(0);
  });

  it('refuses to publish it a second time', () => {
    expect(results.again).toMatchObject({ status: 1, stdout: '' });
    expect(results.again!.stderr).toBe(`publish:postmortem: ${FILE}: already published at 2026-11-20T10:15:00+01:00 (expected a postmortem not yet published; to correct the instant, edit published: in the file)\n`);
  });
});

describe('the feeds after publishing', () => {
  it('date the postmortem item at its publication instant in the postmortems feed, newest first', async () => {
    expect(results.build!.status, results.build!.stderr).toBe(0);
    const rss = new XMLParser().parse(await readFile(path.join(out, 'postmortems', 'rss.xml'), 'utf8')) as { rss: { channel: { item: { link: string; pubDate: string }[] } } };
    // 10:15 in Berlin (+01:00) is 09:15 GMT; the older postmortem has no published instant and is dated by its
    // incident's closed update, 10:00 in Berlin on 12 November.
    expect(rss.rss.channel.item.map((item) => [item.link, item.pubDate])).toEqual([
      [`https://status.example.org/postmortems/${ID}/`, 'Fri, 20 Nov 2026 09:15:00 GMT'],
      ['https://status.example.org/postmortems/INC-20261110-001/', 'Thu, 12 Nov 2026 09:00:00 GMT'],
    ]);
  });

  it('show the publication instant on the postmortem page, in the site’s zone', async () => {
    const html = await readFile(path.join(out, 'postmortems', ID, 'index.html'), 'utf8');
    const facts = [...html.matchAll(/<dt[^>]*>([^<]*)<\/dt><dd[^>]*>(.*?)<\/dd>/g)].map((match) => [match[1], match[2]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()]);
    expect(facts.find(([term]) => term === 'Published')?.[1]).toBe('Nov 20, 2026, 10:15 GMT+1');
  });

  it('place the item among the incident updates by that instant in the site feed', async () => {
    const feed = JSON.parse(await readFile(path.join(out, 'feed.json'), 'utf8')) as { items: { url: string; date_published: string }[] };
    const entries = feed.items.map((item) => `${item.date_published} ${item.url.split('#')[0]}`);
    const at = entries.indexOf(`2026-11-20T10:15:00+01:00 https://status.example.org/postmortems/${ID}/`);
    expect(at).toBeGreaterThan(0);
    // Newer: the slow-website incident's first update that evening; older: this incident's final resolution.
    expect(entries.slice(at - 1, at + 2)).toEqual([
      '2026-11-20T22:45:00+01:00 https://status.example.org/incidents/INC-20261120-001/',
      `2026-11-20T10:15:00+01:00 https://status.example.org/postmortems/${ID}/`,
      `2026-11-16T01:30:00+01:00 https://status.example.org/incidents/${ID}/`,
    ]);
  });
});

describe('the check on a published instant', () => {
  it('refuses one before the incident’s first resolution, naming the resolution’s line', async () => {
    await writeFile(path.join(root, FILE), written.replace('published: 2026-11-20T10:15:00+01:00', 'published: 2026-11-16T00:15:00+01:00'));
    const check = runScript('check.ts', ['--root', root], { AFTERMATH_NOW: NOW });
    expect(check.status).toBe(1);
    expect(check.stdout + check.stderr).toContain(`${FILE}:16: published: 2026-11-16T00:15:00+01:00 is before the incident was resolved at incidents/2026/${ID}/index.md:15 (2026-11-16T00:20:00+01:00) (expected the postmortem published after the resolution)`);
  });

  it('refuses one on a draft', async () => {
    await writeFile(path.join(root, FILE), written.replace('status: published', 'status: draft'));
    const check = runScript('check.ts', ['--root', root], { AFTERMATH_NOW: NOW });
    expect(check.status).toBe(1);
    expect(check.stdout + check.stderr).toContain(`${FILE}:16: published: set on a postmortem with status "draft" (expected published only with status: published; npm run publish:postmortem sets both)`);
  });
});
