import { describe, expect, it } from 'vitest';
import type { Postmortem } from '../src/schemas/postmortem.ts';
import { severityLevelSchema } from '../src/schemas/severity.ts';
import type { Incident } from '../src/schemas/incident.ts';
import type { Maintenance } from '../src/schemas/maintenance.ts';
import type { IncidentEntry } from '../src/validation/load-site.ts';
import { recordWarnings, type WarnedRecord } from '../src/validation/record-warnings.ts';
import { incident, maintenance, postmortem as postmortemOf } from './helpers/records.ts';

const level = (id: string, updateCadence: string, postmortemDue: string) =>
  severityLevelSchema.parse({ id, name: id, meaning: 'm', responseTime: '15m', resolutionTime: '1h', updateCadence, postmortemDue, monitoringAfterRecovery: '1h' });
const LEVELS = [level('P0', '30m', '24h'), level('P1', '1h', '48h'), level('P3', '1d', '14d'), level('P4', '1d', 'none')];

const postmortem = (incidentId: string, status: 'draft' | 'in_review' | 'published', items: { id: string; due: string; status: string }[] = []): Postmortem => postmortemOf(incidentId, status, items, { under: 'longTerm', owner: '@sre' });

function entry(record: Incident, written?: Postmortem): IncidentEntry {
  const folder = `incidents/${record.id.slice(4, 8)}/${record.id}`;
  return { file: `${folder}/index.md`, incident: record, body: '', ...(written ? { postmortem: { file: `${folder}/postmortem.md`, postmortem: written, body: '' } } : {}) };
}

function site(now: string, timeZone: string, parts: { incidents?: IncidentEntry[]; maintenance?: Maintenance[] }): WarnedRecord {
  return {
    site: { timeZone },
    severity: { levels: LEVELS },
    incidents: parts.incidents ?? [],
    maintenance: (parts.maintenance ?? []).map((window) => ({ file: `content/maintenance/${window.id}.md`, maintenance: window, body: '' })),
    nowMs: Date.parse(now),
  };
}

describe('an open incident past its update cadence', () => {
  // Berlin's clocks go from 02:00 to 03:00 on 29 March 2026: the cadence is an hour of real time, not of wall clock.
  const open = incident({
    id: 'INC-20260329-001',
    severity: 'P1',
    started: '2026-03-29T00:50:00+01:00',
    services: [{ id: 'api', impact: 'major_outage' }],
    updates: [
      { at: '2026-03-29T01:00:00+01:00', status: 'investigating' },
      { at: '2026-03-29T01:30:00+01:00', status: 'fixing' },
    ],
  });

  it('is warned about at its latest update, with the time one was due on the clock readers saw then', () => {
    // Latest update 00:30Z; due 01:30Z, which Berlin calls 03:30 (UTC+2); now 02:00Z, 1 h 30 min after the update.
    expect(recordWarnings(site('2026-03-29T02:00:00Z', 'Europe/Berlin', { incidents: [entry(open)] }))).toEqual([
      {
        kind: 'update-overdue',
        file: 'incidents/2026/INC-20260329-001/index.md',
        at: ['updates', 1, 'at'],
        message: 'open incident (fixing) not updated for 1 h 30 min: P1 asks for an update every 1 h, so one was due by 03:30 (UTC+2) (expected a new update: npm run new:update -- INC-20260329-001)',
      },
    ]);
  });

  it('is not warned about up to the due instant itself, and is one second after it', () => {
    expect(recordWarnings(site('2026-03-29T01:30:00Z', 'Europe/Berlin', { incidents: [entry(open)] }))).toEqual([]);
    expect(recordWarnings(site('2026-03-29T01:30:01Z', 'Europe/Berlin', { incidents: [entry(open)] })).map((warning) => warning.kind)).toEqual(['update-overdue']);
  });

  it('names the day of the due time when it was another day in the site zone', () => {
    // Updated 2026-11-25T15:00Z (23:00 in Shanghai), due 24 hours later at 23:00 on the 26th there; now, 16:30Z, is
    // 00:30 on the 27th in Shanghai though still the 26th in UTC.
    const p3 = incident({ id: 'INC-20261125-001', severity: 'P3', started: '2026-11-25T14:00:00Z', services: [{ id: 'api', impact: 'degraded' }], updates: [{ at: '2026-11-25T15:00:00Z', status: 'monitoring' }] });
    const [warning] = recordWarnings(site('2026-11-26T16:30:00Z', 'Asia/Shanghai', { incidents: [entry(p3)] }));
    expect(warning?.message).toBe('open incident (monitoring) not updated for 1 d 1 h: P3 asks for an update every 1 d, so one was due by 2026-11-26 23:00 (UTC+8) (expected a new update: npm run new:update -- INC-20261125-001)');
  });

  it('leaves a resolved incident alone, however long ago its last update was', () => {
    const resolved = incident({ id: 'INC-20260101-001', severity: 'P4', started: '2026-01-01T10:00:00Z', resolved: '2026-01-01T12:00:00Z', services: [{ id: 'api', impact: 'degraded' }] });
    expect(recordWarnings(site('2026-11-26T00:00:00Z', 'UTC', { incidents: [entry(resolved)] }))).toEqual([]);
  });
});

