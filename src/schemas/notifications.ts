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

export const chatChannelSchema = z.strictObject({
  id: slug,
  type: oneOf(CHAT_CHANNEL_TYPES),
  /** The environment variable holding the webhook address. */
  urlFrom: environmentVariable,
});

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
  channels: z.array(chatChannelSchema).min(1, { error: 'empty (expected at least one channel)' }),
  routes: z.array(notificationRouteSchema).min(1, { error: 'empty (expected at least one route)' }),
});

export type ChatChannel = z.infer<typeof chatChannelSchema>;
export type NotificationRoute = z.infer<typeof notificationRouteSchema>;
export type NotificationsFile = z.infer<typeof notificationsFileSchema>;
