// `npm run notify` against real receivers on the loopback address: an HTTP server records every webhook request
// (one path per channel, one that fails once, one that always fails). An outage is run with the commands and
// notify after each step, as the deploy workflow does: routing by severity and delay, the language, nothing sent
// twice across runs, a retry after a 500, a broken channel reported without stopping the others.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newIncident } from '../src/cli/new-incident.ts';
import { newMaintenance } from '../src/cli/new-maintenance.ts';
import { updateMaintenance } from '../src/cli/update-maintenance.ts';
import { notify } from '../src/cli/notify.ts';
import { newUpdate, resolve } from '../src/cli/update-incident.ts';
import { exampleSiteCopy, scriptedTerminal } from './helpers/commands.ts';

interface Received {
  path: string;
  body: Record<string, unknown>;
}

let root: string;
let server: Server;
let base: string;
const received: Received[] = [];
let flakyFailed = false;
let smtp: SMTPServer;
let smtpPort: number;
const mails: { from: string; to: string[]; parsed: ParsedMail }[] = [];

const NOTIFICATIONS = `channels:
  - id: oncall
    type: feishu
    urlFrom: ONCALL_FEISHU_URL
  - id: users
    type: slack
    urlFrom: USERS_SLACK_URL
  - id: archive
    type: webhook
    urlFrom: ARCHIVE_WEBHOOK_URL
  - id: teams
    type: teams
    urlFrom: TEAMS_WEBHOOK_URL
  - id: broken
    type: dingtalk
    urlFrom: BROKEN_DINGTALK_URL
  - id: unset
    type: slack
    urlFrom: NOBODY_SET_THIS_URL
  - id: mail
    type: email
    smtpFrom: MAIL_SMTP_URL
    from: "Example Status <status@example.com>"
    to: [ops@example.com, "Lead <lead@example.com>"]
routes:
  # P0 and P1 to the on-call group at once, in Chinese.
  - events: [incident.created, incident.updated, incident.resolved, incident.reopened]
    severities: [P0, P1]
    channels: [oncall, broken, unset]
    lang: zh-CN
  # P2 to users once it has lasted an hour.
  - events: [incident.created, incident.updated, incident.resolved]
    severities: [P2]
    after: 1h
    channels: [users, mail]
  # Everything to the archive and to Teams (which fails once).
  - events: [incident.created, incident.updated, incident.resolved, incident.reopened, postmortem.published, maintenance.scheduled, maintenance.started, maintenance.completed, maintenance.updated, maintenance.cancelled]
    channels: [archive, teams]
`;

const stateFile = () => path.join(root, '..', `${path.basename(root)}-sent.json`);

async function bodyOf(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text;
}

async function runNotify(now: string, extra: string[] = []) {
  const terminal = scriptedTerminal({
    interactive: false,
    env: {
      ONCALL_FEISHU_URL: `${base}/oncall`,
      USERS_SLACK_URL: `${base}/users`,
      ARCHIVE_WEBHOOK_URL: `${base}/archive`,
      TEAMS_WEBHOOK_URL: `${base}/teams`,
      BROKEN_DINGTALK_URL: `${base}/broken`,
      NOBODY_SET_THIS_URL: '',
      MAIL_SMTP_URL: `smtp://notify:secret@127.0.0.1:${smtpPort}`,
      AFTERMATH_NOTIFY_STATE: stateFile(),
    },
  });
  const before = received.length;
  const mailsBefore = mails.length;
  const status = await notify(['--root', root, '--now', now, ...extra], terminal.io, { retryDelaysMs: [5, 5], timeoutMs: 5_000 });
  return { status, stdout: terminal.stdout(), stderr: terminal.screen(), requests: received.slice(before), mails: mails.slice(mailsBefore) };
}

async function command(run: (argv: string[], io: ReturnType<typeof scriptedTerminal>['io']) => Promise<number>, argv: string[], now: string) {
  const terminal = scriptedTerminal({ interactive: false, env: { AFTERMATH_NOW: now } });
  const status = await run(['--root', root, ...argv], terminal.io);
  expect(status, terminal.screen()).toBe(0);
  return terminal.stdout();
}

const paths = (requests: Received[]) => requests.map((request) => request.path);

