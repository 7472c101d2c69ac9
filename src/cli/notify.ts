// `npm run notify`: pushes each notice the routes of content/notifications.yaml give, and that was not sent
// before, to its chat channels; run by the deploy workflow after each publish. What was sent is kept in a small
// JSON file (see sentRecordPath), by the notices' stable keys, so a second run sends nothing twice.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chatMessage, noticeText, type NoticeContext } from '../lib/notify/chat-messages.ts';
import { dueNotices, notificationEvents, type Notice } from '../lib/notify/notification-events.ts';
import { replaceFile } from '../lib/files/kept-files.ts';
import { projectFolder } from '../lib/files/code-fingerprint.ts';
import { postmortemPublishedAt } from '../lib/postmortems/publication.ts';
import type { ChatChannel } from '../schemas/notifications.ts';
import { loadSite, type SiteContent } from '../validation/load-site.ts';
import { formatProblem } from '../validation/problem.ts';
import { commandNow, DomainError, parseCommandLine, printHelp, runCommand, siteRoot, UsageError, type CommandIO } from './command.ts';

const USAGE = 'usage: npm run notify -- [--dry-run] [--state <file>] [--root <site folder>] [--now <instant>]';

/** When no record of sent notices exists, notices from this long before now are still sent; older ones are not. */
export const CATCH_UP_MS = 30 * 60_000;

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
function webhookAddress(channel: ChatChannel, env: Record<string, string | undefined>): string | { problem: string } {
  let value = env[channel.urlFrom];
  if (!value && env.AFTERMATH_SECRETS) {
    try {
      const secrets = JSON.parse(env.AFTERMATH_SECRETS) as Record<string, unknown>;
      if (typeof secrets[channel.urlFrom] === 'string') value = secrets[channel.urlFrom] as string;
    } catch {
      // Not JSON: as if absent.
    }
  }
  if (!value) return { problem: `${channel.urlFrom} is not set (expected the channel's webhook address in that environment variable or repository secret)` };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { problem: `${channel.urlFrom} does not hold an address (expected the webhook's https:// address)` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: `${channel.urlFrom} holds a ${url.protocol} address (expected the webhook's https:// address)` };
  return url.href;
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

/** Posts one body, trying again after each delay; the last failure's reason when every try failed. */
async function post(address: string, body: unknown, options: Required<SendOptions>): Promise<string | undefined> {
  let problem = '';
  for (let attempt = 0; attempt <= options.retryDelaysMs.length; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, options.retryDelaysMs[attempt - 1]));
    try {
      const response = await fetch(address, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body), signal: AbortSignal.timeout(options.timeoutMs), redirect: 'error' });
      const answer = await response.text();
      if (!response.ok) {
        problem = `HTTP ${response.status}`;
        // A request the platform refuses as malformed fails the same way again.
        if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) break;
        continue;
      }
      const refusal = refusalIn(answer);
      if (!refusal) return undefined;
      problem = `refused (${refusal})`;
    } catch (error) {
      problem = (error as Error).name === 'TimeoutError' ? `no answer in ${options.timeoutMs / 1000} s` : `cannot connect (${(error as Error).message})`;
    }
  }
  return `${problem} after ${options.retryDelaysMs.length + 1} tries`;
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
    const events = eventsOf(content, content.site.baseUrl);
    const defaultLocale = content.site.defaultLocale;
    let sent = readSentRecord(stateFile);
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
        io.stdout.write(`${channelId} (${channel.type}, address from ${channel.urlFrom}): ${notices.length} notice${notices.length === 1 ? '' : 's'}\n`);
        for (const notice of notices) io.stdout.write(`${JSON.stringify({ key: notice.key, body: chatMessage(channel.type, noticeText(notice, context), notice) }, null, 2)}\n`);
      }
      return;
    }
    const options: Required<SendOptions> = { retryDelaysMs: sendOptions.retryDelaysMs ?? RETRY_DELAYS_MS, timeoutMs: sendOptions.timeoutMs ?? REQUEST_TIMEOUT_MS };
    const failures: string[] = [];
    // Channels side by side, each in the order things happened; a channel that fails stops, so nothing reaches it
    // out of order, and its notices wait for the next run. The others go on.
    await Promise.all(
      [...byChannel].map(async ([channelId, notices]) => {
        const channel = channels.get(channelId)!;
        const address = webhookAddress(channel, io.env);
        if (typeof address !== 'string') {
          failures.push(`${channelId}: ${address.problem}; ${notices.length} notice${notices.length === 1 ? '' : 's'} not sent`);
          return;
        }
        for (const [index, notice] of notices.entries()) {
          const text = noticeText(notice, context);
          const problem = await post(address, chatMessage(channel.type, text, notice), options);
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
