// The import's rules, each worked by hand: cState's times, text the check would refuse, the severity chosen for a
// source's impact, and a source's timeline made to fit aftermath's (statuses forward, reopens, windows, frames).
import { describe, expect, it } from 'vitest';
import { cstateInstant } from '../src/lib/import/cstate-site.ts';
import { statuspageRecord } from '../src/lib/import/statuspage-dump.ts';
import { defaultLevel, planImport, type ImportSite } from '../src/lib/import/import-plan.ts';
import { importableMarkdown, importableTitle } from '../src/lib/import/importable-text.ts';
import type { SourceIncident, SourceRecord } from '../src/lib/import/source-record.ts';
import { parse as parseYaml } from 'yaml';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('cState times', () => {
  it('reads a time without an offset in the site\'s zone, and one with an offset as written', () => {
    expect(iso(cstateInstant('2018-04-13 15:54:00', 'UTC'))).toBe('2018-04-13T15:54:00.000Z');
    expect(iso(cstateInstant('2018-04-13 15:54:00', 'Asia/Shanghai'))).toBe('2018-04-13T07:54:00.000Z');
    expect(iso(cstateInstant('2018-04-13 15:54:00 +0100', 'Asia/Shanghai'))).toBe('2018-04-13T14:54:00.000Z');
    expect(iso(cstateInstant('2024-12-27T09:43:40.482Z', 'Asia/Shanghai'))).toBe('2024-12-27T09:43:40.482Z');
  });

  it('reads a date alone as its midnight, across the year end', () => {
    expect(iso(cstateInstant('2024-12-31', 'Asia/Shanghai'))).toBe('2024-12-30T16:00:00.000Z');
    expect(iso(cstateInstant('2025-01-01', 'UTC'))).toBe('2025-01-01T00:00:00.000Z');
  });

  it('refuses a day the month lacks and keeps a leap day', () => {
    expect(cstateInstant('2023-02-29 12:00:00', 'UTC')).toBeUndefined();
    expect(iso(cstateInstant('2024-02-29 12:00:00', 'UTC'))).toBe('2024-02-29T12:00:00.000Z');
    expect(cstateInstant('soon', 'UTC')).toBeUndefined();
  });

  it('reads a local time a DST change skips or repeats as the earlier instant', () => {
    // 02:30 on March 10, 2024 does not exist in Los Angeles (01:59 PST is followed by 03:00 PDT): read at PDT's
    // offset, 09:30 UTC, the earlier of the two readings.
    expect(iso(cstateInstant('2024-03-10 02:30:00', 'America/Los_Angeles'))).toBe('2024-03-10T09:30:00.000Z');
    // 01:30 on November 3 happens twice: first in PDT (08:30 UTC), then in PST (09:30 UTC).
    expect(iso(cstateInstant('2024-11-03 01:30:00', 'America/Los_Angeles'))).toBe('2024-11-03T08:30:00.000Z');
  });
});

describe('text the check would refuse', () => {
  it('leaves accepted markdown alone, HTML in code included', () => {
    expect(importableMarkdown('We **fixed** it.\n\n```\n<b>x</b>\n```')).toEqual({ text: 'We **fixed** it.\n\n```\n<b>x</b>\n```', changes: [] });
  });

  it('shows raw HTML as text', () => {
    expect(importableMarkdown('a <script>alert(1)</script> b').text).toBe('a &lt;script>alert(1)&lt;/script> b');
  });

  it('links to an image on another host and describes one of the old site', () => {
    const result = importableMarkdown('![graph](https://cdn.example/g.png) and ![diagram](/img/d.png)');
    expect(result.text).toBe('[graph](https://cdn.example/g.png) and diagram');
    expect(result.changes).toHaveLength(2);
  });

  it('escapes a text with a link it cannot keep to plain text, saying why', () => {
    const result = importableMarkdown('see [x](javascript:alert(1))');
    expect(result.text).toBe('see \\[x\\](javascript:alert(1))');
    expect(result.changes[0]).toContain('link target "javascript:alert(1)" is not allowed');
  });

  it('keeps a title\'s words but not a tag', () => {
    expect(importableTitle('  <b>Outage</b>\n in EU ').text).toBe('< b>Outage< /b> in EU');
    expect(importableTitle('Latency < 100 ms').changes).toEqual([]);
  });
});