beforeAll(async () => {
  root = await exampleSiteCopy();
  await writeFile(path.join(root, 'content/notifications.yaml'), NOTIFICATIONS);
  server = createServer(async (request, response) => {
    const text = await bodyOf(request);
    received.push({ path: request.url ?? '', body: JSON.parse(text) as Record<string, unknown> });
    if (request.url === '/broken') {
      response.writeHead(500).end('down');
    } else if (request.url === '/teams' && !flakyFailed) {
      flakyFailed = true;
      response.writeHead(500).end('try later');
    } else if (request.url === '/oncall' && text.includes('REFUSED')) {
      // Feishu's answer to a message without the bot's keyword: a 200 that refuses.
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"code":19024,"msg":"Key Words Not Found"}');
    } else if (request.url === '/oncall') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"code":0,"msg":"success"}');
    } else {
      response.writeHead(200).end('ok');
    }
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // An SMTP server in this process, on the loopback address, taking the password it is given.
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: false,
    onAuth(auth, _session, callback) {
      callback(auth.username === 'notify' && auth.password === 'secret' ? null : new Error('wrong password'), { user: auth.username });
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((recipient) => recipient.address), parsed });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((ready) => smtp.listen(0, '127.0.0.1', ready));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  await new Promise<void>((done) => smtp.close(() => done()));
  await rm(root, { recursive: true, force: true });
  await rm(stateFile(), { force: true });
});