describe('a postmortem past its due time', () => {
  const now = '2026-11-26T00:00:00Z';
  // P0 postmortems are due 24 h after resolution: 2026-11-25T12:00Z, 20:00 in Shanghai, 12 hours before now.
  const resolved = incident({ id: 'INC-20261124-001', severity: 'P0', started: '2026-11-24T10:00:00Z', resolved: '2026-11-24T12:00:00Z', services: [{ id: 'api', impact: 'major_outage' }] });

  it('leaves out imported history, whose postmortems the old tool kept', () => {
    expect(recordWarnings(site(now, 'Asia/Shanghai', { incidents: [entry({ ...resolved, importedFrom: 'statuspage:p31zjtct2jer' })] }))).toEqual([]);
  });

  it('points at the incident\'s resolution when none is written', () => {
    expect(recordWarnings(site(now, 'Asia/Shanghai', { incidents: [entry(resolved)] }))).toEqual([
      {
        kind: 'postmortem-overdue',
        file: 'incidents/2026/INC-20261124-001/index.md',
        at: ['resolved'],
        message: 'postmortem 12 h past due: P0 asks for one within 1 d of resolution, by 2026-11-25 20:00 (UTC+8), and none is written (expected one drafted with npm run new:postmortem -- INC-20261124-001, then published)',
      },
    ]);
  });

  it('points at the status of a draft or a report in review', () => {
    const [draft] = recordWarnings(site(now, 'Asia/Shanghai', { incidents: [entry(resolved, postmortem(resolved.id, 'draft'))] }));
    expect(draft).toMatchObject({ file: 'incidents/2026/INC-20261124-001/postmortem.md', at: ['status'] });
    expect(draft?.message).toBe('postmortem 12 h past due: P0 asks for one within 1 d of resolution, by 2026-11-25 20:00 (UTC+8), and it is still a draft (expected it reviewed and published: npm run publish:postmortem -- INC-20261124-001)');
    const [inReview] = recordWarnings(site(now, 'Asia/Shanghai', { incidents: [entry(resolved, postmortem(resolved.id, 'in_review'))] }));
    expect(inReview?.message).toContain('and it is still in review (expected it reviewed and published');
  });

  it('says nothing once it is published, before it is due, or for a level that needs none', () => {
    expect(recordWarnings(site(now, 'UTC', { incidents: [entry(resolved, postmortem(resolved.id, 'published'))] }))).toEqual([]);
    expect(recordWarnings(site('2026-11-25T12:00:00Z', 'UTC', { incidents: [entry(resolved)] }))).toEqual([]);
    const p4 = incident({ id: 'INC-20250101-001', severity: 'P4', started: '2025-01-01T10:00:00Z', resolved: '2025-01-01T12:00:00Z', services: [{ id: 'api', impact: 'degraded' }] });
    expect(recordWarnings(site(now, 'UTC', { incidents: [entry(p4)] }))).toEqual([]);
  });
});

