// `npm run check` as the comms lead and CI run it: output lines, annotations and exit codes.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INVALID_FIXTURES, PROJECT, runScript, siteWithCase, VALID_FIXTURE } from './helpers/sites.ts';

const NOW = { AFTERMATH_NOW: '2026-11-26T12:00:00Z' };
const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('npm run check', () => {
  it('exits 0 and says what it checked on a valid site, with what the record still owes', () => {
    const result = runScript('check.ts', ['--root', VALID_FIXTURE], NOW);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('ok: 3 incidents, 1 postmortem, 1 maintenance window, 2 services checked; 2 warnings');
  });

  it('says nothing of warnings when the record owes nothing', () => {
    // 20 November 23:00 in Berlin: the open P4 incident was updated 15 minutes ago; the P3 postmortem is not due yet.
    const result = runScript('check.ts', ['--root', VALID_FIXTURE], { AFTERMATH_NOW: '2026-11-20T22:00:00Z' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('ok: 3 incidents, 1 postmortem, 1 maintenance window, 2 services checked\n');
  });

  it('exits 1 and prints one line per problem as path:line: field: problem', async () => {
    const root = await siteWithCase(path.join(INVALID_FIXTURES, 'status-not-allowed'));
    roots.push(root);
    const result = runScript('check.ts', ['--root', root], NOW);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('incidents/2026/INC-20261120-001/index.md:12: updates[0].status: found "solved" (did you mean "resolved"? expected one of: detecting, investigating, fixing, monitoring, resolved, closed, reopened)\n');
    expect(result.stderr).toBe('1 problem found\n');
  });

  it('prints GitHub annotations with --format github', async () => {
    const root = await siteWithCase(path.join(INVALID_FIXTURES, 'availability-out-of-range'));
    roots.push(root);
    const result = runScript('check.ts', ['--root', root, '--format', 'github'], NOW);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      '::error file=content/services.yaml,line=16,title=services[0].availability::services[0].availability: found "85%25" (expected a percentage between 90 and 100 such as 99.95%25)\n',
    );
  });

  it('exits 2 on an unknown option or format, checking nothing', () => {
    const unknownOption = runScript('check.ts', ['--fromat', 'github'], NOW);
    expect(unknownOption.status).toBe(2);
    expect(unknownOption.stderr).toContain("Unknown option '--fromat'");
    expect(unknownOption.stderr).toContain('usage: npm run check');
    const unknownFormat = runScript('check.ts', ['--format', 'json'], NOW);
    expect(unknownFormat.status).toBe(2);
    expect(unknownFormat.stderr).toContain('unknown format "json" (expected text or github)');
  });

  it('reports an AFTERMATH_NOW without an offset', () => {
    const result = runScript('check.ts', ['--root', VALID_FIXTURE], { AFTERMATH_NOW: '2026-11-26 12:00' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('AFTERMATH_NOW:0: now: found "2026-11-26 12:00" (expected an instant with an offset such as 2026-11-26T12:00:00Z)\n');
  });
});

describe('npm run check on a record that owes its readers something', () => {
  // 1 December 00:30 in Berlin (UTC+1), still 30 November in UTC: the valid site with test/fixtures/warnings laid over
  // it: an open P4 incident last updated on 20 November, a P3 postmortem due on 23 November and not written, a
  // window under way, one that ended at 22:00, one that ended the day before and a cancelled one, and an action
  // item due 30 November.
  const AT = { AFTERMATH_NOW: '2026-11-30T23:30:00Z' };
  let root: string;
  const warnings = [
    'incidents/2026/INC-20261120-001/index.md:11: updates[0].at: open incident (investigating) not updated for 10 d 1 h: P4 asks for an update every 1 d, so one was due by 2026-11-21 22:45 (UTC+1) (expected a new update: npm run new:update -- INC-20261120-001)',
    'content/maintenance/2026-12-01-rest-api-patch.md:4: start: maintenance window started by its schedule at 00:00 (UTC+1) with no update saying so: readers see it under way until 02:00 (UTC+1) (expected npm run maintenance:update -- 2026-12-01-rest-api-patch --action start once the work begins, or --action cancel if it will not run)',
    'content/maintenance/2026-11-30-web-cache-flush.md:5: end: maintenance window ended by its schedule 2 h 30 min ago, at 2026-11-30 22:00 (UTC+1), with no update saying so: readers see it completed (expected npm run maintenance:update -- 2026-11-30-web-cache-flush --action complete --at <when it finished>; if it ran over, record any outage beyond the window as an incident)',
    'incidents/2026/INC-20261115-001/index.md:7: resolved: postmortem 7 d 23 h past due: P3 asks for one within 7 d of resolution, by 2026-11-23 01:30 (UTC+1), and none is written (expected one drafted with npm run new:postmortem -- INC-20261115-001, then published)',
    'incidents/2026/INC-20261110-001/postmortem.md:80: actionItems.longTerm[1].due: action item LI-002 (@ops-lead) still open 1 day after its due date, 2026-11-30 (expected status: done or wont_do, or a later due: agreed with @ops-lead)',
  ];
  const summary = 'ok: 3 incidents, 1 postmortem, 5 maintenance windows, 2 services checked; 5 warnings';

  it('prints each warning on its line, marked as one, and exits 0', async () => {
    root = await siteWithCase(path.join(PROJECT, 'test/fixtures/warnings'));
    roots.push(root);
    const result = runScript('check.ts', ['--root', root], AT);
    expect(result.stdout).toBe([...warnings.map((line) => `warning: ${line}`), summary, ''].join('\n'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('prints them as GitHub warning annotations with --format github', () => {
    const result = runScript('check.ts', ['--root', root, '--format', 'github'], AT);
    const annotations = warnings.map((line) => {
      const [, file, lineNumber, field, message] = /^(.+?):(\d+): (.+?): (.+)$/.exec(line)!;
      return `::warning file=${file},line=${lineNumber},title=${field}::${field}: ${message}`;
    });
    expect(result.stdout).toBe([...annotations, summary, ''].join('\n'));
    expect(result.status).toBe(0);
  });

  it('fails with --strict, saying why', () => {
    const result = runScript('check.ts', ['--root', root, '--strict'], AT);
    expect(result.stdout).toBe([...warnings.map((line) => `warning: ${line}`), summary, ''].join('\n'));
    expect(result.stderr).toBe('5 warnings found, which --strict counts as failing\n');
    expect(result.status).toBe(1);
  });

  it('asks only about what is due at its now', () => {
    // 29 November 12:00 in Berlin: no window has started and the action item is not due yet; the incident's update
    // and the postmortem are late already.
    const result = runScript('check.ts', ['--root', root], { AFTERMATH_NOW: '2026-11-29T11:00:00Z' });
    expect(result.stdout.split('\n').filter((line) => line.startsWith('warning: ')).map((line) => line.split(': ')[1])).toEqual(['incidents/2026/INC-20261120-001/index.md:11', 'incidents/2026/INC-20261115-001/index.md:7']);
    expect(result.status).toBe(0);
  });

  it('passes with --strict when the record owes nothing', () => {
    // 20 November 23:00 in Berlin: the incident was updated 15 minutes ago, and nothing else is due.
    const result = runScript('check.ts', ['--root', root, '--strict'], { AFTERMATH_NOW: '2026-11-20T22:00:00Z' });
    expect(result.stdout).toBe('ok: 3 incidents, 1 postmortem, 5 maintenance windows, 2 services checked\n');
    expect(result.status).toBe(0);
  });

  it('still reports problems alone, exactly as without warnings, when a file is invalid', async () => {
    const broken = await siteWithCase(path.join(INVALID_FIXTURES, 'status-not-allowed'));
    roots.push(broken);
    const result = runScript('check.ts', ['--root', broken, '--strict'], AT);
    expect(result.stdout).not.toContain('warning');
    expect(result.stderr).toBe('1 problem found\n');
    expect(result.status).toBe(1);
  });
});
