// An open incident's card says what each service is like now, in step with the banner and the service rows.
import { describe, expect, it } from 'vitest';
import { servicesOnCard } from '../src/lib/status/status-page.ts';
import { incident } from './helpers/records.ts';

describe('the services on an open incident’s card', () => {
  const monitoring = incident({
    started: '2026-11-27T09:30:00+08:00',
    services: [
      { id: 'database', impact: 'major_outage', end: '2026-11-27T10:20:00+08:00' },
      { id: 'queue', impact: 'partial_outage' },
    ],
    updates: [
      { at: '2026-11-27T09:35:00+08:00', status: 'investigating' },
      { at: '2026-11-27T10:25:00+08:00', status: 'monitoring' },
    ],
  });

  it('shows a service whose window has ended as recovered, with the time, and the others with their impact', () => {
    expect(servicesOnCard(monitoring, Date.parse('2026-11-27T10:40:00+08:00'))).toEqual([
      { id: 'database', impact: 'major_outage', recoveredAt: Date.parse('2026-11-27T02:20:00Z') },
      { id: 'queue', impact: 'partial_outage' },
    ]);
  });

  it('shows a service as impaired before its recovery time has come', () => {
    expect(servicesOnCard(monitoring, Date.parse('2026-11-27T10:00:00+08:00'))[0]).toEqual({ id: 'database', impact: 'major_outage' });
  });
});
