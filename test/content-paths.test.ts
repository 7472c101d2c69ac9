// Where new content goes: incident ids by local date, folders, maintenance ids.
import { describe, expect, it } from 'vitest';
import { incidentFile, maintenanceId, nextIncidentId, postmortemFile, slugOf } from '../src/lib/edits/content-paths.ts';

describe('incident ids', () => {
  const existing = ['INC-20261125-001', 'INC-20261125-002', 'INC-20261124-001'];

  it('takes the next free number of the start’s local date', () => {
    expect(nextIncidentId(existing, Date.parse('2026-11-25T13:00:00Z'), 'Asia/Shanghai')).toBe('INC-20261125-003');
  });

  it('starts a new day at 001, by the site’s clock, not UTC', () => {
    // 16:30 UTC on the 25th is 00:30 on the 26th in Shanghai
    expect(nextIncidentId(existing, Date.parse('2026-11-25T16:30:00Z'), 'Asia/Shanghai')).toBe('INC-20261126-001');
    expect(nextIncidentId(existing, Date.parse('2026-11-25T16:30:00Z'), 'UTC')).toBe('INC-20261125-003');
  });

  it('never reuses a number below the highest, even with a gap', () => {
    expect(nextIncidentId(['INC-20261125-003'], Date.parse('2026-11-25T13:00:00Z'), 'Asia/Shanghai')).toBe('INC-20261125-004');
  });

  it('puts the files under the id’s year', () => {
    expect(incidentFile('INC-20270101-001')).toBe('incidents/2027/INC-20270101-001/index.md');
    expect(postmortemFile('INC-20261125-001')).toBe('incidents/2026/INC-20261125-001/postmortem.md');
  });
});

describe('maintenance ids', () => {
  const start = Date.parse('2026-12-05T17:00:00Z'); // 01:00 on 6 December in Shanghai

  it('joins the local start date and the title’s words', () => {
    expect(maintenanceId(start, 'Asia/Shanghai', 'File storage: migration to the new cluster!', new Set())).toBe('2026-12-06-file-storage-migration-to-the-new');
  });

  it('falls back to "maintenance" for a title without ASCII words, and numbers a taken id', () => {
    expect(slugOf('数据库升级')).toBe('');
    expect(maintenanceId(start, 'Asia/Shanghai', '数据库升级', new Set(['2026-12-06-maintenance']))).toBe('2026-12-06-maintenance-2');
  });
});
