import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES } from '../src/schemas/incident.ts';
import { severityLevelSchema, type SeverityLevel } from '../src/schemas/severity.ts';
import { COMPONENT_STATUS, impactOf, incidentStatusOf, PAGE_STATUS, statuspageId } from '../src/lib/api/statuspage-mapping.ts';

const level = (id: string, statuspageImpact?: string): SeverityLevel =>
  severityLevelSchema.parse({ id, name: id, meaning: 'Test level.', responseTime: '1h', resolutionTime: '4h', updateCadence: '1h', postmortemDue: '48h', monitoringAfterRecovery: '1h', ...(statuspageImpact ? { statuspageImpact } : {}) });

describe('incident statuses in Statuspage’s words', () => {
  it('map every status of ours onto Statuspage’s lifecycle', () => {
    expect(Object.fromEntries(INCIDENT_STATUSES.map((status) => [status, incidentStatusOf(status, true)]))).toEqual({
      detecting: 'investigating',
      investigating: 'investigating',
      fixing: 'identified',
      monitoring: 'monitoring',
      resolved: 'resolved',
      closed: 'postmortem',
      reopened: 'investigating',
    });
  });

  it('read closed as resolved while no postmortem is public', () => {
    expect(incidentStatusOf('closed', false)).toBe('resolved');
  });
});

describe('a severity level’s impact', () => {
  it('is statuspageImpact when the level sets it', () => {
    expect(impactOf('P1', [level('P0', 'critical'), level('P1', 'none')])).toBe('none');
  });

  it('follows the rank otherwise: first critical, second major, the rest minor', () => {
    const levels = ['P1', 'P2', 'P3', 'P4'].map((id) => level(id));
    expect(levels.map((entry) => impactOf(entry.id, levels))).toEqual(['critical', 'major', 'minor', 'minor']);
  });

  it('is minor for a level that does not exist', () => {
    expect(impactOf('P9', [level('P1')])).toBe('minor');
  });
});

describe('states and the rollup', () => {
  it('name component states as Statuspage does', () => {
    expect(COMPONENT_STATUS).toEqual({ operational: 'operational', maintenance: 'under_maintenance', degraded: 'degraded_performance', partial_outage: 'partial_outage', major_outage: 'major_outage' });
  });

  it('word the page rollup as Statuspage words a page in that state', () => {
    expect(PAGE_STATUS.operational).toEqual({ indicator: 'none', description: 'All Systems Operational' });
    expect(PAGE_STATUS.partial_outage).toEqual({ indicator: 'major', description: 'Partial System Outage' });
    expect(PAGE_STATUS.major_outage.indicator).toBe('critical');
    expect(PAGE_STATUS.maintenance.indicator).toBe('maintenance');
  });
});

describe('Statuspage ids', () => {
  it('are 12 lower-case letters and digits, the same on every build', () => {
    expect(statuspageId('component', 'api-gateway')).toMatch(/^[a-z0-9]{12}$/);
    expect(statuspageId('component', 'api-gateway')).toBe(statuspageId('component', 'api-gateway'));
  });

  it('differ between kinds, so a group and a service with one id never collide', () => {
    expect(statuspageId('group', 'core')).not.toBe(statuspageId('component', 'core'));
  });
});
