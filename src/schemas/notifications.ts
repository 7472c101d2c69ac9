// Schema of content/notifications.yaml: where each kind of notice is pushed (chat channels), for which severities,
// after how long, and in which language. Webhook addresses are secrets: the file names the environment variable
// that holds each one, never the address itself.
import { z } from 'zod';
import { duration, oneOf, slug, text } from './primitives.ts';
import { LOCALES } from './site.ts';

/** Where a site keeps its notification settings; a site without the file sends none. */
export const NOTIFICATIONS_FILE = 'content/notifications.yaml';

/** What a notice can be about, as routes name it. */
export const NOTIFICATION_EVENTS = [
  'incident.created',
  'incident.updated',
  'incident.resolved',
  'incident.reopened',
  'postmortem.published',
  'maintenance.scheduled',
  'maintenance.started',
  'maintenance.completed',
  'maintenance.updated',
  'maintenance.cancelled',
] as const;
export type NotificationEventKind = (typeof NOTIFICATION_EVENTS)[number];

/** Chat platforms, each with its own message format, and a generic JSON webhook. */
export const CHAT_CHANNEL_TYPES = ['slack', 'feishu', 'dingtalk', 'teams', 'webhook'] as const;
export type ChatChannelType = (typeof CHAT_CHANNEL_TYPES)[number];

const ENVIRONMENT_VARIABLE = /^[A-Z][A-Z0-9_]*$/;

/** The name of an environment variable (FEISHU_WEBHOOK_URL), where a secret is read from when notices are sent. */
const environmentVariable = text.refine((value) => ENVIRONMENT_VARIABLE.test(value), {
  error: (issue) =>
    /^[a-z][a-z0-9+.-]*:/i.test(String(issue.input))
      ? `looks like an address written into the repository, where anyone who can read it can post to the channel (expected the name of an environment variable that holds it, such as FEISHU_WEBHOOK_URL, set as a CI secret)`
      : `found ${JSON.stringify(issue.input)} (expected the name of an environment variable, capital letters, digits and _, such as FEISHU_WEBHOOK_URL)`,
});

/** Chat platforms, and email over SMTP. */
export const CHANNEL_TYPES = [...CHAT_CHANNEL_TYPES, 'email'] as const;

/** An email address as a recipient or sender list holds it: `ops@example.com` or `Ops <ops@example.com>`. */
const emailAddress = text.refine((value) => /^(?:[^<>@\s][^<>@]*<)?[^\s<>@,;"]+@[^\s<>@,;"]+\.[^\s<>@,;"]+>?$/.test(value) && value.includes('<') === value.endsWith('>'), {
  error: (issue) => `found ${JSON.stringify(issue.input)} (expected an email address such as ops@example.com or "Status <status@example.com>")`,
});

/**
 * A channel: a chat webhook, whose address `urlFrom` names the variable of; or email, sent through the SMTP
 * server whose address (`smtps://user:password@host:465`) `smtpFrom` names the variable of, from `from` to `to`.
 */
export const channelSchema = z
  .strictObject({
    id: slug,
    type: oneOf(CHANNEL_TYPES),
    /** The environment variable holding the webhook address (chat channels). */
    urlFrom: environmentVariable.optional(),
    /** The environment variable holding the SMTP server's address with its credentials (email). */
    smtpFrom: environmentVariable.optional(),
    from: emailAddress.optional(),
    to: z.array(emailAddress).min(1, { error: 'empty (expected at least one recipient)' }).optional(),
  })
  .superRefine((channel, ctx) => {
    const article = channel.type === 'email' ? 'an' : 'a';
    const needs = (field: 'urlFrom' | 'smtpFrom' | 'from' | 'to', example: string) => {
      if (channel[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `missing (expected ${field}: ${example} on ${article} ${channel.type} channel)` });
    };
    const refuses = (field: 'urlFrom' | 'smtpFrom' | 'from' | 'to') => {
      if (channel[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: `is not read on ${article} ${channel.type} channel (expected ${channel.type === 'email' ? 'smtpFrom, from and to' : 'urlFrom only'})` });
    };
    if (channel.type === 'email') {
      needs('smtpFrom', 'SMTP_URL');
      needs('from', '"Status <status@example.com>"');
      needs('to', '[ops@example.com]');
      refuses('urlFrom');
    } else {
      needs('urlFrom', `${channel.type.toUpperCase()}_WEBHOOK_URL`);
      for (const field of ['smtpFrom', 'from', 'to'] as const) refuses(field);
    }
  })
  // As one type per kind of channel: the fields each needs are there (the refinement above refused the rest).
  .transform((channel): ChatChannel | EmailChannel =>
    channel.type === 'email'
      ? { id: channel.id, type: 'email', smtpFrom: channel.smtpFrom ?? '', from: channel.from ?? '', to: channel.to ?? [] }
      : { id: channel.id, type: channel.type, urlFrom: channel.urlFrom ?? '' },
  );

export const notificationRouteSchema = z.strictObject({
  events: z.array(oneOf(NOTIFICATION_EVENTS)).min(1, { error: 'empty (expected at least one event, such as incident.created)' }),
  /** Incident and postmortem notices only for these levels of content/severity.yaml; every level when absent. */
  severities: z.array(text).min(1, { error: 'empty (expected at least one level, or no severities: for every level)' }).optional(),
  /**
   * Only once an incident has lasted this long: a P2 that is over within the hour sends nothing here. The first
   * notice is then the incident's state at that moment; its later updates follow as they come.
   */
  after: duration.optional(),
  channels: z.array(slug).min(1, { error: 'empty (expected at least one channel id)' }),
  /** The language of the notices; the site's defaultLocale when absent. */
  lang: oneOf(LOCALES).optional(),
});

export const notificationsFileSchema = z.strictObject({
  channels: z.array(channelSchema).min(1, { error: 'empty (expected at least one channel)' }),
  routes: z.array(notificationRouteSchema).min(1, { error: 'empty (expected at least one route)' }),
});

export interface ChatChannel {
  id: string;
  type: ChatChannelType;
  urlFrom: string;
}
export interface EmailChannel {
  id: string;
  type: 'email';
  smtpFrom: string;
  from: string;
  to: string[];
}
export type Channel = ChatChannel | EmailChannel;
export type NotificationRoute = z.infer<typeof notificationRouteSchema>;
export type NotificationsFile = z.infer<typeof notificationsFileSchema>;
