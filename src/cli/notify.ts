// `npm run notify`: pushes each notice the routes of content/notifications.yaml give, and that was not sent
// before, to its chat channels and email recipients; run by the deploy workflow after each publish. What was sent is kept in a small
// JSON file (see sentRecordPath), by the notices' stable keys, so a second run sends nothing twice.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { chatMessage, noticeText, type NoticeContext, type NoticeText } from '../lib/notify/chat-messages.ts';
import { emailMessage, type EmailMessage } from '../lib/notify/email-message.ts';
import { dueNotices, notificationEvents, type Notice } from '../lib/notify/notification-events.ts';
import { replaceFile } from '../lib/files/kept-files.ts';
import { projectFolder } from '../lib/files/code-fingerprint.ts';
import { postmortemPublishedAt } from '../lib/postmortems/publication.ts';
import type { Channel, EmailChannel } from '../schemas/notifications.ts';
import { loadSite, type SiteContent } from '../validation/load-site.ts';
import { formatProblem } from '../validation/problem.ts';
import { commandNow, DomainError, parseCommandLine, printHelp, runCommand, siteRoot, UsageError, type CommandIO } from './command.ts';

const USAGE = 'usage: npm run notify -- [--dry-run] [--state <file>] [--root <site folder>] [--now <instant>]';

/** When no record of sent notices exists, notices from this long before now are still sent; older ones are not. */
export const CATCH_UP_MS = 30 * 60_000;

/**
 * Events older than this are never sent, and leave the record of sent notices: an update recorded late, days
 * after it happened, still goes out, while the record stays the size of a week whatever the history's length.
 */
export const RECENT_MS = 7 * 24 * 3_600_000;

export interface SendOptions {
  /** Waits before the second and third tries of a failed request. */
  retryDelaysMs?: readonly number[];
  /** How long one request may take. */
  timeoutMs?: number;
}

const RETRY_DELAYS_MS = [2_000, 8_000];
const REQUEST_TIMEOUT_MS = 15_000;

interface SentRecord {
  version: 1;
  /** Keys of the notices sent (event id, space, channel id). */
  sent: string[];
}

/** AFTERMATH_NOTIFY_STATE, else a file under node_modules/.cache (which the deploy workflow keeps), else none. */
export function sentRecordPath(flag: string | undefined, env: Record<string, string | undefined>): string {
  const chosen = flag ?? env.AFTERMATH_NOTIFY_STATE;
  if (chosen) return path.resolve(chosen);
  const project = projectFolder();
  if (!project) throw new UsageError('no place to keep what was sent (expected --state <file> or AFTERMATH_NOTIFY_STATE)');
  return path.join(project, 'node_modules', '.cache', 'aftermath', 'notifications-sent.json');
}

/**
 * The keys of the notices sent, or why there are none: no file (a first run, a lost cache), or one that cannot be
 * read, which is then treated the same way rather than stopping every later run.
 */
function readSentRecord(file: string): Set<string> | { missing: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { missing: `no record of sent notices at ${file}` };
  }
  try {
    const record = JSON.parse(text) as Partial<SentRecord>;
    if (record.version === 1 && Array.isArray(record.sent) && record.sent.every((key) => typeof key === 'string')) return new Set(record.sent);
  } catch {
    // Below.
  }
  return { missing: `${file} is not a record of sent notices this command wrote (it is started afresh)` };
}

function writeSentRecord(file: string, sent: ReadonlySet<string>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // Renamed into place: a run killed half-way leaves the last complete record.
  replaceFile(file, `${JSON.stringify({ version: 1, sent: [...sent].sort() } satisfies SentRecord)}\n`);
}

/**
 * A channel's webhook address, from the environment variable the file names, or from the repository's secrets
 * the workflow passes whole as AFTERMATH_SECRETS (JSON), so a new channel needs no edit to the workflow.
 */