describe('the level for a source impact', () => {
  const P0_P3 = [
    { id: 'P0', statuspageImpact: 'critical' as const },
    { id: 'P1', statuspageImpact: 'major' as const },
    { id: 'P2', statuspageImpact: 'minor' as const },
    { id: 'P3', statuspageImpact: 'minor' as const },
  ];

  it('is the most severe level with that impact; no impact is the least severe level', () => {
    expect(['critical', 'major', 'minor', 'none'].map((impact) => defaultLevel(impact as 'none', P0_P3))).toEqual(['P0', 'P1', 'P2', 'P3']);
  });

  it('follows the levels\' order when they name no impact, and the next lower impact when one is missing', () => {
    expect(['critical', 'major', 'minor', 'none'].map((impact) => defaultLevel(impact as 'none', [{ id: 'SEV1' }, { id: 'SEV2' }, { id: 'SEV3' }]))).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV3']);
    expect(defaultLevel('critical', [{ id: 'HIGH', statuspageImpact: 'major' }, { id: 'LOW', statuspageImpact: 'minor' }])).toBe('HIGH');
  });
});

const SITE: ImportSite = {
  timeZone: 'Asia/Shanghai',
  locale: 'en',
  nowMs: at('2026-11-28T00:00:00Z'),
  levels: [
    { id: 'P0', statuspageImpact: 'critical' },
    { id: 'P1', statuspageImpact: 'major' },
    { id: 'P2', statuspageImpact: 'minor' },
  ],
  groups: [],
  services: [{ id: 'api', name: 'API' }],
  incidentIds: ['INC-20261101-001'],
  importedIncidents: new Map(),
  maintenanceIds: new Set(),
  importedMaintenance: new Set(),
};

function recordOf(incident: Partial<SourceIncident>): SourceRecord {
  return {
    kind: 'statuspage',
    groups: [],
    services: [{ key: 'c1', name: 'API' }],
    incidents: [
      {
        source: 'statuspage:x',
        where: 'incidents.json: "X"',
        title: 'X',
        severityWord: 'major',
        impact: 'major',
        startedMs: at('2026-11-01T02:00:00Z'),
        affected: [{ serviceKey: 'c1', impact: 'major_outage' }],
        updates: [],
        body: '',
        updateTimes: 'as recorded',
        ...incident,
      },
    ],
    maintenance: [],
    leftOut: { incidents: 0, maintenance: 0 },
    notes: [],
  };
}

function planned(incident: Partial<SourceIncident>) {
  const plan = planImport(recordOf(incident), SITE, { targets: { rto: '1h', rpo: '15m', availability: '99.9%' }, severity: {} });
  const file = plan.files[0];
  return { plan, data: file ? (parseYaml(/^---\n([\s\S]*?)\n---/.exec(file.text)![1]!) as Record<string, unknown>) : undefined, file: file?.file };
}

