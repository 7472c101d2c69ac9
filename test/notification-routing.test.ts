// Which notices the routes of content/notifications.yaml give, worked out by hand from a small record: severities,
// `after` (a P2 sends nothing unless it lasts an hour, then its state at the hour and what follows), maintenance
// announced only before it starts, each notice once per channel, and nothing already sent.
import { describe, expect, it } from 'vitest';
import { dueNotices, notificationEvents, type Notice } from '../src/lib/notify/notification-events.ts';
import { notificationsFileSchema } from '../src/schemas/notifications.ts';
import { loadSite } from '../src/validation/load-site.ts';
import { incident, maintenance } from './helpers/records.ts';
import { EXAMPLE_FIXTURE } from './helpers/sites.ts';

const BASE = 'https://status.example.org/';
const INCIDENT_EVENTS = ['incident.created', 'incident.updated', 'incident.resolved', 'incident.reopened'];
const routes = notificationsFileSchema.parse({
  channels: [
    { id: 'oncall', type: 'feishu', urlFrom: 'FEISHU_WEBHOOK_URL' },
    { id: 'users', type: 'slack', urlFrom: 'SLACK_WEBHOOK_URL' },
  ],
  routes: [
    { events: INCIDENT_EVENTS, severities: ['P0', 'P1'], channels: ['oncall'], lang: 'zh-CN' },
    { events: ['incident.created', 'incident.updated', 'incident.resolved'], severities: ['P2'], after: '1h', channels: ['users'] },
    { events: ['maintenance.scheduled', 'maintenance.started', 'maintenance.completed'], channels: ['users'] },
    // The same P1 notices to the on-call group again: sent there once.
    { events: ['incident.created'], severities: ['P1'], channels: ['oncall'], lang: 'en' },
  ],
}).routes;

const at = (time: string) => `2026-11-25T${time}:00Z`;
const record = [
  // P1, over in an hour: every update to the on-call group.
  incident({ id: 'INC-20261125-001', severity: 'P1', started: at('10:00'), resolved: at('11:00'), services: [{ id: 'api', impact: 'major_outage' }], updates: [{ at: at('10:05'), status: 'investigating' }, { at: at('10:30'), status: 'fixing' }, { at: at('11:00'), status: 'resolved' }] }),
  // P2 lasting 1 h 50: crosses the hour at 13:00, when the 12:40 update is its state.
  incident({ id: 'INC-20261125-002', severity: 'P2', started: at('12:00'), resolved: at('13:50'), services: [{ id: 'api', impact: 'degraded' }], updates: [{ at: at('12:05'), status: 'investigating' }, { at: at('12:40'), status: 'fixing' }, { at: at('13:20'), status: 'monitoring' }, { at: at('13:50'), status: 'resolved' }] }),
  // P2 over in 30 minutes: nothing to users.
  incident({ id: 'INC-20261125-003', severity: 'P2', started: at('14:00'), resolved: at('14:30'), services: [{ id: 'api', impact: 'degraded' }], updates: [{ at: at('14:05'), status: 'investigating' }, { at: at('14:30'), status: 'resolved' }] }),
  // P2 still open from 15:00.
  incident({ id: 'INC-20261125-004', severity: 'P2', started: at('15:00'), services: [{ id: 'api', impact: 'degraded' }], updates: [{ at: at('15:05'), status: 'investigating' }] }),
  // P3: no route.
  incident({ id: 'INC-20261125-005', severity: 'P3', started: at('09:00'), resolved: at('09:10'), services: [{ id: 'api', impact: 'degraded' }] }),
];
const windows = [maintenance(at('20:00'), at('22:00'), ['api'], false, { id: 'db-upgrade' }), maintenance(at('20:00'), at('21:00'), ['api'], true, { id: 'called-off' })];
const events = notificationEvents({ incidents: record, postmortems: [], maintenance: windows, baseUrl: BASE });

/** A notice as a reader of this test would name it. */
function named(notice: Notice): string {
  const event = notice.event;
  const what = 'update' in event ? `${event.incident.id} ${event.update.status}` : 'maintenance' in event ? `${event.maintenance.id} ${event.kind}` : `${event.incident.id} postmortem`;
  return `${what} → ${notice.channelId} (${notice.locale})`;
}

