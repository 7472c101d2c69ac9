import { describe, expect, it } from 'vitest';
import { maintenanceStatusAt, serviceChangedAt, STATUSPAGE_DOCUMENT_PATHS, STATUSPAGE_LIST_LIMIT, statuspageDocuments, statuspageMaintenance, statuspageSnapshot } from '../src/lib/api/statuspage-api.ts';
import { statuspageId } from '../src/lib/api/statuspage-mapping.ts';
import { NO_BODIES } from '../src/lib/model/site-model.ts';
import { incident, maintenance } from './helpers/records.ts';
import { schemaErrors } from './helpers/json-schemas.ts';
import { loadModel } from './helpers/models.ts';
import { VALID_FIXTURE } from './helpers/sites.ts';

// The valid fixture: Europe/Berlin, now 2026-11-26T12:00Z, groups platform > api, levels P1-P4 (P3 and P4 without statuspageImpact).
const fixture = () => loadModel(VALID_FIXTURE);

describe('components', () => {
  it('list each group as a group component followed by its services, positions counting from 1', async () => {
    const { model, bodies } = await fixture();
    const { components } = statuspageSnapshot(model, bodies);
    expect(components.map((component) => [component.position, component.name, component.group, component.status])).toEqual([
      [1, 'Platform', true, 'degraded_performance'],
      [2, 'Website', false, 'degraded_performance'],
      [3, 'APIs', true, 'operational'],
      [4, 'REST API', false, 'operational'],
    ]);
    expect(components[0]!.components).toEqual([statuspageId('component', 'web')]);
    expect(components[1]!.group_id).toBe(statuspageId('group', 'platform'));
    expect(components[3]!.group_id).toBe(statuspageId('group', 'api'));
    expect(components[1]!.components).toBeUndefined();
  });

  it('date a service’s last change by the last impact or maintenance edge before now, an open window by its start', async () => {
    const { model } = await fixture();
    expect(serviceChangedAt('web', model)).toBe(Date.parse('2026-11-20T22:30:00+01:00'));
    expect(serviceChangedAt('rest-api', model)).toBe(Date.parse('2026-11-10T09:40:00+01:00'));
    expect(serviceChangedAt('nothing', model)).toBeUndefined();
  });
});

describe('an incident', () => {
  it('reads as a resolved incident with a public postmortem, its updates newest first', async () => {
    const { model, bodies } = await fixture();
    const certificate = statuspageSnapshot(model, bodies).incidents.find((entry) => entry.name.startsWith('REST API unavailable'))!;
    expect(certificate).toMatchObject({
      id: statuspageId('incident', 'INC-20261110-001'),
      status: 'postmortem',
      impact: 'major',
      created_at: '2026-11-10T09:04:00+01:00',
      started_at: '2026-11-10T09:00:00+01:00',
      monitoring_at: '2026-11-10T09:40:00+01:00',
      resolved_at: '2026-11-10T09:50:00+01:00',
      updated_at: '2026-11-12T10:00:00+01:00',
      shortlink: 'https://status.example.org/incidents/INC-20261110-001/',
    });
    expect(certificate.incident_updates.map((update) => update.status)).toEqual(['postmortem', 'resolved', 'monitoring', 'identified', 'investigating', 'investigating']);
    expect(certificate.components.map((component) => component.name)).toEqual(['Website', 'REST API']);
  });

  it('records on each update the services whose state it changed', async () => {
    const { model, bodies } = await fixture();
    const certificate = statuspageSnapshot(model, bodies).incidents.find((entry) => entry.name.startsWith('REST API unavailable'))!;
    const byTime = [...certificate.incident_updates].reverse().map((update) => [update.created_at.slice(11, 16), update.affected_components?.map((change) => `${change.name}: ${change.old_status} → ${change.new_status}`) ?? null]);
    expect(byTime).toEqual([
      ['09:04', ['REST API: operational → major_outage', 'Website: operational → degraded_performance']],
      ['09:10', null],
      ['09:25', null],
      ['09:40', ['REST API: major_outage → operational']],
      ['09:50', ['Website: degraded_performance → operational']],
      ['10:00', null],
    ]);
  });

  it('derives the impact from the level’s rank when the level sets none, and reads a reopened one by its last update', async () => {
    const { model, bodies } = await fixture();
    const { incidents, unresolvedIncidents } = statuspageSnapshot(model, bodies);
    const loop = incidents.find((entry) => entry.name.startsWith('Website login loop'))!;
    expect(loop.impact).toBe('minor');
    expect(loop.status).toBe('resolved');
    expect(loop.incident_updates.map((update) => update.status)).toEqual(['resolved', 'identified', 'investigating', 'resolved', 'investigating']);
    expect(unresolvedIncidents.map((entry) => [entry.name, entry.status, entry.resolved_at])).toEqual([['Website slow for some visitors', 'investigating', null]]);
  });

  it('keeps its update ids when messages are edited', async () => {
    const { model, bodies } = await fixture();
    const ids = (incidents: typeof model.incidents) => statuspageSnapshot({ ...model, incidents }, bodies).incidents.flatMap((entry) => entry.incident_updates.map((update) => update.id));
    const edited = model.incidents.map((entry) => ({ ...entry, title: 'Edited', updates: entry.updates.map((update) => ({ ...update, message: 'Edited.' })) }));
    expect(ids(edited)).toEqual(ids(model.incidents));
  });
});