describe('a source timeline made to fit aftermath\'s', () => {
  it('takes the next free number of the local day and the site\'s service of that name', () => {
    // 02:00 UTC is 10:00 in Shanghai on November 1, which already has INC-20261101-001.
    const { data, file, plan } = planned({ updates: [{ atMs: at('2026-11-01T02:05:00Z'), status: 'investigating', label: 'investigating', message: 'Down.' }] });
    expect(file).toBe('incidents/2026/INC-20261101-002/index.md');
    expect(data).toMatchObject({ severity: 'P1', started: '2026-11-01T10:00:00+08:00', services: [{ id: 'api', impact: 'major_outage' }], importedFrom: 'statuspage:x' });
    expect(plan.services).toEqual([]);
    expect(plan.counts.servicesMatched).toBe(1);
  });

  it('keeps statuses moving forward, a return after resolved as a reopen, and the resolution after the last reopen', () => {
    const { data, plan } = planned({
      resolvedMs: at('2026-11-01T05:00:00Z'),
      updates: [
        { atMs: at('2026-11-01T02:05:00Z'), status: 'monitoring', label: 'monitoring', message: 'Watching.' },
        { atMs: at('2026-11-01T02:10:00Z'), status: 'investigating', label: 'investigating', message: 'Back.' },
        { atMs: at('2026-11-01T03:00:00Z'), status: 'resolved', label: 'resolved', message: 'Fixed.' },
        { atMs: at('2026-11-01T04:00:00Z'), status: 'investigating', label: 'investigating', message: 'Again.' },
        { atMs: at('2026-11-01T05:00:00Z'), status: 'resolved', label: 'resolved', message: 'Fixed again.' },
        { atMs: at('2026-11-01T06:00:00Z'), status: 'closed', label: 'postmortem', message: 'Postmortem out.' },
      ],
    });
    expect((data!.updates as { status: string }[]).map((update) => update.status)).toEqual(['monitoring', 'monitoring', 'resolved', 'reopened', 'resolved', 'closed']);
    expect(data!.resolved).toBe('2026-11-01T13:00:00+08:00');
    expect(plan.notes.map((note) => note.what)).toEqual([
      'update "investigating" at 2026-11-01T10:10:00+08:00 goes back from "monitoring" to "investigating"; recorded as "monitoring" (aftermath\'s statuses only move forward)',
      'update "investigating" at 2026-11-01T12:00:00+08:00 follows "resolved"; recorded as "reopened"',
    ]);
  });

  it('splits a service\'s outage around the time the incident stood resolved', () => {
    const { data } = planned({
      resolvedMs: at('2026-11-01T05:00:00Z'),
      affected: [{ serviceKey: 'c1', impact: 'partial_outage', windows: [{ startMs: at('2026-11-01T02:30:00Z'), endMs: at('2026-11-01T04:30:00Z') }] }],
      updates: [
        { atMs: at('2026-11-01T02:05:00Z'), status: 'investigating', label: 'investigating', message: 'Down.' },
        { atMs: at('2026-11-01T03:00:00Z'), status: 'resolved', label: 'resolved', message: 'Fixed.' },
        { atMs: at('2026-11-01T04:00:00Z'), status: 'investigating', label: 'investigating', message: 'Again.' },
        { atMs: at('2026-11-01T05:00:00Z'), status: 'resolved', label: 'resolved', message: 'Fixed again.' },
      ],
    });
    // Resolved 11:00 to reopened 12:00 (Shanghai): the window 10:30-12:30 becomes 10:30-11:00 and 12:00-12:30.
    expect(data!.services).toEqual([
      {
        id: 'api',
        impact: 'partial_outage',
        windows: [
          { start: '2026-11-01T10:30:00+08:00', end: '2026-11-01T11:00:00+08:00' },
          { start: '2026-11-01T12:00:00+08:00', end: '2026-11-01T12:30:00+08:00' },
        ],
      },
    ]);
  });

  it('adds the resolving update a source only implies, and a first one when it has none', () => {
    const { data, plan } = planned({ resolvedMs: at('2026-11-01T03:00:00Z'), updates: [] });
    expect(data!.updates).toEqual([
      { at: '2026-11-01T10:00:00+08:00', status: 'investigating', message: 'Investigating.' },
      { at: '2026-11-01T11:00:00+08:00', status: 'resolved', message: 'Resolved.' },
    ]);
    expect(plan.notes.map((note) => note.kind)).toEqual(['assumed', 'assumed']);
  });

  it('moves cState updates into the front matter\'s frame, a resolution at the start a minute later', () => {
    const { data, plan } = planned({
      updateTimes: 'within front matter',
      startedMs: at('2026-11-01T02:00:00Z'),
      resolvedMs: at('2026-11-01T02:00:00Z'),
      updates: [
        { atMs: at('2026-10-01T02:00:00Z'), status: 'investigating', label: 'Investigating', message: 'Down.' },
        { atMs: at('2026-12-01T02:00:00Z'), status: 'resolved', label: 'Resolved', message: 'Up.' },
      ],
    });
    expect(data!.updates).toEqual([
      { at: '2026-11-01T10:00:00+08:00', status: 'investigating', message: 'Down.' },
      { at: '2026-11-01T10:01:00+08:00', status: 'resolved', message: 'Up.' },
    ]);
    expect(data!.resolved).toBe('2026-11-01T10:01:00+08:00');
    expect(plan.notes.map((note) => note.what)).toEqual([
      'update "Investigating" is timed 2026-10-01T10:00:00+08:00, before the incident\'s start 2026-11-01T10:00:00+08:00; placed at 2026-11-01T10:00:00+08:00',
      'update "Resolved" is timed 2026-12-01T10:00:00+08:00, after the incident resolved 2026-11-01T10:00:00+08:00; placed at 2026-11-01T10:00:00+08:00',
      'resolved at its start 2026-11-01T10:00:00+08:00; the resolution is placed a minute later, 2026-11-01T10:01:00+08:00',
    ]);
  });

  it('leaves out an incident dated after now, or with no service, and one already imported', () => {
    expect(planned({ startedMs: at('2027-01-01T00:00:00Z') }).plan.counts).toMatchObject({ incidentsWritten: 0, incidentsLeftOut: 1 });
    expect(planned({ affected: [{ serviceKey: 'gone', impact: 'degraded' }] }).plan.notes.map((note) => note.what)).toEqual([
      'affected "gone" is not a service of the source; left out of the incident',
      'names no affected service (an aftermath incident needs at least one); not imported',
    ]);
    const again = planImport(recordOf({}), { ...SITE, importedIncidents: new Map([['statuspage:x', { id: 'INC-20261101-002', latestUpdateMs: at('2026-11-01T02:00:00Z') }]]) }, { targets: { rto: '1h', rpo: '15m', availability: '99.9%' }, severity: {} });
    expect(again.counts).toMatchObject({ incidentsWritten: 0, incidentsAlready: 1 });
    expect(again.files).toEqual([]);
  });
});