describe('an action item past its due date', () => {
  // A published postmortem (no postmortem warning) with items due the last day of November.
  const resolved = incident({ id: 'INC-20261110-001', severity: 'P3', started: '2026-11-10T10:00:00Z', resolved: '2026-11-10T12:00:00Z', services: [{ id: 'api', impact: 'degraded' }] });
  const items = [
    { id: 'AI-001', due: '2026-11-30', status: 'open' },
    { id: 'AI-002', due: '2026-11-30', status: 'done' },
    { id: 'AI-003', due: '2026-11-30', status: 'wont_do' },
    { id: 'AI-004', due: '2026-11-29', status: 'in_progress' },
  ];
  const published = entry(resolved, postmortem(resolved.id, 'published', items));

  it('is past due from midnight in the site zone, while it is still the due date in UTC', () => {
    // 2026-11-30T16:30Z is 1 December 00:30 in Shanghai.
    expect(recordWarnings(site('2026-11-30T16:30:00Z', 'Asia/Shanghai', { incidents: [published] }))).toEqual([
      {
        kind: 'action-item-overdue',
        file: 'incidents/2026/INC-20261110-001/postmortem.md',
        at: ['actionItems', 'longTerm', 3, 'due'],
        message: 'action item AI-004 (@sre) still in progress 2 days after its due date, 2026-11-29 (expected status: done or wont_do, or a later due: agreed with @sre)',
      },
      {
        kind: 'action-item-overdue',
        file: 'incidents/2026/INC-20261110-001/postmortem.md',
        at: ['actionItems', 'longTerm', 0, 'due'],
        message: 'action item AI-001 (@sre) still open 1 day after its due date, 2026-11-30 (expected status: done or wont_do, or a later due: agreed with @sre)',
      },
    ]);
    // 23:59 on 30 November in Shanghai: AI-001 is due today, not late.
    expect(recordWarnings(site('2026-11-30T15:59:00Z', 'Asia/Shanghai', { incidents: [published] })).map((warning) => warning.message.split(' ')[2])).toEqual(['AI-004']);
  });

  it('counts the days the calendar has, a leap day included', () => {
    const leap = entry(resolved, postmortem(resolved.id, 'published', [{ id: 'AI-001', due: '2028-02-28', status: 'open' }]));
    const [warning] = recordWarnings(site('2028-03-01T12:00:00Z', 'UTC', { incidents: [leap] }));
    expect(warning?.message).toContain('still open 2 days after its due date, 2028-02-28');
  });

  it('leaves the items of a draft alone: the page lists published postmortems\' items only', () => {
    const draft = entry(resolved, postmortem(resolved.id, 'draft', items));
    // Its postmortem is overdue (due 24 November), which is the one warning.
    expect(recordWarnings(site('2026-12-01T00:00:00Z', 'UTC', { incidents: [draft] })).map((warning) => warning.kind)).toEqual(['postmortem-overdue']);
  });
});