describe('the notices the routes give', () => {
  it('at 15:50: the P1 to on-call in Chinese, the P2 that lasted past its hour from its state then, the announcement', () => {
    expect(dueNotices(events, routes, Date.parse(at('15:50')), 'en', new Set()).map(named)).toEqual([
      'db-upgrade maintenance.scheduled → users (en)',
      'INC-20261125-001 investigating → oncall (zh-CN)',
      'INC-20261125-001 fixing → oncall (zh-CN)',
      'INC-20261125-001 resolved → oncall (zh-CN)',
      'INC-20261125-002 fixing → users (en)',
      'INC-20261125-002 monitoring → users (en)',
      'INC-20261125-002 resolved → users (en)',
    ]);
  });

  it('at 16:10: the open P2 has lasted its hour, so its 15:05 update goes out', () => {
    const sentBefore = new Set(dueNotices(events, routes, Date.parse(at('15:50')), 'en', new Set()).map((notice) => notice.key));
    expect(dueNotices(events, routes, Date.parse(at('16:10')), 'en', sentBefore).map(named)).toEqual(['INC-20261125-004 investigating → users (en)']);
  });

  it('at 21:00: the window has started (announced before, so not again); the called-off window says nothing', () => {
    const sentBefore = new Set(dueNotices(events, routes, Date.parse(at('16:10')), 'en', new Set()).map((notice) => notice.key));
    expect(dueNotices(events, routes, Date.parse(at('21:00')), 'en', sentBefore).map(named)).toEqual(['db-upgrade maintenance.started → users (en)']);
    // Had nobody announced it, the start is still told, but an announcement after the start is not.
    expect(dueNotices(events, routes, Date.parse(at('21:00')), 'en', new Set()).map(named)).not.toContain('db-upgrade maintenance.scheduled → users (en)');
  });

  it('counts only the time an incident was open toward after: resolved at 18 minutes and reopened, it crosses the hour 42 minutes into the reopening', () => {
    // Open 12:52-13:10 (18 min), quiet until 14:00, reopened: 60 min open in all at 14:42.
    const reopened = incident({ id: 'INC-20261125-006', severity: 'P2', started: at('12:52'), services: [{ id: 'api', impact: 'degraded' }], updates: [{ at: at('12:55'), status: 'investigating' }, { at: at('13:10'), status: 'resolved' }, { at: at('14:00'), status: 'reopened' }, { at: at('14:20'), status: 'fixing' }] });
    const reopenedEvents = notificationEvents({ incidents: [reopened], postmortems: [], maintenance: [], baseUrl: BASE });
    const p2Route = routes.filter((route) => route.after !== undefined);
    // At 14:01 it has been open 19 minutes: nothing, not a "resolved" notice for an incident users never heard of.
    expect(dueNotices(reopenedEvents, p2Route, Date.parse(at('14:01')), 'en', new Set()).map(named)).toEqual([]);
    expect(dueNotices(reopenedEvents, p2Route, Date.parse(at('14:41')), 'en', new Set()).map(named)).toEqual([]);
    // At 14:43: the state at 14:42, the 14:20 update, due at the crossing.
    const due = dueNotices(reopenedEvents, p2Route, Date.parse(at('14:43')), 'en', new Set());
    expect(due.map(named)).toEqual(['INC-20261125-006 fixing → users (en)']);
    expect(due[0]!.dueMs).toBe(Date.parse(at('14:42')));
  });

  it('tells a further note on a resolved incident as an update, not a second resolution', () => {
    const noted = incident({ id: 'INC-20261125-007', severity: 'P1', started: at('10:00'), resolved: at('11:00'), services: [{ id: 'api', impact: 'degraded' }], updates: [{ at: at('10:05'), status: 'investigating' }, { at: at('11:00'), status: 'resolved' }, { at: at('12:00'), status: 'resolved' }] });
    expect(notificationEvents({ incidents: [noted], postmortems: [], maintenance: [], baseUrl: BASE }).map((event) => event.kind)).toEqual(['incident.created', 'incident.resolved', 'incident.updated']);
  });

  it('gives the same notice the same key on every run, whatever the message says', () => {
    const edited = record.map((entry) => ({ ...entry, title: 'Edited', updates: entry.updates.map((update) => ({ ...update, message: 'Reworded.' })) }));
    const again = notificationEvents({ incidents: edited, postmortems: [], maintenance: windows, baseUrl: BASE });
    const keys = (list: typeof events) => dueNotices(list, routes, Date.parse(at('23:00')), 'en', new Set()).map((notice) => notice.key);
    expect(keys(again)).toEqual(keys(events));
    expect(keys(events)).toContain(`${BASE}incidents/INC-20261125-001/#update-2026-11-25t100500z-investigating oncall`);
  });
});

