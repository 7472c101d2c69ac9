// The values a file or a flag writes are read strictly: no date rolls over, no duration overflows, no URL turns
// into script, no YAML tag or alias bomb gets through, and a markdown body is exactly what follows the frontmatter.
import { describe, expect, it } from 'vitest';
import { readCalendarDate, readInstantWithOffset } from '../../src/lib/time/calendar.ts';
import { parseDuration, readDuration } from '../../src/lib/time/durations.ts';
import { link, siteAddress } from '../../src/schemas/primitives.ts';
import { resolveNow } from '../../src/validation/load-site.ts';
import { parseMarkdownFile, parseYamlFile } from '../../src/validation/yaml-source.ts';

describe('instants and dates', () => {
  it('accepts February 29 in a leap year, to the millisecond', () => {
    expect(readInstantWithOffset('2028-02-29T10:00:00+08:00')).toEqual({ ms: Date.UTC(2028, 1, 29, 2) });
    expect(readInstantWithOffset('2024-02-29T23:59:59.5Z')).toEqual({ ms: Date.UTC(2024, 1, 29, 23, 59, 59, 500) });
    expect(readCalendarDate('2028-02-29')).toEqual({ date: '2028-02-29' });
  });

  it.each([
    ['2025-02-29T10:00:00Z', 'a date that does not exist: February 2025 has 28 days'],
    ['2026-09-31T01:00+02:00', 'a date that does not exist: September 2026 has 30 days'],
    ['2026-11-20T24:00:00+01:00', 'a time that does not exist: the day ends at 23:59:59 and midnight is 00:00 of the next day'],
    ['2026-13-01T00:00:00Z', 'a date that does not exist: there is no month 13'],
    ['2026-12-31T23:59:60Z', 'a time that does not exist: leap seconds are not written, 23:59:60 is 23:59:59'],
    ['2026-12-31T23:60:00Z', 'a time that does not exist: 23:60:00 is past 23:59:59'],
  ])('refuses %s instead of rolling it over', (text, reason) => {
    expect(readInstantWithOffset(text)).toMatchObject({ problem: 'nonexistent', reason });
  });

  it('refuses calendar dates that do not exist', () => {
    expect(readCalendarDate('2025-02-29')).toEqual({ problem: 'nonexistent', reason: 'a date that does not exist: February 2025 has 28 days' });
    expect(readCalendarDate('2026-04-31')).toEqual({ problem: 'nonexistent', reason: 'a date that does not exist: April 2026 has 30 days' });
    expect(readCalendarDate('2026-4-1')).toEqual({ problem: 'malformed' });
  });

  it('refuses offsets beyond a day and instants without one', () => {
    expect(readInstantWithOffset('2026-11-26T12:00:00+24:00')).toEqual({ problem: 'malformed' });
    expect(readInstantWithOffset('2026-11-26T12:00:00')).toEqual({ problem: 'no offset' });
  });

  it('refuses a "now" that does not exist, from AFTERMATH_NOW or site.yaml', () => {
    expect(resolveNow(undefined, { AFTERMATH_NOW: '2026-02-30T00:00:00Z' }, 0)).toEqual({
      error: 'found "2026-02-30T00:00:00Z", a date that does not exist: February 2026 has 28 days (expected an instant with an offset such as 2026-11-26T12:00:00Z)',
    });
    expect(resolveNow('2026-11-26T24:00:00Z', {}, 0)).toHaveProperty('error');
    expect(resolveNow('2026-11-26T12:00:00Z', {}, 0)).toEqual({ ms: Date.UTC(2026, 10, 26, 12) });
  });
});

describe('durations', () => {
  it('reads up to ten years and refuses longer ones', () => {
    expect(readDuration('3650d')).toEqual({ ms: 3650 * 86_400_000 });
    expect(readDuration('3650d1s')).toEqual({ problem: 'too long' });
    expect(readDuration('99999999d')).toEqual({ problem: 'too long' });
    expect(readDuration(`${'9'.repeat(400)}h`)).toEqual({ problem: 'too long' });
    expect(readDuration('1h30m')).toEqual({ ms: 5_400_000 });
    expect(readDuration('soon')).toEqual({ problem: 'malformed' });
  });

  it('gives the commands no duration at all for an absurd one', () => {
    expect(parseDuration('99999999d')).toBeUndefined();
  });
});

