// The offered update messages: the seeds' incident and resolution notices, in English and Chinese.
import { describe, expect, it } from 'vitest';
import { fillTemplate, UPDATE_TEMPLATES, updateMessage, type TemplateContext } from '../src/lib/edits/update-templates.ts';
import { INCIDENT_STATUSES } from '../src/schemas/incident.ts';
import { severityLevelSchema } from '../src/schemas/severity.ts';
import { serviceSchema } from '../src/schemas/service.ts';
import { incident } from './helpers/records.ts';

const services = [
  serviceSchema.parse({ id: 'api-gateway', name: 'API gateway', group: 'core', rto: '5m', rpo: '1m', availability: '99.95%' }),
  serviceSchema.parse({ id: 'cache', name: 'Cache', group: 'data', rto: '5m', rpo: '0m', availability: '99.5%' }),
];
const level = severityLevelSchema.parse({ id: 'P1', name: 'High', meaning: 'Core features down.', responseTime: '30m', resolutionTime: '4h', updateCadence: '1h', postmortemDue: '48h', monitoringAfterRecovery: '2h' });
const open = {
  ...incident({ severity: 'P1', started: '2026-11-25T21:10:00+08:00', detected: '2026-11-25T21:14:00+08:00', services: [{ id: 'api-gateway', impact: 'partial_outage' }, { id: 'cache', impact: 'degraded' }] }),
  commander: '@lisi',
  impact: 'About 30% of API requests fail with HTTP 502',
};
const context: TemplateContext = { incident: open, services, level, timeZone: 'Asia/Shanghai', atMs: Date.parse('2026-11-25T21:18:00+08:00') };

describe('update templates', () => {
  it('has a template for every status in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const status of INCIDENT_STATUSES) expect(UPDATE_TEMPLATES[locale][status].length, `${locale} ${status}`).toBeGreaterThan(0);
    }
  });

  it('fills the incident notice: progress, level, services, start, commander, impact, next update at the severity’s cadence', () => {
    expect(updateMessage('investigating', context, 'en')).toBe(
      'We are investigating a problem and working to restore service as quickly as possible. Severity: P1. Affected services: API gateway, Cache. Started: 2026-11-25 21:10 (UTC+8). Incident commander: @lisi. User impact: About 30% of API requests fail with HTTP 502. Next update by 22:18 (UTC+8).',
    );
  });

  it('fills the Chinese incident notice after seed 001’s fields', () => {
    expect(updateMessage('fixing', context, 'zh-CN')).toBe(
      '我们已定位问题原因，正在修复。事故级别：P1。影响范围：API gateway、Cache。开始时间：2026-11-25 21:10 (UTC+8)。负责人：@lisi。用户影响：About 30% of API requests fail with HTTP 502。下次更新：22:18 (UTC+8)前。',
    );
  });

  it('fills the resolution notice with resolution time and duration', () => {
    const resolved = { ...context, atMs: Date.parse('2026-11-25T23:05:00+08:00'), resolvedMs: Date.parse('2026-11-25T23:05:00+08:00') };
    expect(updateMessage('resolved', resolved, 'en')).toBe(
      'This incident has been resolved and service is working normally again. Severity: P1. Affected services: API gateway, Cache. Started: 2026-11-25 21:10 (UTC+8). Resolved: 23:05 (UTC+8). Duration: 1 h 55 min. Incident commander: @lisi. User impact: About 30% of API requests fail with HTTP 502. The root cause and our improvements will follow in the postmortem. We are sorry for the disruption.',
    );
    expect(updateMessage('resolved', resolved, 'zh-CN')).toContain('解决时间：23:05 (UTC+8)。持续时间：1 小时 55 分钟。');
  });

  it('links the published postmortem when closing', () => {
    expect(updateMessage('closed', { ...context, postmortemUrl: 'https://status.example.com/postmortems/INC-20261125-001/' }, 'en')).toBe(
      'The postmortem for this incident has been published, with the root cause and what we are changing. Read it at https://status.example.com/postmortems/INC-20261125-001/',
    );
  });

  it('leaves out a sentence whose value is missing rather than publishing a blank', () => {
    const bare = { ...context, incident: { ...open, commander: undefined, impact: undefined } };
    const message = updateMessage('monitoring', bare, 'en');
    expect(message).not.toContain('commander');
    expect(message).not.toContain('User impact');
    expect(fillTemplate(['A {services}.', 'B.'], {}, 'en')).toBe('B.');
  });

  it('spaces Chinese sentences only after Latin text', () => {
    expect(fillTemplate(['用户影响：{impact}', '下次更新：{nextUpdate}前。'], { impact: 'Sign-ins fail', nextUpdate: '10:00' }, 'zh-CN')).toBe('用户影响：Sign-ins fail。下次更新：10:00前。');
    expect(fillTemplate(['用户影响：{impact}', '下次更新：{nextUpdate}前。'], { impact: 'Sign-ins fail.', nextUpdate: '10:00' }, 'zh-CN')).toBe('用户影响：Sign-ins fail. 下次更新：10:00前。');
  });
});