describe('a Statuspage dump read as it was written', () => {
  const component = (id: string, name: string, group_id: string | null = null, group = false) => ({ id, name, group_id, group });
  const update = (id: string, status: string, at: string) => ({ id, status, body: status, created_at: at, display_at: at, affected_components: null });

  it('keeps updates posted at the same instant in the order they were posted (the dump lists them newest first)', () => {
    const record = statuspageRecord({
      components: { page: undefined, components: [component('c1', 'API')] },
      incidents: {
        page: undefined,
        incidents: [
          {
            id: 'i1', name: 'Blip', status: 'resolved', impact: 'minor', created_at: '2026-10-24T00:53:00Z', started_at: null, resolved_at: '2026-10-24T00:53:00Z', scheduled_for: null, scheduled_until: null, postmortem_body: null,
            incident_updates: [update('u2', 'resolved', '2026-10-24T00:53:00Z'), update('u1', 'investigating', '2026-10-24T00:53:00Z')],
            components: [component('c1', 'API')],
          },
        ],
      },
    });
    expect(record.incidents[0]!.updates.map((entry) => entry.status)).toEqual(['investigating', 'resolved']);
  });

  it('keeps two components of one name apart, each named with its group', () => {
    const record = statuspageRecord({
      components: { page: undefined, components: [component('g1', 'Core', null, true), component('g2', 'EU Region', null, true), component('c1', 'API Requests', 'g1'), component('c2', 'API Requests', 'g2')] },
    });
    const plan = planImport(record, { ...SITE, services: [] }, { targets: { rto: '1h', rpo: '15m', availability: '99.9%' }, severity: {} });
    expect(plan.services.map((service) => [service.id, service.name, service.group])).toEqual([
      ['api-requests-core', 'API Requests (Core)', 'core'],
      ['api-requests-eu-region', 'API Requests (EU Region)', 'eu-region'],
    ]);
  });
});

describe('a Statuspage page in a Rails time zone', () => {
  it('reads "Pacific Time (US & Canada)" as America/Los_Angeles, and says so', () => {
    const record = statuspageRecord({ components: { page: { name: 'Acme', url: 'https://status.acme.example', time_zone: 'Pacific Time (US & Canada)' }, components: [] } });
    expect(record.timeZone).toBe('America/Los_Angeles');
    expect(record.notes.map((note) => note.what)).toContain('page time_zone "Pacific Time (US & Canada)" (a Rails name) read as America/Los_Angeles');
    expect(statuspageRecord({ components: { page: { time_zone: 'Etc/UTC' }, components: [] } }).timeZone).toBe('Etc/UTC');
  });
});

describe('importing a dump with two components of one name again', () => {
  it('finds both services the first import wrote, adding none', () => {
    const component = (id: string, name: string, group_id: string | null = null, group = false) => ({ id, name, group_id, group });
    const record = statuspageRecord({
      components: { page: undefined, components: [component('g1', 'Core', null, true), component('g2', 'EU Region', null, true), component('c1', 'API Requests', 'g1'), component('c2', 'API Requests', 'g2')] },
    });
    const choices = { targets: { rto: '1h', rpo: '15m', availability: '99.9%' }, severity: {} };
    const first = planImport(record, { ...SITE, services: [] }, choices);
    const again = planImport(record, { ...SITE, services: first.services, groups: first.groups }, choices);
    expect(again.services).toEqual([]);
    expect(again.counts.servicesMatched).toBe(2);
  });
});
