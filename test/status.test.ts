import { describe, expect, it } from 'vitest';
import { overallState, serviceStatesNow, serviceStateAt } from '../src/lib/status/status.ts';
import { incident, maintenance } from './helpers/records.ts';

const now = Date.parse('2026-11-26T10:00:00Z');

describe('a service’s current state', () => {
  it('is operational with no incidents', () => {
    expect(serviceStateAt('api', [], [], now)).toBe('operational');
  });

  it('takes the worst impact among overlapping open incidents', () => {
    const degraded = incident({ id: 'INC-20261126-001', started: '2026-11-26T08:00:00Z', services: [{ id: 'api', impact: 'degraded' }] });
    const partial = incident({ id: 'INC-20261126-002', started: '2026-11-26T09:00:00Z', services: [{ id: 'api', impact: 'partial_outage' }] });
    expect(serviceStateAt('api', [degraded, partial], [], now)).toBe('partial_outage');
    expect(serviceStateAt('db', [degraded, partial], [], now)).toBe('operational');
  });

  it('is operational again once its own impact ended, while the incident is still monitored', () => {
    const monitoring = incident({
      started: '2026-11-26T08:00:00Z',
      services: [{ id: 'api', impact: 'major_outage', end: '2026-11-26T09:00:00Z' }],
      updates: [
        { at: '2026-11-26T08:00:00Z', status: 'investigating' },
        { at: '2026-11-26T09:00:00Z', status: 'monitoring' },
      ],
    });
    expect(serviceStateAt('api', [monitoring], [], now)).toBe('operational');
  });

  it('ignores resolved incidents', () => {
    const past = incident({ started: '2026-11-25T08:00:00Z', resolved: '2026-11-25T09:00:00Z', services: [{ id: 'api', impact: 'major_outage' }] });
    expect(serviceStateAt('api', [past], [], now)).toBe('operational');
  });

  it('is under maintenance inside a window, but an outage outranks it', () => {
    const window = maintenance('2026-11-26T09:00:00Z', '2026-11-26T11:00:00Z', ['db']);
    expect(serviceStateAt('db', [], [window], now)).toBe('maintenance');
    expect(serviceStateAt('db', [], [window], Date.parse('2026-11-26T11:00:00Z'))).toBe('operational');
    const outage = incident({ started: '2026-11-26T09:30:00Z', services: [{ id: 'db', impact: 'degraded' }] });
    expect(serviceStateAt('db', [outage], [window], now)).toBe('degraded');
  });
});

describe('the overall banner', () => {
  it('is operational when every service is', () => {
    expect(overallState(['operational', 'operational'])).toBe('operational');
  });
  it('shows maintenance only when nothing is worse', () => {
    expect(overallState(['operational', 'maintenance'])).toBe('maintenance');
    expect(overallState(['degraded', 'maintenance'])).toBe('degraded');
  });
  it('is a major outage when any service has one', () => {
    expect(overallState(['partial_outage', 'major_outage', 'degraded'])).toBe('major_outage');
  });
});

describe('every service’s state now', () => {
  it('is computed for each service of the record at its now', () => {
    const outage = incident({ started: '2026-11-26T09:00:00Z', services: [{ id: 'api', impact: 'major_outage' }] });
    const services = ['api', 'db'].map((id) => ({ id, name: id, group: 'core', rto: 0, rpo: 0, availability: 99.9 }));
    const states = serviceStatesNow({ services, incidents: [outage], maintenance: [maintenance('2026-11-26T09:00:00Z', '2026-11-26T11:00:00Z', ['db'])], nowMs: now });
    expect([...states]).toEqual([
      ['api', 'major_outage'],
      ['db', 'maintenance'],
    ]);
  });
});
