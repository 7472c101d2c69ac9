// Names in a page's language: a Chinese site's English pages show the English name given under names:, and a
// name only written in Chinese keeps its language so the page can mark it.
import { describe, expect, it } from 'vitest';
import { localizedName } from '../src/lib/model/service-names.ts';
import { servicesFileSchema } from '../src/schemas/service.ts';
import { severityFileSchema } from '../src/schemas/severity.ts';

const services = servicesFileSchema.parse({
  groups: [{ id: 'core', name: '核心服务', names: { en: 'Core services' } }],
  services: [
    { id: 'api', name: 'API 网关', names: { en: 'API gateway' }, group: 'core', rto: '5m', rpo: '1m', availability: '99.9%' },
    { id: 'db', name: '数据库', group: 'core', rto: '5m', rpo: '1m', availability: '99.9%' },
  ],
});

describe('a name in a page’s language', () => {
  it('is the translation under names: on a page in that language', () => {
    expect(localizedName(services.services[0]!, 'en', 'zh-CN')).toEqual({ text: 'API gateway', lang: 'en' });
    expect(localizedName(services.groups[0]!, 'en', 'zh-CN')).toEqual({ text: 'Core services', lang: 'en' });
  });

  it('is name: in the site’s language on the default pages, whatever names: holds', () => {
    expect(localizedName(services.services[0]!, 'zh-CN', 'zh-CN')).toEqual({ text: 'API 网关', lang: 'zh-CN' });
  });

  it('falls back to name:, marked as the site’s language, when no translation is given', () => {
    expect(localizedName(services.services[1]!, 'en', 'zh-CN')).toEqual({ text: '数据库', lang: 'zh-CN' });
  });
});

describe('names: in the files', () => {
  it('is refused empty, or for a language the site does not have, with the expected form', () => {
    const empty = severityFileSchema.safeParse({ scheme: 'P0-P3', levels: [{ id: 'P0', name: '紧急', names: {}, meaning: 'x', responseTime: '15m', resolutionTime: '1h', updateCadence: '30m', postmortemDue: '24h', monitoringAfterRecovery: '4h' }] });
    expect(empty.success ? [] : empty.error.issues.map((issue) => issue.message)).toEqual(['empty (expected a name for en or zh-CN, such as zh-CN: 核心服务)']);
    const french = servicesFileSchema.safeParse({ groups: [{ id: 'core', name: 'Core', names: { fr: 'Services' } }], services: [{ id: 'db', name: 'DB', group: 'core', rto: '5m', rpo: '1m', availability: '99.9%' }] });
    expect(french.success).toBe(false);
  });
});