describe('a postmortem’s publication', () => {
  it('is an event at its published instant, with the postmortem page’s id, routed by the incident’s severity', async () => {
    const loaded = await loadSite(EXAMPLE_FIXTURE, { AFTERMATH_NOW: '2026-11-26T00:00:00Z' });
    if (!loaded.ok) throw new Error('the example should load');
    const entry = loaded.content.incidents.find((candidate) => candidate.postmortem?.postmortem.status === 'published')!;
    const publishedMs = Date.parse('2026-11-20T02:00:00Z');
    const [event] = notificationEvents({ incidents: [], postmortems: [{ incident: entry.incident, postmortem: entry.postmortem!.postmortem, publishedMs }], maintenance: [], baseUrl: BASE });
    expect(event).toMatchObject({ kind: 'postmortem.published', atMs: publishedMs, id: `${BASE}postmortems/${entry.incident.id}/#published`, path: `postmortems/${entry.incident.id}/` });
    const route = (severities: string[]) => notificationsFileSchema.parse({ channels: [{ id: 'c', type: 'webhook', urlFrom: 'HOOK' }], routes: [{ events: ['postmortem.published'], severities, channels: ['c'] }] }).routes;
    expect(dueNotices([event!], route([entry.incident.severity]), publishedMs, 'en', new Set())).toHaveLength(1);
    expect(dueNotices([event!], route([entry.incident.severity === 'P3' ? 'P0' : 'P3']), publishedMs, 'en', new Set())).toEqual([]);
    expect(dueNotices([event!], route([entry.incident.severity]), publishedMs - 1, 'en', new Set())).toEqual([]);
  });
});

describe('content/notifications.yaml', () => {
  it('takes the name of the variable that holds a webhook address, and refuses the address itself', () => {
    const file = (urlFrom: string) => notificationsFileSchema.safeParse({ channels: [{ id: 'oncall', type: 'slack', urlFrom }], routes: [{ events: ['incident.created'], channels: ['oncall'] }] });
    expect(file('SLACK_WEBHOOK_URL').success).toBe(true);
    const written = file('https://hooks.slack.com/services/T000/B000/XXXX');
    expect(written.success).toBe(false);
    expect(written.error!.issues[0]!.message).toContain('looks like an address written into the repository');
    expect(file('slack-url').error!.issues[0]!.message).toContain('expected the name of an environment variable');
  });

  it('an email channel needs its server, sender and recipients, and a chat channel takes none of them', () => {
    const channels = (channel: Record<string, unknown>) => notificationsFileSchema.safeParse({ channels: [{ id: 'mail', ...channel }], routes: [{ events: ['incident.created'], channels: ['mail'] }] });
    expect(channels({ type: 'email', smtpFrom: 'SMTP_URL', from: 'Status <status@example.com>', to: ['ops@example.com'] }).data!.channels[0]).toEqual({ id: 'mail', type: 'email', smtpFrom: 'SMTP_URL', from: 'Status <status@example.com>', to: ['ops@example.com'] });
    const messages = (channel: Record<string, unknown>) => channels(channel).error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages({ type: 'email', urlFrom: 'SMTP_URL' })).toEqual([
      'channels.0.smtpFrom: missing (expected smtpFrom: SMTP_URL on an email channel)',
      'channels.0.from: missing (expected from: "Status <status@example.com>" on an email channel)',
      'channels.0.to: missing (expected to: [ops@example.com] on an email channel)',
      'channels.0.urlFrom: is not read on an email channel (expected smtpFrom, from and to)',
    ]);
    expect(messages({ type: 'slack', urlFrom: 'SLACK_URL', to: ['ops@example.com'] })).toEqual(['channels.0.to: is not read on a slack channel (expected urlFrom only)']);
    expect(messages({ type: 'email', smtpFrom: 'SMTP_URL', from: 'status', to: ['ops@example.com'] })[0]).toContain('expected an email address such as ops@example.com');
  });
});

