import { describe, expect, it } from 'vitest';
import { channelUpdatedMs, feedAlternates, feedPath, postmortemChannel, serviceChannel, siteChannel } from '../src/lib/feeds/feed-channels.ts';
import { loadModel } from './helpers/models.ts';
import { EXAMPLE_FIXTURE } from './helpers/sites.ts';

const NOW = '2026-11-26T00:00:00Z';
const wording = { postmortems: 'Postmortems' };

describe('the site channel', () => {
  it('has the newest 50 updates and published postmortems, newest first', async () => {
    const { model, bodies } = await loadModel(EXAMPLE_FIXTURE, NOW);
    const channel = siteChannel(model, bodies);
    const updates = model.incidents.reduce((sum, incident) => sum + incident.updates.length, 0);
    const published = model.postmortems.filter((postmortem) => postmortem.status === 'published').length;
    // The example has 158 entries; a feed keeps the newest 50, as Statuspage's lists do.
    expect(updates + published).toBe(158);
    expect(channel.items).toHaveLength(50);
    // None left out is newer than the oldest one kept.
    const oldestKept = channel.items[49]!.dateMs;
    const newerUpdates = model.incidents.flatMap((incident) => incident.updates).filter((update) => update.at.getTime() > oldestKept);
    expect(newerUpdates.every((update) => channel.items.some((item) => item.dateMs === update.at.getTime()))).toBe(true);
    const dates = channel.items.map((item) => item.dateMs);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(channel).toMatchObject({ folder: '', title: 'Aura Flow Status', homePath: '' });
  });
});

describe('the postmortem channel', () => {
  it('has the postmortem publications only', async () => {
    const { model, bodies } = await loadModel(EXAMPLE_FIXTURE, NOW);
    const channel = postmortemChannel(model, bodies, wording);
    expect(channel.items.map((item) => item.incidentId)).toEqual(['INC-20261014-001', 'INC-20260317-001', 'INC-20250718-001', 'INC-20250217-001', 'INC-20250210-001', 'INC-20250115-001']);
    expect(channel.items.every((item) => item.guid.endsWith('#published'))).toBe(true);
    expect(channel.title).toBe('Aura Flow Status: Postmortems');
    expect(feedPath(channel, 'atom')).toBe('postmortems/atom.xml');
  });
});

describe('a service channel', () => {
  it('has the updates and postmortems of the incidents that affected the service', async () => {
    const { model, bodies } = await loadModel(EXAMPLE_FIXTURE, NOW);
    const channel = serviceChannel(model, bodies, 'cache');
    const cacheIncidents = model.incidents.filter((incident) => incident.services.some((affected) => affected.id === 'cache'));
    expect(new Set(channel.items.map((item) => item.incidentId))).toEqual(new Set(cacheIncidents.map((incident) => incident.id)));
    expect(channel.items.every((item) => item.serviceIds.includes('cache'))).toBe(true);
    expect(channel).toMatchObject({ folder: 'services/cache/', title: 'Aura Flow Status: Cache', homePath: 'services/cache/' });
    expect(feedPath(channel, 'rss')).toBe('services/cache/rss.xml');
  });

  it('refuses a service that does not exist', async () => {
    const { model, bodies } = await loadModel(EXAMPLE_FIXTURE, NOW);
    expect(() => serviceChannel(model, bodies, 'nope')).toThrow('no service "nope"');
  });

  it('is dated by its newest item, or now when it has none', async () => {
    const { model, bodies } = await loadModel(EXAMPLE_FIXTURE, NOW);
    const channel = serviceChannel(model, bodies, 'cache');
    expect(channelUpdatedMs(channel, model.nowMs)).toBe(channel.items[0]!.dateMs);
    expect(channelUpdatedMs({ ...channel, items: [] }, model.nowMs)).toBe(model.nowMs);
  });
});

describe('the autodiscovery links', () => {
  const wording = { postmortems: 'Postmortems', maintenance: 'Scheduled maintenance', colon: ': ', parenOpen: ' (', parenClose: ')' };
  const siteFeeds = [
    { type: 'application/rss+xml', title: 'Status (RSS)', path: 'rss.xml' },
    { type: 'application/atom+xml', title: 'Status (Atom)', path: 'atom.xml' },
    { type: 'application/feed+json', title: 'Status (JSON Feed)', path: 'feed.json' },
  ];
  const postmortemFeeds = [
    { type: 'application/rss+xml', title: 'Status: Postmortems (RSS)', path: 'postmortems/rss.xml' },
    { type: 'application/atom+xml', title: 'Status: Postmortems (Atom)', path: 'postmortems/atom.xml' },
    { type: 'application/feed+json', title: 'Status: Postmortems (JSON Feed)', path: 'postmortems/feed.json' },
  ];

  it('on a status page offer the site and postmortem feeds in every format, then the maintenance calendar', () => {
    expect(feedAlternates('Status', wording, 'all')).toEqual([...siteFeeds, ...postmortemFeeds, { type: 'text/calendar', title: 'Status: Scheduled maintenance (iCalendar)', path: 'maintenance.ics' }]);
  });

  it('on a postmortem page offer the site and postmortem feeds; elsewhere the site feed in every format', () => {
    expect(feedAlternates('Status', wording, 'postmortems')).toEqual([...siteFeeds, ...postmortemFeeds]);
    expect(feedAlternates('Status', wording, 'site')).toEqual(siteFeeds);
  });

  it('name them with the page language\'s punctuation', () => {
    const zh = { postmortems: '事故复盘', maintenance: '计划维护', colon: '：', parenOpen: '（', parenClose: '）' };
    expect(feedAlternates('状态', zh, 'all').map((feed) => feed.title)).toEqual(['状态（RSS）', '状态（Atom）', '状态（JSON Feed）', '状态：事故复盘（RSS）', '状态：事故复盘（Atom）', '状态：事故复盘（JSON Feed）', '状态：计划维护（iCalendar）']);
  });
});