describe('a maintenance window its schedule has moved on', () => {
  // 23:00 to 01:00 in Berlin (UTC+1) across midnight: 22:00Z to 00:00Z.
  const overnight = maintenance('2026-11-30T23:00:00+01:00', '2026-12-01T01:00:00+01:00', ['api'], false, { id: '2026-11-30-db-failover' });

  it('is under way from its start: readers see it so until its end', () => {
    expect(recordWarnings(site('2026-11-30T23:30:00Z', 'Europe/Berlin', { maintenance: [overnight] }))).toEqual([
      {
        kind: 'maintenance-started',
        file: 'content/maintenance/2026-11-30-db-failover.md',
        at: ['start'],
        message: 'maintenance window started by its schedule at 2026-11-30 23:00 (UTC+1) with no update saying so: readers see it under way until 01:00 (UTC+1) (expected npm run maintenance:update -- 2026-11-30-db-failover --action start once the work begins, or --action cancel if it will not run)',
      },
    ]);
  });

  it('has ended from its end, and is asked about for a day after it', () => {
    expect(recordWarnings(site('2026-12-01T02:30:00Z', 'Europe/Berlin', { maintenance: [overnight] }))).toEqual([
      {
        kind: 'maintenance-ended',
        file: 'content/maintenance/2026-11-30-db-failover.md',
        at: ['end'],
        message: 'maintenance window ended by its schedule 2 h 30 min ago, at 01:00 (UTC+1), with no update saying so: readers see it completed (expected npm run maintenance:update -- 2026-11-30-db-failover --action complete --at <when it finished>; if it ran over, record any outage beyond the window as an incident)',
      },
    ]);
    expect(recordWarnings(site('2026-12-01T23:59:59Z', 'Europe/Berlin', { maintenance: [overnight] })).map((warning) => warning.kind)).toEqual(['maintenance-ended']);
    expect(recordWarnings(site('2026-12-02T00:00:00Z', 'Europe/Berlin', { maintenance: [overnight] }))).toEqual([]);
  });

  it('says nothing once an update said the work started, or completed', () => {
    const at = (iso: string, status: 'in_progress' | 'completed') => ({ at: new Date(iso), status, message: status });
    const started = { ...overnight, updates: [at('2026-11-30T22:00:00Z', 'in_progress')] };
    expect(recordWarnings(site('2026-11-30T23:30:00Z', 'Europe/Berlin', { maintenance: [started] }))).toEqual([]);
    // Started but not said to be complete: still asked about after its end.
    expect(recordWarnings(site('2026-12-01T02:30:00Z', 'Europe/Berlin', { maintenance: [started] })).map((warning) => warning.kind)).toEqual(['maintenance-ended']);
    const completed = { ...started, updates: [...started.updates, at('2026-12-01T00:00:00Z', 'completed')] };
    expect(recordWarnings(site('2026-12-01T02:30:00Z', 'Europe/Berlin', { maintenance: [completed] }))).toEqual([]);
  });

  it('says nothing before its start, or of a cancelled window', () => {
    expect(recordWarnings(site('2026-11-30T21:59:59Z', 'Europe/Berlin', { maintenance: [overnight] }))).toEqual([]);
    const cancelled = maintenance('2026-11-30T23:00:00+01:00', '2026-12-01T01:00:00+01:00', ['api'], true);
    expect(recordWarnings(site('2026-11-30T23:30:00Z', 'Europe/Berlin', { maintenance: [cancelled] }))).toEqual([]);
  });
});

it('lists the kinds in the order readers wait for them: updates, maintenance, postmortems, action items', () => {
  const open = incident({ id: 'INC-20261201-001', severity: 'P0', started: '2026-12-01T00:00:00Z', services: [{ id: 'api', impact: 'major_outage' }] });
  const old = incident({ id: 'INC-20261110-001', severity: 'P0', started: '2026-11-10T10:00:00Z', resolved: '2026-11-10T12:00:00Z', services: [{ id: 'api', impact: 'major_outage' }] });
  const done = incident({ id: 'INC-20261101-001', severity: 'P0', started: '2026-11-01T10:00:00Z', resolved: '2026-11-01T12:00:00Z', services: [{ id: 'api', impact: 'major_outage' }] });
  const record = site('2026-12-01T03:00:00Z', 'UTC', {
    incidents: [entry(done, postmortem(done.id, 'published', [{ id: 'AI-001', due: '2026-11-20', status: 'open' }])), entry(old), entry(open)],
    maintenance: [maintenance('2026-12-01T01:00:00Z', '2026-12-01T02:00:00Z', ['api']), maintenance('2026-12-01T02:00:00Z', '2026-12-01T04:00:00Z', ['api'])],
  });
  expect(recordWarnings(record).map((warning) => warning.kind)).toEqual(['update-overdue', 'maintenance-started', 'maintenance-ended', 'postmortem-overdue', 'action-item-overdue']);
});
