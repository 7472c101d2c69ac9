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

function readSentRecord(file: string): Set<string> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const record = JSON.parse(text) as Partial<SentRecord>;
  if (record.version !== 1 || !Array.isArray(record.sent)) throw new DomainError(`${file} is not a record of sent notices (expected the JSON this command writes; move it away to start afresh)`);
  return new Set(record.sent);
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
type Delivery = (notice: Notice, text: NoticeText) => Promise<string | undefined>;

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

/** What one try gave: nothing when it worked, else why not and whether trying again can help. */
type TryOutcome = undefined | { problem: string; final?: boolean };

/** Tries again after each delay; the last failure's reason when every try failed. */
async function withRetries(options: Required<SendOptions>, attempt: () => Promise<TryOutcome>): Promise<string | undefined> {
  let tries = 0;
  let last: TryOutcome;
  for (; tries <= options.retryDelaysMs.length; tries += 1) {
    if (tries > 0) await new Promise((resolve) => setTimeout(resolve, options.retryDelaysMs[tries - 1]));
    last = await attempt();
    if (!last) return undefined;
    if (last.final) {
      tries += 1;
      break;
    }
  }
  return `${last!.problem} after ${Math.min(tries, options.retryDelaysMs.length + 1)} tr${tries === 1 ? 'y' : 'ies'}`;
}

/** Posts one body to a chat webhook. */
function post(address: string, body: unknown, options: Required<SendOptions>): Promise<string | undefined> {
  return withRetries(options, async () => {
    try {
      const response = await fetch(address, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body), signal: AbortSignal.timeout(options.timeoutMs), redirect: 'error' });
      const answer = await response.text();
      if (!response.ok) {
        // A request the platform refuses as malformed fails the same way again.
        return { problem: `HTTP ${response.status}`, final: response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429 };
      }
      const refusal = refusalIn(answer);
      return refusal ? { problem: `refused (${refusal})` } : undefined;
    } catch (error) {
      return { problem: (error as Error).name === 'TimeoutError' ? `no answer in ${options.timeoutMs / 1000} s` : `cannot connect (${(error as Error).message})` };
    }
  });
}

/** Sends one email through the channel's SMTP server. */
function mail(transport: Transporter, channel: EmailChannel, message: EmailMessage, options: Required<SendOptions>): Promise<string | undefined> {
  return withRetries(options, async () => {
    try {
      await transport.sendMail({ from: channel.from, to: channel.to, subject: message.subject, text: message.text, html: message.html });
      return undefined;
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // A permanent refusal (5xx: unknown recipient, authentication) fails the same way again.
      return { problem: `SMTP ${code ?? 'error'}: ${String((error as Error).message).split('\n')[0]}`, final: code !== undefined && code >= 500 };
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
    let sent = readSentRecord(stateFile);
    // Keys of events that are no longer recent (or no longer in the record) are forgotten.
    if (sent) sent = new Set([...sent].filter((key) => recentIds.has(key.slice(0, key.lastIndexOf(' ')))));
    if (!sent) {
      // No record (a first run, or a lost cache): the history is not replayed into the channels; what happened
      // in the last CATCH_UP_MS still goes out.
      const earlier = dueNotices(events, settings.routes, nowMs, defaultLocale, new Set()).filter((notice) => notice.event.atMs === undefined || notice.event.atMs < nowMs - CATCH_UP_MS);
      sent = new Set(earlier.map((notice) => notice.key));
      io.stderr.write(`notify: no record of sent notices at ${stateFile}; ${earlier.length} notice${earlier.length === 1 ? '' : 's'} older than ${CATCH_UP_MS / 60_000} min counted as sent without sending\n`);
      if (!dryRun) writeSentRecord(stateFile, sent);
    }
    const due = dueNotices(events, settings.routes, nowMs, defaultLocale, sent);
    if (due.length === 0) {
      io.stdout.write('nothing new to send\n');
      return;
    }
    const context: NoticeContext = { services: content.services.services, timeZone: content.site.timeZone, defaultLocale };
    const channels = new Map(settings.channels.map((channel) => [channel.id, channel]));
    const byChannel = Map.groupBy(due, (notice) => notice.channelId);
    if (dryRun) {
      for (const [channelId, notices] of byChannel) {
        const channel = channels.get(channelId)!;
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
          const problem = await delivery(notice, text);
          if (problem) {
            const left = notices.length - index;
            failures.push(`${describe(notice, text.title)}: ${problem}; ${left} notice${left === 1 ? '' : 's'} left for the next run`);
            return;
          }
          sent.add(notice.key);
          writeSentRecord(stateFile, sent);
          io.stdout.write(`sent ${describe(notice, text.title)}\n`);
        }
      }),
    );
    if (failures.length > 0) throw new DomainError(`${failures.length} channel${failures.length === 1 ? '' : 's'} failed; the others were sent`, failures);
  });
}