function secretAddress(name: string, env: Record<string, string | undefined>, schemes: readonly string[], what: string): string | { problem: string } {
  let value = env[name];
  if (!value && env.AFTERMATH_SECRETS) {
    try {
      const secrets = JSON.parse(env.AFTERMATH_SECRETS) as Record<string, unknown>;
      if (typeof secrets[name] === 'string') value = secrets[name] as string;
    } catch {
      // Not JSON: as if absent.
    }
  }
  if (!value) return { problem: `${name} is not set (expected ${what} in that environment variable or repository secret)` };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { problem: `${name} does not hold an address (expected ${what})` };
  }
  if (!schemes.includes(url.protocol)) return { problem: `${name} holds a ${url.protocol} address (expected ${what})` };
  return url.href;
}

/** How a channel's notices are delivered: each returns why it failed, or nothing. */
type Delivery = (notice: Notice, text: NoticeText) => Promise<Failure | undefined>;

function deliveryFor(channel: Channel, env: Record<string, string | undefined>, options: Required<SendOptions>, siteName: string): Delivery | { problem: string } {
  if (channel.type === 'email') {
    const address = secretAddress(channel.smtpFrom, env, ['smtp:', 'smtps:'], 'the SMTP server as smtps://user:password@host:465 or smtp://user:password@host:587');
    if (typeof address !== 'string') return address;
    const server = new URL(address);
    const secure = server.protocol === 'smtps:';
    const transport = createTransport({
      host: server.hostname,
      port: server.port ? Number(server.port) : secure ? 465 : 587,
      secure,
      // Credentials never cross the network in clear: STARTTLS is required except on this machine's loopback.
      requireTLS: !secure && !['localhost', '127.0.0.1', '[::1]'].includes(server.hostname),
      ...(server.username ? { auth: { user: decodeURIComponent(server.username), pass: decodeURIComponent(server.password) } } : {}),
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
    });
    return (notice, text) => mail(transport, channel, emailMessage(text, notice, siteName), options);
  }
  const address = secretAddress(channel.urlFrom, env, ['https:', 'http:'], "the channel's webhook https:// address");
  if (typeof address !== 'string') return address;
  return (notice, text) => post(address, chatMessage(channel.type, text, notice), options);
}

/** What --dry-run prints for one notice: the chat body, or the email's envelope and text. */
function dryRunBody(channel: Channel, notice: Notice, text: NoticeText, siteName: string): unknown {
  if (channel.type !== 'email') return chatMessage(channel.type, text, notice);
  const message = emailMessage(text, notice, siteName);
  return { from: channel.from, to: channel.to, subject: message.subject, text: message.text };
}

/** What a platform says in a 200 answer when it refused the message (Feishu `code`, DingTalk `errcode`). */
function refusalIn(body: string): string | undefined {
  try {
    const answer = JSON.parse(body) as { code?: unknown; errcode?: unknown; msg?: unknown; errmsg?: unknown };
    if (typeof answer.code === 'number' && answer.code !== 0) return `code ${answer.code}${typeof answer.msg === 'string' ? `: ${answer.msg}` : ''}`;
    if (typeof answer.errcode === 'number' && answer.errcode !== 0) return `errcode ${answer.errcode}${typeof answer.errmsg === 'string' ? `: ${answer.errmsg}` : ''}`;
  } catch {
    // Slack and Teams answer plain text.
  }
  return undefined;
}

/**
 * What one try gave: nothing when it worked, else why not and what it stops: `retry` a try again may mend (5xx,
 * timeout, network), `channel` the channel as set up (401, 403, 404: its notices wait for the next run), `notice`
 * this notice alone, which the platform refuses and always will (400, 413, a refusal code in a 200).
 */
type TryOutcome = undefined | { problem: string; scope: 'retry' | 'channel' | 'notice' };

/** Why a notice was not delivered, and what that stops. */
type Failure = { problem: string; scope: 'channel' | 'notice' };

/** Tries again after each delay while trying can help; the last failure when it did not work. */
async function withRetries(options: Required<SendOptions>, attempt: () => Promise<TryOutcome>): Promise<Failure | undefined> {
  for (let tries = 1; ; tries += 1) {
    const outcome = await attempt();
    if (!outcome) return undefined;
    if (outcome.scope !== 'retry' || tries > options.retryDelaysMs.length) {
      return { problem: `${outcome.problem} after ${tries} tr${tries === 1 ? 'y' : 'ies'}`, scope: outcome.scope === 'notice' ? 'notice' : 'channel' };
    }
    await new Promise((resolve) => setTimeout(resolve, options.retryDelaysMs[tries - 1]));
  }
}

