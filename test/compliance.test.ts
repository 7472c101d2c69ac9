import { describe, expect, it } from 'vitest';
import { openActionItems, overduePostmortems, postmortemDeadlines } from '../src/lib/postmortems/compliance.ts';
import type { Postmortem } from '../src/schemas/postmortem.ts';
import { severityLevelSchema } from '../src/schemas/severity.ts';
import { incident, postmortem as postmortemOf } from './helpers/records.ts';

const HOUR = 3_600_000;
const levels = [
  severityLevelSchema.parse({ id: 'P0', name: 'Critical', meaning: 'All down.', responseTime: '15m', resolutionTime: '1h', updateCadence: '30m', postmortemDue: '24h', monitoringAfterRecovery: '4h' }),
  severityLevelSchema.parse({ id: 'P2', name: 'Medium', meaning: 'Some down.', responseTime: '2h', resolutionTime: '24h', updateCadence: '2h', postmortemDue: '7d', monitoringAfterRecovery: '1h' }),
];

const postmortem = (incidentId: string, status: 'draft' | 'in_review' | 'published', items: { id: string; due: string; status: string; priority?: string }[] = []): Postmortem => postmortemOf(incidentId, status, items);

describe('a level that needs no postmortem', () => {
  const p4 = severityLevelSchema.parse({ id: 'P4', name: 'Low', meaning: 'Cosmetic.', responseTime: '1d', resolutionTime: '7d', updateCadence: '1d', postmortemDue: 'none', monitoringAfterRecovery: '1h' });
  const low = incident({ id: 'INC-20250101-001', severity: 'P4', started: '2025-01-01T10:00:00Z', resolved: '2025-01-01T12:00:00Z', services: [{ id: 'api', impact: 'degraded' }] });

  it('reads "none" as no deadline at all', () => {
    expect(p4.postmortemDue).toBeNull();
  });

  it('never makes its incidents overdue, however old', () => {
    const deadlines = postmortemDeadlines([low], [], [p4], Date.parse('2026-11-26T00:00:00Z'));
    expect(deadlines).toEqual([]);
    expect(overduePostmortems(deadlines)).toEqual([]);
  });

  it('still refuses a deadline that is neither a duration nor none', () => {
    expect(severityLevelSchema.safeParse({ ...p4, postmortemDue: 'never' }).success).toBe(false);
  });
});

describe('postmortem deadlines', () => {
  const now = Date.parse('2026-11-26T00:00:00Z');
  const p0 = incident({ id: 'INC-20261124-001', severity: 'P0', started: '2026-11-24T10:00:00Z', resolved: '2026-11-24T12:00:00Z', services: [{ id: 'api', impact: 'major_outage' }] });
  const p2 = incident({ id: 'INC-20261124-002', severity: 'P2', started: '2026-11-24T10:00:00Z', resolved: '2026-11-24T12:00:00Z', services: [{ id: 'api', impact: 'degraded' }] });
  const open = incident({ id: 'INC-20261125-001', severity: 'P0', started: '2026-11-25T10:00:00Z', services: [{ id: 'api', impact: 'major_outage' }] });

  it('flags a P0 resolved 36 hours ago without a published postmortem as 12 hours late', () => {
    const deadlines = postmortemDeadlines([p0, p2, open], [postmortem('INC-20261124-001', 'draft')], levels, now);
    expect(overduePostmortems(deadlines).map((deadline) => [deadline.incident.id, deadline.marginMs / HOUR])).toEqual([['INC-20261124-001', 12]]);
  });

  it('lists the most recently due first: a P0 due 10 days ago comes after one due 12 hours ago', () => {
    const older = incident({ id: 'INC-20261114-001', severity: 'P0', started: '2026-11-14T10:00:00Z', resolved: '2026-11-14T12:00:00Z', services: [{ id: 'api', impact: 'major_outage' }] });
    const deadlines = postmortemDeadlines([older, p0], [], levels, now);
    // P0 postmortems are due 24 hours after resolution: Nov 15 12:00 (10.5 days late) and Nov 25 12:00 (12 hours late).
    expect(overduePostmortems(deadlines).map((deadline) => [deadline.incident.id, deadline.marginMs / HOUR])).toEqual([
      ['INC-20261124-001', 12],
      ['INC-20261114-001', 252],
    ]);
  });

  it('gives a P2 its week and leaves open incidents out', () => {
    const deadlines = postmortemDeadlines([p0, p2, open], [], levels, now);
    expect(deadlines.find((deadline) => deadline.incident.id === 'INC-20261124-002')).toMatchObject({ state: 'pending', marginMs: (7 * 24 - 36) * HOUR });
    expect(deadlines.some((deadline) => deadline.incident.id === 'INC-20261125-001')).toBe(false);
  });

  it('counts a published postmortem as done, late or not', () => {
    const deadlines = postmortemDeadlines([p0], [postmortem('INC-20261124-001', 'published')], levels, now);
    expect(deadlines[0]!.state).toBe('published');
  });
});

describe('open action items', () => {
  it('lists undone items overdue first, then by due date, dropping done and won’t-do ones', () => {
    const items = openActionItems(
      [
        postmortem('INC-20261101-001', 'published', [
          { id: 'AI-001', due: '2026-12-10', status: 'open' },
          { id: 'AI-002', due: '2026-11-20', status: 'in_progress' },
          { id: 'AI-003', due: '2026-11-01', status: 'done' },
        ]),
        postmortem('INC-20261102-001', 'published', [
          { id: 'AI-001', due: '2026-11-25', status: 'open' },
          { id: 'AI-002', due: '2026-11-26', status: 'open' },
          { id: 'AI-003', due: '2026-11-02', status: 'wont_do' },
        ]),
      ],
      '2026-11-26',
    );
    expect(items.map(({ item, postmortem: source, overdue }) => `${source.incident} ${item.id} ${overdue ? 'overdue' : 'due'}`)).toEqual([
      'INC-20261101-001 AI-002 overdue',
      'INC-20261102-001 AI-001 overdue',
      'INC-20261102-001 AI-002 due', // due today is not overdue yet
      'INC-20261101-001 AI-001 due',
    ]);
  });
});
