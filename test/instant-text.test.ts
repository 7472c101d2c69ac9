// Instants in the check's messages appear as the file wrote them, or in the file's own offset.
import { describe, expect, it } from 'vitest';
import { instantAsWritten } from '../src/validation/instant-text.ts';
import { parseMarkdownFile, type YamlSource } from '../src/validation/yaml-source.ts';

function sourceOf(frontmatter: string): YamlSource {
  const parsed = parseMarkdownFile('incidents/2026/INC-20261125-001/index.md', `---\n${frontmatter}\n---\n`);
  if (!parsed.ok) throw new Error('fixture does not parse');
  return parsed.source;
}

describe('an instant in a message', () => {
  const source = sourceOf(['started: 2026-11-25T09:30:00+08:00', 'resolved: "2026-11-25T10:30+08:00"'].join('\n'));

  it('is the text the file wrote for it, offset and all', () => {
    expect(instantAsWritten(source, new Date('2026-11-25T01:30:00Z'), 'UTC')).toBe('2026-11-25T09:30:00+08:00');
    // written without seconds: kept as written, so a search for it finds the line
    expect(instantAsWritten(source, Date.parse('2026-11-25T02:30:00Z'), 'UTC')).toBe('2026-11-25T10:30+08:00');
  });

  it('is in the offset the file writes when the file does not hold it (now, a default)', () => {
    // 12:00Z is 20:00 at +08:00, whatever zone the site names
    expect(instantAsWritten(source, Date.parse('2026-11-26T12:00:00Z'), 'Europe/Berlin')).toBe('2026-11-26T20:00:00+08:00');
  });

  it('is in the site’s zone for a file that writes no instant', () => {
    const empty = sourceOf('title: No instants here');
    // 12:00Z is 13:00 in Berlin in November (+01:00)
    expect(instantAsWritten(empty, Date.parse('2026-11-26T12:00:00Z'), 'Europe/Berlin')).toBe('2026-11-26T13:00:00+01:00');
  });

  it('keeps a file written in UTC in UTC', () => {
    const utc = sourceOf('started: 2026-11-25T01:30:00Z');
    expect(instantAsWritten(utc, Date.parse('2026-11-26T12:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-26T12:00:00Z');
  });
});