/** Posts one body to a chat webhook. */
function post(address: string, body: unknown, options: Required<SendOptions>): Promise<Failure | undefined> {
  return withRetries(options, async () => {
    try {
      const response = await fetch(address, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body), signal: AbortSignal.timeout(options.timeoutMs), redirect: 'error' });
      const answer = await response.text();
      if (!response.ok) {
        const status = response.status;
        if (status === 408 || status === 429 || status >= 500) return { problem: `HTTP ${status}`, scope: 'retry' };
        // The address is wrong or revoked: the channel, not this notice.
        if (status === 401 || status === 403 || status === 404 || status === 410) return { problem: `HTTP ${status}`, scope: 'channel' };
        return { problem: `HTTP ${status}`, scope: 'notice' };
      }
      const refusal = refusalIn(answer);
      return refusal ? { problem: `refused (${refusal})`, scope: 'notice' } : undefined;
    } catch (error) {
      return { problem: (error as Error).name === 'TimeoutError' ? `no answer in ${options.timeoutMs / 1000} s` : `cannot connect (${(error as Error).message})`, scope: 'retry' };
    }
  });
}

/** Sends one email through the channel's SMTP server. */
function mail(transport: Transporter, channel: EmailChannel, message: EmailMessage, options: Required<SendOptions>): Promise<Failure | undefined> {
  return withRetries(options, async () => {
    try {
      await transport.sendMail({ from: channel.from, to: channel.to, subject: message.subject, text: message.text, html: message.html });
      return undefined;
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // A permanent refusal (5xx: authentication, unknown recipient) fails the same way again: the channel's set-up.
      return { problem: `SMTP ${code ?? 'error'}: ${String((error as Error).message).split('\n')[0]}`, scope: code !== undefined && code >= 500 ? 'channel' : 'retry' };
    }
  });
}

function eventsOf(content: SiteContent, baseUrl: string) {
  return notificationEvents({
    incidents: content.incidents.map((entry) => entry.incident),
    postmortems: content.incidents.flatMap((entry) =>
      entry.postmortem && entry.postmortem.postmortem.status === 'published' ? [{ incident: entry.incident, postmortem: entry.postmortem.postmortem, publishedMs: postmortemPublishedAt(entry.postmortem.postmortem, entry.incident, content.site.timeZone) }] : [],
    ),
    maintenance: content.maintenance.map((entry) => entry.maintenance),
    maintenanceNotes: new Map(content.maintenance.map((entry) => [entry.maintenance.id, entry.body])),
    baseUrl,
  });
}

function describe(notice: Notice, title: string): string {
  return `${notice.channelId}: ${title}`;
}