describe('a maintenance window', () => {
  const window = { ...maintenance('2026-12-05T01:00:00Z', '2026-12-05T02:00:00Z', ['rest-api']), id: 'api-upgrade', title: 'API upgrade' };

  it('is scheduled, then in progress, then completed', () => {
    expect(maintenanceStatusAt(window, Date.parse('2026-12-05T00:59:00Z'))).toBe('scheduled');
    expect(maintenanceStatusAt(window, Date.parse('2026-12-05T01:00:00Z'))).toBe('in_progress');
    expect(maintenanceStatusAt(window, Date.parse('2026-12-05T02:00:00Z'))).toBe('completed');
  });

  it('gains an update for each phase it has reached, newest first', async () => {
    const { model } = await fixture();
    const components = statuspageSnapshot(model, NO_BODIES).components;
    const at = (now: string) => statuspageMaintenance(window, { ...model, nowMs: Date.parse(now) }, 'page', components, 'Some requests may fail.');
    expect(at('2026-12-01T00:00:00Z').incident_updates.map((update) => [update.status, update.body])).toEqual([['scheduled', 'Some requests may fail.']]);
    const done = at('2026-12-06T00:00:00Z');
    expect(done.incident_updates.map((update) => update.status)).toEqual(['completed', 'in_progress', 'scheduled']);
    expect(done).toMatchObject({ status: 'completed', impact: 'maintenance', scheduled_for: '2026-12-05T02:00:00+01:00', scheduled_until: '2026-12-05T03:00:00+01:00', resolved_at: '2026-12-05T03:00:00+01:00', updated_at: '2026-12-05T03:00:00+01:00' });
    expect(done.components.map((component) => component.name)).toEqual(['REST API']);
  });

  it('is left out of the API when cancelled', async () => {
    const { model, bodies } = await fixture();
    const snapshot = statuspageSnapshot({ ...model, maintenance: model.maintenance.map((entry) => ({ ...entry, cancelled: true })) }, bodies);
    expect(snapshot.maintenances).toEqual([]);
  });
});

describe('the documents', () => {
  it('put the page’s last change, not the build time, in page.updated_at', async () => {
    const { model, bodies } = await fixture();
    const { page, status } = statuspageSnapshot(model, bodies);
    expect(page).toEqual({ id: statuspageId('page', 'https://status.example.org/'), name: 'Example Status', url: 'https://status.example.org/', time_zone: 'Europe/Berlin', updated_at: '2026-11-20T22:45:00+01:00' });
    expect(status).toEqual({ indicator: 'minor', description: 'Partially Degraded Service' });
  });

  it('match the Statuspage shapes, every one of them', async () => {
    const { model, bodies } = await fixture();
    const documents = statuspageDocuments(statuspageSnapshot(model, bodies));
    expect(Object.keys(documents).sort()).toEqual([...STATUSPAGE_DOCUMENT_PATHS].sort());
    for (const path of STATUSPAGE_DOCUMENT_PATHS) expect(schemaErrors('statuspage-v2.schema.json', documents[path], path), path).toEqual([]);
  });

  it('would be caught by the schema if a value left Statuspage’s sets or a field went missing', async () => {
    const { model, bodies } = await fixture();
    const { page, components } = statuspageDocuments(statuspageSnapshot(model, bodies))['components.json'] as { page: object; components: Record<string, unknown>[] };
    const broken = { page, components: [{ ...components[1], status: 'degraded' }, { ...components[3], group_id: undefined }] };
    expect(schemaErrors('statuspage-v2.schema.json', JSON.parse(JSON.stringify(broken)), 'components.json')).toEqual([
      expect.stringMatching(/^\/components\/0\/status: must be equal to one of the allowed values/),
      expect.stringMatching(/^\/components\/1: must have required property 'group_id'/),
    ]);
  });

  it('list upcoming maintenance in the summary and in upcoming.json, none in active.json', async () => {
    const { model, bodies } = await fixture();
    const documents = statuspageDocuments(statuspageSnapshot(model, bodies)) as Record<string, { scheduled_maintenances?: { name: string }[] }>;
    expect(documents['summary.json']!.scheduled_maintenances!.map((entry) => entry.name)).toEqual(['REST API upgrade']);
    expect(documents['scheduled-maintenances/upcoming.json']!.scheduled_maintenances!.map((entry) => entry.name)).toEqual(['REST API upgrade']);
    expect(documents['scheduled-maintenances/active.json']!.scheduled_maintenances).toEqual([]);
  });

  it('cap incidents.json at Statuspage’s 50 most recent, newest first', async () => {
    const { model, bodies } = await fixture();
    const many = Array.from({ length: 60 }, (_, index) =>
      incident({ id: `INC-202601${String(1 + Math.floor(index / 3)).padStart(2, '0')}-00${(index % 3) + 1}`, severity: 'P4', started: new Date(Date.parse('2026-01-01T10:00:00Z') + index * 86_400_000 / 3).toISOString(), resolved: new Date(Date.parse('2026-01-01T10:30:00Z') + index * 86_400_000 / 3).toISOString(), services: [{ id: 'web', impact: 'degraded' }] }),
    );
    const documents = statuspageDocuments(statuspageSnapshot({ ...model, incidents: many }, bodies)) as Record<string, { incidents?: { started_at: string }[] }>;
    const listed = documents['incidents.json']!.incidents!;
    expect(listed).toHaveLength(STATUSPAGE_LIST_LIMIT);
    expect(listed.map((entry) => Date.parse(entry.started_at))).toEqual(listed.map((entry) => Date.parse(entry.started_at)).sort((a, b) => b - a));
    expect(schemaErrors('statuspage-v2.schema.json', documents['incidents.json'], 'incidents.json')).toEqual([]);
  });
});
