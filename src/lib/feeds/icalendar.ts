// /maintenance.ics: every scheduled maintenance window as an iCalendar VEVENT, written with `ical-generator`.
import ical, { ICalEventStatus } from 'ical-generator';
import type { Translate } from '../../i18n/index.ts';
import type { Maintenance } from '../../schemas/maintenance.ts';
import type { MarkdownBodies, SiteModel } from '../model/site-model.ts';
import { feedText } from './feed-text.ts';
import { markdownToPlainText } from '../markdown/markdown-html.ts';
import { siteUrl } from '../model/site-urls.ts';

/** Subscribed calendars refresh about this often. */
const REFRESH_SECONDS = 3600;

/** Stable across builds and edits: the window's id at the site's host, so a calendar updates the event in place. */
export function maintenanceUid(maintenance: Pick<Maintenance, 'id'>, baseUrl: string): string {
  return `${maintenance.id}@${new URL(baseUrl).host}`;
}

/**
 * The calendar's name as an RFC 5545 TEXT value: ical-generator escapes the events' texts but writes NAME and
 * X-WR-CALNAME as given, so a line break in the site's name would start a line of its own (a new event, say).
 */
function calendarNameText(name: string): string {
  return feedText(name)
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\r\n?|\n/g, '\\n');
}

/**
 * The event's text: the window's description as the page shows it (plain text, site links as full addresses under
 * `baseUrl`), then the affected services and the expected impact.
 */
export function maintenanceDescription(maintenance: Maintenance, body: string | undefined, serviceName: (id: string) => string, t: Translate, baseUrl: string): string {
  const facts = [
    `${t('maintenance.services')}${t('punct.colon')}${maintenance.services.map(serviceName).join(t('punct.list'))}`,
    `${t('maintenance.impact')}${t('punct.colon')}${maintenance.impact ? t(`impact.${maintenance.impact}`) : t('maintenance.noImpact')}`,
  ];
  return [body && markdownToPlainText(body, { siteBase: baseUrl }), facts.join('\n')].filter(Boolean).join('\n\n');
}

/**
 * The calendar of every window, past, upcoming and cancelled (cancelled ones as STATUS:CANCELLED, so a
 * subscribed calendar removes them). Instants are written in UTC; DTSTAMP is the build's now.
 */
export function maintenanceCalendar(model: SiteModel, bodies: MarkdownBodies, t: Translate): string {
  const names = new Map(model.services.map((service) => [service.id, service.name]));
  const serviceName = (id: string) => names.get(id) ?? id;
  const calendar = ical({
    name: calendarNameText(`${model.site.name}${t('punct.colon')}${t('home.maintenance')}`),
    prodId: { company: 'aftermath', product: 'aftermath', language: 'EN' },
    url: siteUrl(model.site.baseUrl, 'maintenance.ics'),
    ttl: REFRESH_SECONDS,
  });
  const windows = [...model.maintenance].sort((a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id));
  for (const window of windows) {
    calendar.createEvent({
      id: maintenanceUid(window, model.site.baseUrl),
      start: window.start,
      end: window.end,
      stamp: new Date(model.nowMs),
      summary: feedText(window.title),
      description: feedText(maintenanceDescription(window, bodies.maintenance[window.id], serviceName, t, model.site.baseUrl)),
      categories: window.services.map((id) => ({ name: feedText(serviceName(id)) })),
      status: window.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      url: model.site.baseUrl,
    });
  }
  return calendar.toString();
}