describe('URL fields', () => {
  const contact = (url: string) => link.safeParse({ label: 'Support', url }).success;

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', '\tjavascript:alert(1)', '\njavascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'https:\\\\evil.example', 'http:evil.example', 'https:///evil.example', '//evil.example/', '/relative', 'https://example.org/\u0000'])(
    'refuses %j as a link',
    (url) => {
      expect(contact(url)).toBe(false);
    },
  );

  it('accepts http, https and mailto links', () => {
    for (const url of ['https://support.example.org/', 'http://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG/', 'mailto:support@example.org']) expect(contact(url), url).toBe(true);
  });

  it('accepts only an http(s) address the site can be resolved against as its baseUrl', () => {
    expect(siteAddress.safeParse('https://status.example.com/').success).toBe(true);
    expect(siteAddress.safeParse('https://example.com/status').success).toBe(true);
    for (const url of ['javascript:alert(1)//', 'mailto:ops@example.com', 'https://user:secret@status.example.com/', 'https://status.example.com/?utm=1', 'https://status.example.com/#top', 'ftp://status.example.com/']) {
      expect(siteAddress.safeParse(url).success, url).toBe(false);
    }
  });
});

describe('YAML beyond plain values', () => {
  it('refuses every tag but the core ones, at its line', () => {
    const parsed = parseYamlFile('content/site.yaml', 'name: !!str Example\nlogo: !!binary aGk=\nwhen: !!timestamp 2026-01-01\n!foo key: value\n');
    expect(parsed.problems).toEqual([
      { file: 'content/site.yaml', line: 2, field: 'logo', message: 'unknown tag !!binary (expected plain YAML)' },
      { file: 'content/site.yaml', line: 3, field: 'when', message: 'unknown tag !!timestamp (expected plain YAML)' },
      { file: 'content/site.yaml', line: 4, field: 'key', message: 'unknown tag !foo (expected plain YAML)' },
    ]);
  });

  it('allows an anchor reused a few times', () => {
    const parsed = parseYamlFile('content/services.yaml', 'a: &window 15m\nb: *window\nc: *window\n');
    expect(parsed.ok && parsed.source.data).toEqual({ a: '15m', b: '15m', c: '15m' });
    expect(parsed.problems).toEqual([]);
  });
});

describe('the markdown body', () => {
  it('is exactly what follows the first closing --- line, even when it starts with a --- block of its own', () => {
    const body = '---\nfoo: bar\n<script>alert(1)</script>\n---\n\n+++\ntoml = true\n+++\n';
    const parsed = parseMarkdownFile('index.md', `---\ntitle: A\n---\n${body}`);
    expect(parsed.ok && { data: parsed.source.data, body: parsed.source.body, bodyLine: parsed.source.bodyLine }).toEqual({ data: { title: 'A' }, body, bodyLine: 4 });
  });

  it('comes from each file alone: identical texts and identical bodies do not share a parse', () => {
    const first = parseMarkdownFile('a.md', '---\ntitle: A\n---\nSame body\n');
    const second = parseMarkdownFile('b.md', '---\ntitle: B\n---\nSame body\n');
    const again = parseMarkdownFile('c.md', '---\ntitle: A\n---\nSame body\n');
    expect(first.ok && second.ok && again.ok).toBe(true);
    if (!first.ok || !second.ok || !again.ok) return;
    expect([first.source.data, second.source.data, again.source.data]).toEqual([{ title: 'A' }, { title: 'B' }, { title: 'A' }]);
    expect(again.source.data).not.toBe(first.source.data);
    expect(again.source.file).toBe('c.md');
  });

  it('ends the frontmatter at a --- line with trailing spaces, as the commands\' edits do', () => {
    const parsed = parseMarkdownFile('index.md', '---\ntitle: A\n--- \nBody\n');
    expect(parsed.ok && parsed.source.body).toBe('Body\n');
  });
});
