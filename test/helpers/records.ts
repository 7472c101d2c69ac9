// Builds schema-checked records for unit tests from the same text a team would write.
import { incidentSchema, type Incident } from '../../src/schemas/incident.ts';
import { maintenanceSchema, type Maintenance } from '../../src/schemas/maintenance.ts';
import { postmortemSchema, type Postmortem } from '../../src/schemas/postmortem.ts';

interface IncidentText {
  id?: string;
  severity?: string;
  started: string;
  detected?: string;
  resolved?: string;
  dataLoss?: string;
  /** The maintenance window whose planned work caused the incident. */
  maintenance?: string;
  services: { id: string; impact: 'degraded' | 'partial_outage' | 'major_outage'; start?: string; end?: string; dataLoss?: string }[];
  updates?: { at: string; status: string; message?: string }[];
}

export function incident(text: IncidentText): Incident {
  const updates = text.updates ?? [
    { at: text.detected ?? text.started, status: 'investigating' },
    ...(text.resolved ? [{ at: text.resolved, status: 'resolved' }] : []),
  ];
  return incidentSchema.parse({
    id: text.id ?? 'INC-20260101-001',
    title: 'Test incident',
    severity: text.severity ?? 'P2',
    started: text.started,
    detected: text.detected ?? text.started,
    ...(text.resolved ? { resolved: text.resolved } : {}),
    ...(text.dataLoss ? { dataLoss: text.dataLoss } : {}),
    ...(text.maintenance ? { maintenance: text.maintenance } : {}),
    services: text.services,
    updates: updates.map((update) => ({ message: 'Update.', ...update })),
  });
}

export function maintenance(start: string, end: string, services: string[], cancelled = false, announced?: { id?: string; impact?: 'degraded' | 'partial_outage' | 'major_outage' }): Maintenance {
  return maintenanceSchema.parse({ id: announced?.id ?? 'window', title: 'Maintenance', start, end, services, cancelled, ...(announced?.impact ? { impact: announced.impact } : {}) });
}

/** A minimal valid postmortem of `incidentId` whose action items (under `list`) are `items`, for tests of what the record owes. */
export function postmortem(incidentId: string, status: 'draft' | 'in_review' | 'published', items: { id: string; due: string; status: string; priority?: string }[] = [], list: { under: 'immediate' | 'longTerm'; owner: string } = { under: 'immediate', owner: 'o' }): Postmortem {
  return postmortemSchema.parse({
    incident: incidentId, title: 'T', severity: 'P0', commander: 'c', scope: { features: ['f'], users: 'u' }, userImpact: 'i', author: 'a', date: '2026-11-01', status,
    timeline: [{ at: '2026-11-01T00:00:00Z', event: 'e' }],
    rootCause: { direct: 'd', root: 'r' },
    impact: { business: { affectedUsers: 'all' }, technical: { services: ['api'], dataLoss: { lost: false } } },
    response: { actions: ['a'], fix: 'f', verification: 'v' },
    lessons: { wentWell: ['w'], wentBadly: ['b'] },
    actionItems: { [list.under]: items.map((item) => ({ description: 'd', owner: list.owner, acceptance: 'a', priority: 'medium', ...item })) },
  });
}