export async function notify(argv: readonly string[], io: CommandIO, sendOptions: SendOptions = {}): Promise<number> {
  return runCommand('notify', USAGE, io, async () => {
    const { values } = parseCommandLine({ args: [...argv], options: { root: { type: 'string', default: '.' }, now: { type: 'string' }, state: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false });
    if (values.help) {
      printHelp(io, USAGE, 'Sends the notices content/notifications.yaml routes, once each, to their chat channels.');
      return;
    }
    const root = siteRoot(values.root, io);
    const nowMs = commandNow(values.now, io);
    const loaded = await loadSite(root, { ...io.env, AFTERMATH_NOW: new Date(nowMs).toISOString() });
    if (!loaded.ok) throw new DomainError(`the site has ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}; nothing was sent (expected npm run check to pass)`, loaded.problems.map(formatProblem));
    const content = loaded.content;
    const settings = content.notifications;
    if (!settings) {
      io.stdout.write('nothing to send: the site has no content/notifications.yaml\n');
      return;
    }
    const stateFile = sentRecordPath(values.state, io.env);
    const dryRun = values['dry-run'] === true;
    // An announcement has no instant of its own: it is recent until its window has ended.
    const events = eventsOf(content, content.site.baseUrl).filter((event) => (event.atMs ?? ('maintenance' in event ? event.maintenance.end.getTime() : nowMs)) >= nowMs - RECENT_MS);
    const recentIds = new Set(events.map((event) => event.id));
    const defaultLocale = content.site.defaultLocale;
    const record = readSentRecord(stateFile);
    let sent: Set<string>;
    if (record instanceof Set) {
      // Keys of events that are no longer recent (or no longer in the record) are forgotten.
      sent = new Set([...record].filter((key) => recentIds.has(key.slice(0, key.lastIndexOf(' ')))));
    } else {
      // No record (a first run, a lost cache): the history is not replayed into the channels. What became due in
      // the last CATCH_UP_MS still goes out, and so does the announcement of every window still to come (sent
      // again, perhaps, rather than never).
      const earlier = dueNotices(events, settings.routes, nowMs, defaultLocale, new Set()).filter((notice) => notice.dueMs !== undefined && notice.dueMs < nowMs - CATCH_UP_MS);
      sent = new Set(earlier.map((notice) => notice.key));
      io.stderr.write(`notify: ${record.missing}; ${earlier.length} notice${earlier.length === 1 ? '' : 's'} due more than ${CATCH_UP_MS / 60_000} min ago counted as sent without sending\n`);
      if (!dryRun) writeSentRecord(stateFile, sent);
    }
    const due = dueNotices(events, settings.routes, nowMs, defaultLocale, sent);
    if (due.length === 0) {
      io.stdout.write('nothing new to send\n');
      return;
    }
    const context: NoticeContext = { services: content.services.services, timeZone: content.site.timeZone, baseUrl: content.site.baseUrl, defaultLocale };
    const channels = new Map(settings.channels.map((channel) => [channel.id, channel]));
    const byChannel = Map.groupBy(due, (notice) => notice.channelId);
    if (dryRun) {
      for (const [channelId, notices] of byChannel) {
        const channel = channels.get(channelId)!;
        const delivery = deliveryFor(channel, io.env, { retryDelaysMs: [], timeoutMs: REQUEST_TIMEOUT_MS }, content.site.name);
        if (typeof delivery !== 'function') io.stdout.write(`${channelId}: would fail: ${delivery.problem}\n`);
        io.stdout.write(`${channelId} (${channel.type}, address from ${channel.type === 'email' ? channel.smtpFrom : channel.urlFrom}): ${notices.length} notice${notices.length === 1 ? '' : 's'}\n`);
        for (const notice of notices) io.stdout.write(`${JSON.stringify({ key: notice.key, body: dryRunBody(channel, notice, noticeText(notice, context), content.site.name) }, null, 2)}\n`);
      }
      return;
    }
    const options: Required<SendOptions> = { retryDelaysMs: sendOptions.retryDelaysMs ?? RETRY_DELAYS_MS, timeoutMs: sendOptions.timeoutMs ?? REQUEST_TIMEOUT_MS };
    const failures: string[] = [];
    // Channels side by side, each in the order things happened; a channel that fails stops, so nothing reaches it
    // out of order, and its notices wait for the next run. The others go on.
    await Promise.all(
      [...byChannel].map(async ([channelId, notices]) => {
        const delivery = deliveryFor(channels.get(channelId)!, io.env, options, content.site.name);
        if (typeof delivery !== 'function') {
          failures.push(`${channelId}: ${delivery.problem}; ${notices.length} notice${notices.length === 1 ? '' : 's'} not sent`);
          return;
        }
        for (const [index, notice] of notices.entries()) {
          const text = noticeText(notice, context);
          const failure = await delivery(notice, text);
          if (failure?.scope === 'channel') {
            const left = notices.length - index;
            failures.push(`${describe(notice, text.title)}: ${failure.problem}; ${left} notice${left === 1 ? '' : 's'} left for the next run`);
            return;
          }
          // A notice the platform refuses whatever happens is given up, so that it does not hold back the rest.
          if (failure) failures.push(`${describe(notice, text.title)}: ${failure.problem}; this notice is given up, the channel goes on`);
          sent.add(notice.key);
          writeSentRecord(stateFile, sent);
          if (!failure) io.stdout.write(`sent ${describe(notice, text.title)}\n`);
        }
      }),
    );
    if (failures.length > 0) throw new DomainError(`${failures.length} failure${failures.length === 1 ? '' : 's'}; everything else was sent`, failures);
  });
}
