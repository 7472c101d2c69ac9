// Resolving before the level's monitoring period after the last recovery has run out is pointed out to the comms lead.
import { describe, expect, it } from 'vitest';
import { lastRecoveryMs, monitoringShortfallMs } from '../src/lib/incidents/monitoring-period.ts';
import { copyOf, runScript, VALID_FIXTURE } from './helpers/sites.ts';
import { incident } from './helpers/records.ts';

const MIN = 60_000;

describe('the last recovery before a resolution', () => {
  const base = { started: '2026-11-27T09:00:00Z', updates: [{ at: '2026-11-27T09:05:00Z', status: 'investigating' }, { at: '2026-11-27T09:50:00Z', status: 'monitoring' }] };

  it('is the latest service end when every service has one', () => {
    const recovered = incident({ ...base, services: [{ id: 'db', impact: 'major_outage', end: '2026-11-27T09:40:00Z' }, { id: 'api', impact: 'degraded', end: '2026-11-27T09:45:00Z' }] });
    expect(lastRecoveryMs(recovered, [], Date.parse('2026-11-27T10:30:00Z'))).toBe(Date.parse('2026-11-27T09:45:00Z'));
  });

  it('is the monitoring update when a service has no end', () => {
    const watched = incident({ ...base, services: [{ id: 'db', impact: 'major_outage' }] });
    expect(lastRecoveryMs(watched, [], Date.parse('2026-11-27T10:30:00Z'))).toBe(Date.parse('2026-11-27T09:50:00Z'));
  });

  it('counts only the stretch since a reopen: a service still impaired recovers with the resolution, not at a monitoring update before the reopen', () => {
    // api recovered at 09:50 before the first resolution (10:10); db failed again at the reopen (10:40) and is
    // resolved at 11:05 with no monitoring update since: it recovered with the resolution, 0 s before it.
    const reopened = incident({
      started: '2026-11-27T09:00:00Z',
      resolved: '2026-11-27T11:05:00Z',
      services: [{ id: 'api', impact: 'major_outage', end: '2026-11-27T09:50:00Z' }, { id: 'db', impact: 'partial_outage' }],
      updates: [
        { at: '2026-11-27T09:05:00Z', status: 'investigating' },
        { at: '2026-11-27T09:50:00Z', status: 'monitoring' },
        { at: '2026-11-27T10:10:00Z', status: 'resolved' },
        { at: '2026-11-27T10:40:00Z', status: 'reopened' },
        { at: '2026-11-27T11:05:00Z', status: 'resolved' },
      ],
    });
    expect(lastRecoveryMs(reopened, [], Date.parse('2026-11-27T11:05:00Z'))).toBe(Date.parse('2026-11-27T11:05:00Z'));
    // A monitoring update after the reopen is when the team saw db come back.
    const watchedAgain = incident({
      started: '2026-11-27T09:00:00Z',
      services: [{ id: 'api', impact: 'major_outage', end: '2026-11-27T09:50:00Z' }, { id: 'db', impact: 'partial_outage' }],
      updates: [
        { at: '2026-11-27T09:05:00Z', status: 'investigating' },
        { at: '2026-11-27T10:10:00Z', status: 'resolved' },
        { at: '2026-11-27T10:40:00Z', status: 'reopened' },
        { at: '2026-11-27T10:50:00Z', status: 'monitoring' },
      ],
    });
    expect(lastRecoveryMs(watchedAgain, [], Date.parse('2026-11-27T11:05:00Z'))).toBe(Date.parse('2026-11-27T10:50:00Z'));
  });

  it('is the resolution itself when services recover with it', () => {
    const watched = incident({ ...base, services: [{ id: 'db', impact: 'major_outage' }] });
    expect(lastRecoveryMs(watched, ['db'], Date.parse('2026-11-27T10:30:00Z'))).toBe(Date.parse('2026-11-27T10:30:00Z'));
  });
});

describe('the monitoring shortfall', () => {
  it('is what is left of the period: 40 minutes watched of 60 leaves 20', () => {
    expect(monitoringShortfallMs(0, 40 * MIN, 60 * MIN)).toBe(20 * MIN);
  });

  it('is zero once the period has passed', () => {
    expect(monitoringShortfallMs(0, 61 * MIN, 60 * MIN)).toBe(0);
  });
});

describe('resolve', () => {
  it('says when an incident is resolved before its monitoring period, and resolves it all the same', async () => {
    const root = await copyOf(VALID_FIXTURE);
    // INC-20261120-001 is a P4 (30 minutes of monitoring after recovery, in the fixture's severity.yaml); web recovers at the resolution itself.
    const result = runScript('resolve.ts', ['--root', root, 'INC-20261120-001', '--recovered', 'web', '--message', 'Fast again.', '--now', '2026-11-26T10:00:00Z']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('resolve: note: INC-20261120-001 was resolved 0 s after its last recovery');
    expect(result.stderr).toContain('P4 asks for 30 min of monitoring first (monitoringAfterRecovery in content/severity.yaml). It is resolved all the same; reopen it if the problem returns.');
  });
});