describe('maintenance notices from the updates posted to a window', () => {
  const ALL_MAINTENANCE = ['maintenance.scheduled', 'maintenance.started', 'maintenance.completed', 'maintenance.updated', 'maintenance.cancelled'] as const;
  const maintenanceRoutes = notificationsFileSchema.parse({
    channels: [{ id: 'users', type: 'slack', urlFrom: 'SLACK_WEBHOOK_URL' }],
    routes: [{ events: [...ALL_MAINTENANCE], channels: ['users'] }],
  }).routes;
  const update = (time: string, status: string, message: string) => ({ at: at(time), status, message });
  const window = (id: string, start: string, end: string, updates: ReturnType<typeof update>[], cancelled = false) =>
    ({ ...maintenance(at(start), at(end), ['api'], cancelled, { id }), updates: updates.map((posted) => ({ ...posted, at: new Date(posted.at) })) }) as ReturnType<typeof maintenance>;
  const windows = [
    // Started on time with the start command, noted, verified, completed early with the complete command (end moved to 21:45).
    window('night', '20:00', '21:45', [update('19:00', 'scheduled', 'Reminder: one hour to go.'), update('20:00', 'in_progress', 'We have started.'), update('20:40', 'in_progress', 'Half the nodes done.'), update('21:30', 'verifying', 'Checking.'), update('21:45', 'completed', 'Done early.')]),
    // Nobody said it started until four minutes in: the clock tells the start, the note follows as an update.
    window('late-note', '20:00', '21:00', [update('20:04', 'in_progress', 'Under way since 20:00.')]),
    // Called off half an hour in: it started (by the clock), then was cancelled; it never completes.
    window('stopped', '20:00', '22:00', [update('20:30', 'cancelled', 'Rolled back; we will reschedule.')], true),
    // Called off the evening before: only the cancellation.
    window('never', '20:00', '22:00', [update('19:00', 'cancelled', 'Postponed to next week.')], true),
  ];
  const windowEvents = notificationEvents({ incidents: [], postmortems: [], maintenance: windows, baseUrl: BASE });
  const told = (nowTime: string, sent: ReadonlySet<string> = new Set()) =>
    dueNotices(windowEvents, maintenanceRoutes, Date.parse(at(nowTime)), 'en', sent).map((notice) => `${notice.event.kind.replace('maintenance.', '')} ${'maintenance' in notice.event ? notice.event.maintenance.id : ''}${'maintenanceUpdate' in notice.event && notice.event.maintenanceUpdate ? `: ${notice.event.maintenanceUpdate.message}` : ''}`);

  it('tells each window as it went, each posted update with its own message, by 23:00', () => {
    expect(told('23:00')).toEqual([
      'cancelled never: Postponed to next week.',
      'updated night: Reminder: one hour to go.',
      'started late-note',
      'started night: We have started.',
      'started stopped',
      'updated late-note: Under way since 20:00.',
      'cancelled stopped: Rolled back; we will reschedule.',
      'updated night: Half the nodes done.',
      'completed late-note',
      'updated night: Checking.',
      'completed night: Done early.',
    ]);
  });

  it('announces only the windows still to come, before they start, and nothing that was called off', () => {
    expect(told('18:00')).toEqual(['scheduled late-note', 'scheduled night']);
    // Oldest first: the evening's two notes at 19:00, then the three starts at 20:00.
    expect(told('20:02')).toEqual(['cancelled never: Postponed to next week.', 'updated night: Reminder: one hour to go.', 'started late-note', 'started night: We have started.', 'started stopped']);
  });

  it('keeps each notice known by its id across runs: a run at 20:05 sends the late note and nothing again', () => {
    const sentAt2002 = new Set(dueNotices(windowEvents, maintenanceRoutes, Date.parse(at('20:02')), 'en', new Set()).map((notice) => notice.key));
    expect(told('20:05', sentAt2002)).toEqual(['updated late-note: Under way since 20:00.']);
  });

  it('says a cancellation no update tells while the window would still have been ahead or under way', () => {
    const bare = notificationEvents({ incidents: [], postmortems: [], maintenance: [maintenance(at('20:00'), at('21:00'), ['api'], true, { id: 'bare' })], baseUrl: BASE });
    expect(dueNotices(bare, maintenanceRoutes, Date.parse(at('20:30')), 'en', new Set()).map((notice) => notice.event.kind)).toEqual(['maintenance.cancelled']);
    expect(dueNotices(bare, maintenanceRoutes, Date.parse(at('21:30')), 'en', new Set())).toEqual([]);
  });
});
