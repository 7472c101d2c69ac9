import { describe, expect, it } from 'vitest';
import type { RecordWarning } from '../src/validation/record-warnings.ts';
import { fieldLinesIn, warningLines, WARNINGS_SHOWN_PER_KIND } from '../src/validation/warning-lines.ts';
import { VALID_FIXTURE } from './helpers/sites.ts';

const overdue = (index: number): RecordWarning => ({
  kind: 'postmortem-overdue',
  file: `incidents/2026/INC-202611${String(index).padStart(2, '0')}-001/index.md`,
  at: ['resolved'],
  message: `postmortem ${index} d past due`,
});

describe('the printed warnings', () => {
  const update: RecordWarning = { kind: 'update-overdue', file: 'incidents/2026/INC-20261120-001/index.md', at: ['updates', 0, 'at'], message: 'open incident not updated for 5 d 14 h, 100% late' };

  it('mark each as a warning, with its file, line and field', () => {
    expect(warningLines([update], () => 11, 'text')).toEqual(['warning: incidents/2026/INC-20261120-001/index.md:11: updates[0].at: open incident not updated for 5 d 14 h, 100% late']);
  });

  it('are GitHub warning annotations with --format github, escaped as the errors are', () => {
    expect(warningLines([update], () => 11, 'github')).toEqual(['::warning file=incidents/2026/INC-20261120-001/index.md,line=11,title=updates[0].at::updates[0].at: open incident not updated for 5 d 14 h, 100%25 late']);
  });

  it(`list ${WARNINGS_SHOWN_PER_KIND} of a kind and count the rest in one line, placing only the listed ones`, () => {
    const placed: string[] = [];
    const lines = warningLines([...Array.from({ length: 52 }, (_, index) => overdue(index + 1)), update], (file) => {
      placed.push(file);
      return 7;
    }, 'text');
    expect(lines).toHaveLength(1 + 50 + 1);
    expect(lines[0]).toContain('updates[0].at');
    expect(lines[50]).toBe('warning: incidents/2026/INC-20261150-001/index.md:7: resolved: postmortem 50 d past due');
    expect(lines[51]).toBe('warning: 2 more postmortems past due, not listed (the 50 above are the most recently due)');
    expect(placed).toHaveLength(51);
    const github = warningLines(Array.from({ length: 51 }, (_, index) => overdue(index + 1)), () => 7, 'github');
    expect(github.at(-1)).toBe('::warning::1 more postmortem past due, not listed (the 50 above are the most recently due)');
  });
});

describe('the line of a warned field', () => {
  const lineOf = fieldLinesIn(VALID_FIXTURE);

  it('is the line of its key in the file as it is now', () => {
    expect(lineOf('incidents/2026/INC-20261120-001/index.md', ['updates', 0, 'at'])).toBe(11);
    expect(lineOf('incidents/2026/INC-20261115-001/index.md', ['resolved'])).toBe(7);
    expect(lineOf('content/maintenance/2026-12-05-api-upgrade.md', ['end'])).toBe(5);
  });

  it('is 1 for a file that is gone, so the warning still names it', () => {
    expect(lineOf('incidents/2026/INC-20261199-001/index.md', ['resolved'])).toBe(1);
  });
});
