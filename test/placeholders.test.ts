// A published postmortem may hold no scaffold placeholder, in any language the scaffold writes.
import { describe, expect, it } from 'vitest';
import { holdsPlaceholder, placeholdersIn } from '../src/lib/postmortems/placeholders.ts';
import { postmortemMarkdown, type PostmortemDraft } from '../src/lib/edits/postmortem-scaffold.ts';
import { incident } from './helpers/records.ts';

const services = [{ id: 'auth', name: 'User authentication', group: 'core', rto: 1_800_000, rpo: 0, availability: 99.9 }];

function draftFor(locale: PostmortemDraft['locale']): PostmortemDraft {
  const outage = incident({ started: '2026-11-26T00:50:00Z', resolved: '2026-11-26T02:00:00Z', services: [{ id: 'auth', impact: 'major_outage' }] });
  return { incident: outage, services: services as PostmortemDraft['services'], author: '@wangwu', date: '2026-11-27', timeZone: 'Asia/Shanghai', locale };
}

describe('scaffold placeholders', () => {
  it('are found in English and Chinese, and not in ordinary words', () => {
    expect(holdsPlaceholder('TODO: the root cause')).toBe(true);
    expect(holdsPlaceholder('待填写：根本原因')).toBe(true);
    expect(holdsPlaceholder('根因：待填写')).toBe(true);
    expect(holdsPlaceholder('The TODOs page was slow')).toBe(false);
    expect(holdsPlaceholder('Renewal depended on a manual reminder.')).toBe(false);
  });

  it('finds every placeholder a scaffold writes, in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const text = postmortemMarkdown(draftFor(locale));
      const lines = text.split('\n').filter((line) => /TODO|待填写/.test(line));
      expect(lines.length, locale).toBeGreaterThanOrEqual(8);
      for (const line of lines) expect(holdsPlaceholder(line), line).toBe(true);
    }
  });

  it('reports each placeholder of a record with its path', () => {
    expect(placeholdersIn({ rootCause: { direct: '待填写：直接原因', root: 'Known.' }, lessons: ['TODO: what went well'] })).toEqual([
      [['rootCause', 'direct'], '待填写：直接原因'],
      [['lessons', 0], 'TODO: what went well'],
    ]);
  });
});