// One outage, in order: each step builds on the record and the sent notices of the one before.
describe('npm run notify through an outage', () => {
  it('on a first run, counts the history as sent and sends none of it, but announces the windows still to come', async () => {
    const run = await runNotify('2026-11-27T00:00:00Z');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/no record of sent notices at .*-sent\.json; \d+ notices due more than 30 min ago counted as sent without sending/);
    // The example's window on 6 December, to the two channels that take maintenance; Teams answered 500 once.
    expect(run.requests.map((request) => `${request.path} ${String(request.body.event ?? request.body.type)}`)).toEqual(['/archive maintenance.scheduled', '/teams message', '/teams message']);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual(['sent archive: Scheduled maintenance: File storage migration to the new storage cluster', 'sent teams: Scheduled maintenance: File storage migration to the new storage cluster']);
    const record = JSON.parse(await readFile(stateFile(), 'utf8')) as { version: number; sent: string[] };
    expect(record.version).toBe(1);
        // The example's latest incident, 21:18 (UTC+8) on 25 November, is counted for the archive; what is older than a
    // week is never sent and not kept.
    expect(record.sent).toContain('https://status.example.com/incidents/INC-20261125-001/#update-2026-11-25t131800z-investigating archive');
    expect(record.sent.filter((key) => key.includes('/INC-2025'))).toEqual([]);
  });

  it('a new P1: to on-call in Chinese, to the archive and Teams; a broken channel and an unset one are reported, the rest sent', async () => {
    await command(newIncident, ['--title', 'Checkout failing', '--severity', 'P1', '--service', 'auth:major_outage', '--impact', '', '--commander', '@wang', '--status', 'investigating', '--lang', 'en', '--started', 'now', '--detected', 'now', '--message', 'Card payments fail.'], '2026-11-27T01:00:00Z');
    const run = await runNotify('2026-11-27T01:01:00Z');
    expect(run.status).toBe(1);
    // broken: three tries; the others once each.
    expect(paths(run.requests).sort()).toEqual(['/archive', '/broken', '/broken', '/broken', '/oncall', '/teams']);
    const oncall = run.requests.find((request) => request.path === '/oncall')!.body as { msg_type: string; content: { post: { zh_cn: { title: string } } } };
    expect(oncall.msg_type).toBe('post');
    expect(oncall.content.post.zh_cn.title).toBe('[P1] User authentication：排查中 — Checkout failing');
    const archive = run.requests.find((request) => request.path === '/archive')!.body;
    expect(archive).toMatchObject({ event: 'incident.created', incident: 'INC-20261127-001', severity: 'P1', lang: 'en', message: 'Card payments fail.', at: '2026-11-27T01:00:00.000Z' });
    expect(run.stdout.split('\n').filter(Boolean).sort()).toEqual([
      'sent archive: [P1] User authentication: investigating — Checkout failing',
      'sent oncall: [P1] User authentication：排查中 — Checkout failing',
      'sent teams: [P1] User authentication: investigating — Checkout failing',
    ]);
    expect(run.stderr).toContain('notify: 2 failures; everything else was sent');
    expect(run.stderr).toContain('broken: [P1] User authentication：排查中 — Checkout failing: HTTP 500 after 3 tries; 1 notice left for the next run');
    expect(run.stderr).toContain('unset: NOBODY_SET_THIS_URL is not set');
  });

  it('run again: sends nothing twice; only the broken channel tries its notice again', async () => {
    const run = await runNotify('2026-11-27T01:02:00Z');
    expect(run.status).toBe(1);
    expect(paths(run.requests)).toEqual(['/broken', '/broken', '/broken']);
    expect(run.stdout).toBe('');
  });

  it('--dry-run prints each body per channel, sends nothing and records nothing', async () => {
    await command(resolve, ['INC-20261127-001', '--lang', 'en', '--message', 'Payments work again.'], '2026-11-27T01:30:00Z');
    const sentBefore = await readFile(stateFile(), 'utf8');
    const run = await runNotify('2026-11-27T01:31:00Z', ['--dry-run']);
    expect(run.status).toBe(0);
    expect(run.requests).toEqual([]);
    expect(await readFile(stateFile(), 'utf8')).toBe(sentBefore);
    expect(run.stdout).toContain('oncall (feishu, address from ONCALL_FEISHU_URL): 1 notice\n');
    expect(run.stdout).toContain('"title": "[P1] User authentication：已解决 — Checkout failing"');
    expect(run.stdout).toContain('archive (webhook, address from ARCHIVE_WEBHOOK_URL): 1 notice\n');
  });

  it('the resolution goes out on the next real run', async () => {
    const run = await runNotify('2026-11-27T01:31:00Z');
    expect(paths(run.requests).filter((request) => request !== '/broken').sort()).toEqual(['/archive', '/oncall', '/teams']);
    expect(run.requests.find((request) => request.path === '/archive')!.body).toMatchObject({ event: 'incident.resolved', message: 'Payments work again.' });
  });

  it('a P2 reaches users only once it has lasted an hour, with its state then', async () => {
    await command(newIncident, ['--title', 'Search slow', '--severity', 'P2', '--service', 'cache:degraded', '--impact', '', '--commander', '', '--status', 'investigating', '--lang', 'en', '--started', 'now', '--detected', 'now', '--message', 'Searches are slow.'], '2026-11-27T02:00:00Z');
    const early = await runNotify('2026-11-27T02:30:00Z');
    expect(paths(early.requests).filter((request) => request === '/users')).toEqual([]);
    expect(early.mails).toEqual([]);
    const late = await runNotify('2026-11-27T03:01:00Z');
    const users = late.requests.filter((request) => request.path === '/users');
    // And by email, to both recipients, as text and as HTML.
    expect(late.mails).toHaveLength(1);
    const [mail] = late.mails;
    expect(mail!.from).toBe('status@example.com');
    expect(mail!.to).toEqual(['ops@example.com', 'lead@example.com']);
    expect(mail!.parsed.subject).toBe('[Aura Flow Status] [P2] Cache: investigating — Search slow');
    expect(mail!.parsed.text).toContain('Searches are slow.');
    expect(mail!.parsed.text).toContain('Open the status page: https://status.example.com/incidents/INC-20261127-002/#update-2026-11-27t020000z');
    expect(mail!.parsed.html).toContain('<a href="https://status.example.com/incidents/INC-20261127-002/#update-2026-11-27t020000z">Open the status page</a>');
    expect(users).toHaveLength(1);
    const slack = users[0]!.body as { text: string; blocks: { type: string; text?: { text: string } }[] };
    expect(slack.text).toBe('[P2] Cache: investigating — Search slow');
    expect(slack.blocks[1]!.text!.text).toBe('Searches are slow.');
  });

  it('a maintenance window is announced when it is on record, and its start told once it has started', async () => {
    const written = await command(newMaintenance, ['--title', 'Cache upgrade', '--service', 'cache', '--impact', 'degraded', '--lang', 'en', '--notes', 'Searches may be slow.', '--start', '2026-11-27 12:00', '--end', '2h'], '2026-11-27T03:02:00Z');
    expect(written).toBe('wrote content/maintenance/2026-11-27-cache-upgrade.md\n');
    const announced = await runNotify('2026-11-27T03:03:00Z');
    expect(paths(announced.requests).filter((request) => request !== '/broken').sort()).toEqual(['/archive', '/teams']);
    expect(announced.requests.find((request) => request.path === '/archive')!.body).toMatchObject({ event: 'maintenance.scheduled', maintenance: '2026-11-27-cache-upgrade', title: 'Scheduled maintenance: Cache upgrade', message: 'Searches may be slow.' });
    // 12:00 in UTC+8 is 04:00Z: the start goes out on the first run after it, the announcement not again.
    const started = await runNotify('2026-11-27T04:05:00Z');
    const archive = started.requests.filter((request) => request.path === '/archive');
    expect(archive.map((request) => request.body.event)).toEqual(['maintenance.started']);
    // A note posted with the command goes out with its message; then the window is called off, and that goes out.
    await command(updateMaintenance, ['2026-11-27-cache-upgrade', '--action', 'note', '--message', 'Half the cache nodes are upgraded.'], '2026-11-27T04:30:00Z');
    const noted = await runNotify('2026-11-27T04:31:00Z');
    const notedArchive = noted.requests.filter((request) => request.path === '/archive');
    expect(notedArchive.map((request) => [request.body.event, request.body.title, request.body.message])).toEqual([['maintenance.updated', 'Maintenance update (in progress): Cache upgrade', 'Half the cache nodes are upgraded.']]);
    await command(updateMaintenance, ['2026-11-27-cache-upgrade', '--action', 'cancel', '--message', 'Rolled back; we will pick a new date.'], '2026-11-27T04:50:00Z');
    const cancelled = await runNotify('2026-11-27T04:51:00Z');
    expect(cancelled.requests.filter((request) => request.path === '/archive').map((request) => [request.body.event, request.body.title, request.body.message])).toEqual([['maintenance.cancelled', 'Maintenance cancelled: Cache upgrade', 'Rolled back; we will pick a new date.']]);
    // Nothing more: no completion of a window called off, when its end comes.
    const later = await runNotify('2026-11-27T07:00:00Z');
    expect(later.requests.filter((request) => request.path === '/archive')).toEqual([]);
  });

  it('a notice the platform refuses is given up and reported, and the channel goes on with the next', async () => {
    await command(newIncident, ['--title', 'Login errors', '--severity', 'P1', '--service', 'auth:degraded', '--impact', '', '--commander', '', '--status', 'investigating', '--lang', 'en', '--started', 'now', '--detected', 'now', '--message', 'REFUSED by the bot.'], '2026-11-27T05:00:00Z');
    await command(newUpdate, ['INC-20261127-003', '--status', 'fixing', '--lang', 'en', '--message', 'A fix is rolling out.'], '2026-11-27T05:05:00Z');
    const run = await runNotify('2026-11-27T05:06:00Z');
    expect(run.status).toBe(1);
    // Refused at once (no retry can change a refusal), then the next notice is sent.
    expect(paths(run.requests).filter((request) => request === '/oncall')).toEqual(['/oncall', '/oncall']);
    expect(run.stderr).toContain('oncall: [P1] User authentication：排查中 — Login errors: refused (code 19024: Key Words Not Found) after 1 try; this notice is given up, the channel goes on');
    expect(run.stdout).toContain('sent oncall: [P1] User authentication：修复中 — Login errors');
    const again = await runNotify('2026-11-27T05:07:00Z');
    expect(paths(again.requests).filter((request) => request === '/oncall')).toEqual([]);
  });

  it('a record of sent notices that cannot be read is started afresh, as on a first run', async () => {
    await writeFile(stateFile(), '{"version":1,"sent":[');
    // The cache upgrade ended at 06:00Z, 40 minutes before: counted as sent.
    const run = await runNotify('2026-11-27T06:40:00Z');
    expect(run.stderr).toContain('is not a record of sent notices this command wrote (it is started afresh)');
    // Nothing of the outage again; only the window still to come is announced again, rather than never.
    expect(run.requests.filter((request) => request.path !== '/broken').map((request) => request.body.event ?? request.body.type)).toEqual(['maintenance.scheduled', 'message']);
    expect(JSON.parse(await readFile(stateFile(), 'utf8'))).toMatchObject({ version: 1 });
  });

  it('a site without notifications.yaml sends nothing and says so', async () => {
    await rm(path.join(root, 'content/notifications.yaml'));
    const run = await runNotify('2026-11-27T06:45:00Z');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('nothing to send: the site has no content/notifications.yaml\n');
    expect(run.requests).toEqual([]);
    await writeFile(path.join(root, 'content/notifications.yaml'), NOTIFICATIONS);
  });
});

describe('npm run notify on a site with a problem', () => {
  it('sends nothing and prints the check’s problems', async () => {
    await writeFile(path.join(root, 'content/notifications.yaml'), NOTIFICATIONS.replace('channels: [users, mail]', 'channels: [user, mail]'));
    const run = await runNotify('2026-11-27T06:50:00Z');
    expect(run.status).toBe(1);
    expect(run.requests).toEqual([]);
    expect(run.stderr).toContain('notify: the site has 1 problem; nothing was sent (expected npm run check to pass)');
    expect(run.stderr).toContain('content/notifications.yaml');
    expect(run.stderr).toContain('unknown channel "user" (did you mean "users"?');
  });
});

