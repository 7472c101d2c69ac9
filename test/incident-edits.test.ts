// Appending updates, resolving and reopening an incident file, with the check's rules applied first.
import { describe, expect, it } from 'vitest';
import { addUpdate, keptStatus, resolveIncident, type UpdateRequest } from '../src/lib/edits/incident-edits.ts';
import { incidentSchema, type Incident } from '../src/schemas/incident.ts';
import { parseMarkdownFile } from '../src/validation/yaml-source.ts';

const FILE = `---
id: INC-20261125-001
title: API gateway returning 502 errors
severity: P1
started: 2026-11-25T21:10:00+08:00
detected: 2026-11-25T21:14:00+08:00
services:
  - id: api-gateway
    impact: partial_outage
  - id: agent-coordinator
    impact: degraded
updates:
  - at: 2026-11-25T21:18:00+08:00
    status: investigating
    message: Investigating.
---
Summary.
`;

function parsed(text: string): Incident {
  const result = parseMarkdownFile('index.md', text);
  if (!result.ok) throw new Error('does not parse');
  return incidentSchema.parse(result.source.data);
}

const at = (local: string) => Date.parse(`${local}+08:00`);
const request = (overrides: Partial<UpdateRequest>): UpdateRequest => ({
  status: 'fixing',
  message: 'Rolling back.',
  atMs: at('2026-11-25T22:00:00'),
  timeZone: 'Asia/Shanghai',
  recovered: [],
  postmortemPublished: false,
  ...overrides,
});

function edited(text: string, overrides: Partial<UpdateRequest>): string {
  const result = addUpdate(text, parsed(text), request(overrides));
  if (!result.ok) throw new Error(result.error);
  return result.text;
}

describe('adding an update', () => {
  it('appends it at the end of updates with the site’s offset', () => {
    const text = edited(FILE, {});
    expect(text).toBe(FILE.replace('    message: Investigating.\n', '    message: Investigating.\n  - at: 2026-11-25T22:00:00+08:00\n    status: fixing\n    message: Rolling back.\n'));
    expect(parsed(text).updates.map((update) => update.status)).toEqual(['investigating', 'fixing']);
  });

  it('ends the recovered services’ windows now', () => {
    const text = edited(FILE, { status: 'monitoring', recovered: ['api-gateway'] });
    expect(parsed(text).services.map((service) => service.end?.toISOString())).toEqual(['2026-11-25T14:00:00.000Z', undefined]);
  });

  it('adds the resolved instant with a resolved update, and removes it when reopened', () => {
    const resolved = edited(FILE, { status: 'resolved' });
    expect(parsed(resolved).resolved?.toISOString()).toBe('2026-11-25T14:00:00.000Z');
    const reopened = edited(resolved, { status: 'reopened', atMs: at('2026-11-25T22:30:00') });
    expect(parsed(reopened).resolved).toBeUndefined();
    const again = resolveIncident(reopened, parsed(reopened), request({ atMs: at('2026-11-25T23:00:00') }));
    expect(again.ok && parsed(again.text).resolved?.toISOString()).toBe('2026-11-25T15:00:00.000Z');
  });

  it('refuses a status going backwards, closing without a published postmortem, and an update before the last', () => {
    const incident = parsed(edited(FILE, {}));
    const text = edited(FILE, {});
    expect(addUpdate(text, incident, request({ status: 'investigating', atMs: at('2026-11-25T22:10:00') }))).toEqual({
      ok: false,
      error: 'status: "investigating" cannot follow "fixing" (expected statuses to move forward: detecting, investigating, fixing, monitoring, resolved, closed; use "reopened" to go back after resolved)',
    });
    expect(addUpdate(text, incident, request({ status: 'closed' }))).toMatchObject({ ok: false, error: expect.stringContaining('"closed" is for when the postmortem is published') });
    expect(addUpdate(text, incident, request({ atMs: at('2026-11-25T21:00:00') }))).toEqual({
      ok: false,
      error: 'at: 2026-11-25T21:00:00+08:00 is before the latest update 2026-11-25T22:00:00+08:00 (expected updates in time order)',
    });
  });

  it('refuses to mark a service recovered that is not affected or already recovered', () => {
    expect(addUpdate(FILE, parsed(FILE), request({ recovered: ['cache'] }))).toEqual({ ok: false, error: 'recovered: "cache" is not affected by INC-20261125-001 (expected one of: api-gateway, agent-coordinator)' });
    const once = edited(FILE, { status: 'monitoring', recovered: ['api-gateway'] });
    expect(addUpdate(once, parsed(once), request({ status: 'monitoring', recovered: ['api-gateway'], atMs: at('2026-11-25T22:30:00') }))).toEqual({
      ok: false,
      error: 'recovered: "api-gateway" already has an end (expected one of the services still affected: agent-coordinator)',
    });
  });

  it('refuses to resolve an incident that is already resolved', () => {
    const resolved = edited(FILE, { status: 'resolved' });
    expect(resolveIncident(resolved, parsed(resolved), request({ atMs: at('2026-11-25T23:00:00') }))).toMatchObject({ ok: false, error: expect.stringContaining('is already resolved') });
  });
});

describe('a note that keeps the status', () => {
  it('keeps each status, and after reopened the investigating it ranks with, never a later one', () => {
    const statuses = ['detecting', 'investigating', 'fixing', 'monitoring', 'resolved', 'closed', 'reopened'] as const;
    expect(statuses.map(keptStatus)).toEqual(['detecting', 'investigating', 'fixing', 'monitoring', 'resolved', 'closed', 'investigating']);
  });

  it('is accepted after each status it keeps', () => {
    const reopened = edited(edited(FILE, { status: 'resolved' }), { status: 'reopened', atMs: at('2026-11-25T22:30:00') });
    const note = edited(reopened, { status: keptStatus('reopened'), atMs: at('2026-11-25T22:40:00') });
    expect(parsed(note).updates.map((update) => update.status)).toEqual(['investigating', 'resolved', 'reopened', 'investigating']);
    expect(parsed(note).resolved).toBeUndefined();
  });
});
