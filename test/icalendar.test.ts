import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { translator } from '../src/i18n/index.ts';
import { maintenanceCalendar, maintenanceDescription, maintenanceUid } from '../src/lib/feeds/icalendar.ts';
import { maintenance } from './helpers/records.ts';
import { loadModel } from './helpers/models.ts';
import { VALID_FIXTURE } from './helpers/sites.ts';

const t = translator('en');

function eventsOf(text: string): ICAL.Event[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

describe('the maintenance calendar', () => {
  it('has one event per window with a stable UID, UTC start and end, summary and description', async () => {
    const { model, bodies } = await loadModel(VALID_FIXTURE);
    const [event, ...rest] = eventsOf(maintenanceCalendar(model, bodies, t));
    expect(rest).toHaveLength(0);
    expect(event!.uid).toBe('2026-12-05-api-upgrade@status.example.org');
    expect(event!.summary).toBe('REST API upgrade');
    expect(event!.startDate.toString()).toBe('2026-12-05T01:00:00Z');
    expect(event!.startDate.zone?.tzid).toBe('UTC');
    expect(event!.endDate.toJSDate().toISOString()).toBe('2026-12-05T02:00:00.000Z');
    expect(event!.description).toBe('Some requests may fail during the upgrade; retry after a minute.\n\nServices: REST API\nExpected impact: Partial outage');
    expect(event!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event!.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-26T12:00:00Z');
  });

  it('keeps cancelled windows as cancelled events, so subscribed calendars drop them', async () => {
    const { model, bodies } = await loadModel(VALID_FIXTURE);
    const cancelled = { ...maintenance('2026-12-10T01:00:00Z', '2026-12-10T02:00:00Z', ['web'], true), id: 'called-off', title: 'Called off' };
    const events = eventsOf(maintenanceCalendar({ ...model, maintenance: [...model.maintenance, cancelled] }, bodies, t));
    expect(events.map((event) => [event.uid, event.component.getFirstPropertyValue('status')])).toEqual([
      ['2026-12-05-api-upgrade@status.example.org', 'CONFIRMED'],
      ['called-off@status.example.org', 'CANCELLED'],
    ]);
  });

  it('survives commas, semicolons, new lines and long lines (folded at 75 octets, even in Chinese) in the text', async () => {
    const { model } = await loadModel(VALID_FIXTURE);
    // Plain markdown (no trailing spaces, which markdown drops) so the text the page shows is the text written.
    const body = `Uploads, exports; downloads\\n and more.\n${Array(12).fill('A very long line.').join(' ')}\n${'维护期间上传暂停。'.repeat(12)}`;
    const text = maintenanceCalendar(model, { incidents: {}, postmortems: {}, maintenance: { '2026-12-05-api-upgrade': body } }, t);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(eventsOf(text)[0]!.description.startsWith(body.trim())).toBe(true);
  });

  it('carries the description as the page shows it: no markup, links with their address, nothing unsafe', async () => {
    const { model } = await loadModel(VALID_FIXTURE);
    const body = 'The **database** moves; see [the plan](https://wiki.example.org/db) <img src=x onerror=alert(1)> [x](javascript:alert(1)).';
    const text = maintenanceCalendar(model, { incidents: {}, postmortems: {}, maintenance: { '2026-12-05-api-upgrade': body } }, t);
    expect(eventsOf(text)[0]!.description.split('\n')[0]).toBe('The database moves; see the plan (https://wiki.example.org/db)  x.');
  });
});

describe('an event’s text', () => {
  it('names the services and says when no impact is expected', () => {
    const window = { ...maintenance('2026-12-10T01:00:00Z', '2026-12-10T02:00:00Z', ['web', 'api']), impact: undefined };
    expect(maintenanceDescription(window, undefined, (id) => id.toUpperCase(), t, 'https://status.example.org/')).toBe('Services: WEB, API\nExpected impact: No visible impact expected');
  });

  it('uses the site’s host in the UID', () => {
    expect(maintenanceUid({ id: 'db-upgrade' }, 'https://status.example.com/')).toBe('db-upgrade@status.example.com');
  });
});
