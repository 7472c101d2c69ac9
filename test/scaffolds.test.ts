// New incident, postmortem and maintenance files: valid against their schemas and laid out for people.
import { describe, expect, it } from 'vitest';
import { incidentMarkdown } from '../src/lib/edits/incident-scaffold.ts';
import { maintenanceMarkdown, maintenanceNotes } from '../src/lib/edits/maintenance-scaffold.ts';
import { draftTimeline, firstSentence, postmortemMarkdown } from '../src/lib/edits/postmortem-scaffold.ts';
import { incidentSchema, type Incident } from '../src/schemas/incident.ts';
import { maintenanceSchema } from '../src/schemas/maintenance.ts';
import { postmortemSchema } from '../src/schemas/postmortem.ts';
import { serviceSchema } from '../src/schemas/service.ts';
import { validateSource } from '../src/validation/schema-issues.ts';
import { parseMarkdownFile } from '../src/validation/yaml-source.ts';
import type { z } from 'zod';

function validated<S extends z.ZodType>(schema: S, text: string): z.output<S> {
  const parsed = parseMarkdownFile('file.md', text);
  if (!parsed.ok) throw new Error(parsed.problems.map((problem) => problem.message).join('\n'));
  const result = validateSource(schema, parsed.source);
  if (!result.ok) throw new Error(result.problems.map((problem) => `${problem.field}: ${problem.message}`).join('\n'));
  return result.data;
}

const services = [serviceSchema.parse({ id: 'auth', name: 'User authentication', group: 'core', rto: '5m', rpo: '1m', availability: '99.95%' })];
const at = (local: string) => Date.parse(`${local}+08:00`);

describe('a new incident file', () => {
  const text = incidentMarkdown({
    id: 'INC-20261126-001',
    title: 'Sign-in: failing for some users',
    severity: 'P2',
    startedMs: at('2026-11-26T08:50:00'),
    detectedMs: at('2026-11-26T09:00:00'),
    timeZone: 'Asia/Shanghai',
    commander: '@lisi',
    impact: 'About 10% of sign-ins fail.',
    services: [{ id: 'auth', impact: 'major_outage' }],
    firstUpdate: { status: 'investigating', message: 'We are investigating.', atMs: at('2026-11-26T09:00:00') },
    summary: 'About 10% of sign-ins fail.',
  });

  it('is laid out like the README’s example, quoting only where YAML needs it', () => {
    expect(text).toBe(`---
id: INC-20261126-001
title: "Sign-in: failing for some users"
severity: P2
started: 2026-11-26T08:50:00+08:00
detected: 2026-11-26T09:00:00+08:00
commander: "@lisi"
impact: About 10% of sign-ins fail.
services:
  - id: auth
    impact: major_outage
updates:
  - at: 2026-11-26T09:00:00+08:00
    status: investigating
    message: We are investigating.
---
About 10% of sign-ins fail.
`);
  });

  it('passes the incident schema', () => {
    expect(validated(incidentSchema, text).updates).toHaveLength(1);
  });
});

describe('a postmortem drafted from its incident', () => {
  const incident: Incident = incidentSchema.parse({
    id: 'INC-20261126-001',
    title: 'Sign-in failing',
    severity: 'P2',
    started: '2026-11-26T08:50:00+08:00',
    detected: '2026-11-26T09:00:00+08:00',
    resolved: '2026-11-26T10:00:00+08:00',
    dataLoss: '2m',
    commander: '@lisi',
    services: [{ id: 'auth', impact: 'major_outage', end: '2026-11-26T09:45:00+08:00' }],
    updates: [
      { at: '2026-11-26T09:05:00+08:00', status: 'investigating', message: 'We are investigating. Next update by 10:05.' },
      { at: '2026-11-26T10:00:00+08:00', status: 'resolved', message: '事故已解决，服务已恢复正常。事故级别：P2。' },
    ],
  });

  it('fills the timeline from start, detection, recovery and every update, oldest first', () => {
    expect(draftTimeline(incident, services, 'Asia/Shanghai', 'en')).toEqual([
      { at: '2026-11-26T08:50:00+08:00', event: 'Users first affected' },
      { at: '2026-11-26T09:00:00+08:00', event: 'Problem detected' },
      { at: '2026-11-26T09:05:00+08:00', event: 'Investigating: We are investigating.', owner: '@lisi' },
      { at: '2026-11-26T09:45:00+08:00', event: 'User authentication recovered' },
      { at: '2026-11-26T10:00:00+08:00', event: 'Resolved: 事故已解决，服务已恢复正常。', owner: '@lisi' },
    ]);
  });

  it('passes the postmortem schema as a draft with the basic facts and data loss filled in', () => {
    const postmortem = validated(postmortemSchema, postmortemMarkdown({ incident, services, author: '@wangwu', date: '2026-11-27', timeZone: 'Asia/Shanghai', locale: 'en' }));
    expect(postmortem).toMatchObject({ incident: 'INC-20261126-001', severity: 'P2', commander: '@lisi', author: '@wangwu', date: '2026-11-27', status: 'draft', scope: { features: ['User authentication'] } });
    expect(postmortem.impact.technical).toEqual({ services: ['auth'], dataLoss: { lost: true, window: 120_000 } });
    expect(postmortem.timeline).toHaveLength(5);
  });

  it('marks what is left to write in the chosen language', () => {
    const chinese = postmortemMarkdown({ incident, services, author: '@wangwu', date: '2026-11-27', timeZone: 'Asia/Shanghai', locale: 'zh-CN' });
    expect(validated(postmortemSchema, chinese).rootCause.direct).toBe('待填写：直接原因');
    expect(chinese).toContain('event: 用户开始受到影响');
    expect(chinese).toContain('# Root cause analysis (根因分析)');
  });

  it('keeps a message’s first sentence, not cutting at a decimal point', () => {
    expect(firstSentence('Availability fell to 99.5% today. More later.')).toBe('Availability fell to 99.5% today.');
    expect(firstSentence('No full stop')).toBe('No full stop');
  });
});

describe('a new maintenance window file', () => {
  it('passes the maintenance schema with notes in the site’s language', () => {
    const start = at('2026-12-10T02:00:00');
    const end = at('2026-12-10T04:00:00');
    const notes = maintenanceNotes(['Cache'], start, end, 'Asia/Shanghai', 'zh-CN');
    expect(notes).toBe('我们将于 2026-12-10 02:00 (UTC+8) 至 04:00 (UTC+8) 对Cache进行计划维护。维护开始和结束时我们会在此发布通知。');
    const text = maintenanceMarkdown({ id: '2026-12-10-cache-upgrade', title: 'Cache upgrade', startMs: start, endMs: end, timeZone: 'Asia/Shanghai', services: ['cache'], impact: 'degraded', notes });
    expect(validated(maintenanceSchema, text)).toMatchObject({ id: '2026-12-10-cache-upgrade', services: ['cache'], impact: 'degraded', cancelled: false });
  });
});
