// Text-level frontmatter edits: only the lines that change are touched; comments and quoting survive.
import { describe, expect, it } from 'vitest';
import { appendToList, FrontmatterEditError, openServiceWindow, removeTopLevelKey, setInListItem, setOnCurrentWindow, setTopLevelScalar } from '../src/lib/edits/frontmatter-edit.ts';

const FILE = `---
id: INC-20261125-001 # the folder's name
title: "API gateway: 502 errors"
started: 2026-11-25T21:10:00+08:00
detected: 2026-11-25T21:14:00+08:00
services:
  - id: api-gateway
    impact: partial_outage   # most requests still work
  - id: cache
    impact: degraded
updates:
    # oldest first
    -   at: 2026-11-25T21:18:00+08:00
        status: investigating
        message: |-
          Two lines
          of text.
---
Body stays.
`;

function addedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  const next = after.split('\n');
  // Every old line is still there, in order: the edit only inserted lines.
  let index = 0;
  const added: string[] = [];
  for (const line of next) {
    if (index < old.length && line === old[index]) index += 1;
    else added.push(line);
  }
  expect(index, 'every original line kept in order').toBe(old.length);
  return added;
}

describe('appending to a list', () => {
  it('adds the entry after the last item, indented like it, and nothing else', () => {
    const after = appendToList(FILE, 'updates', { at: '2026-11-25T22:00:00+08:00', status: 'fixing', message: 'Fix: rolling back. # not a comment' });
    expect(addedLines(FILE, after)).toEqual([
      '    -   at: 2026-11-25T22:00:00+08:00',
      '        status: fixing',
      '        message: "Fix: rolling back. # not a comment"',
    ]);
    expect(after.endsWith('        message: "Fix: rolling back. # not a comment"\n---\nBody stays.\n')).toBe(true);
  });

  it('writes a multi-line message as an indented block', () => {
    const after = appendToList(FILE, 'updates', { at: '2026-11-25T22:00:00+08:00', status: 'fixing', message: 'One\nTwo' });
    expect(addedLines(FILE, after)).toEqual(['    -   at: 2026-11-25T22:00:00+08:00', '        status: fixing', '        message: |-', '          One', '          Two']);
  });

  it('keeps Windows line endings', () => {
    const crlf = FILE.replace(/\n/g, '\r\n');
    const after = appendToList(crlf, 'updates', { at: 'x', status: 'fixing', message: 'm' });
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('refuses a list written inline or a file without frontmatter', () => {
    expect(() => appendToList('---\nupdates: [a]\n---\n', 'updates', {})).toThrow(FrontmatterEditError);
    expect(() => appendToList('no frontmatter', 'updates', {})).toThrow('does not start with a --- line');
  });
});

describe('setting and removing keys', () => {
  it('adds a missing top-level key after the named one', () => {
    const after = setTopLevelScalar(FILE, 'resolved', '2026-11-25T23:00:00+08:00', 'detected');
    expect(addedLines(FILE, after)).toEqual(['resolved: 2026-11-25T23:00:00+08:00']);
    expect(after).toContain('detected: 2026-11-25T21:14:00+08:00\nresolved: 2026-11-25T23:00:00+08:00\nservices:');
  });

  it('replaces an existing value in place, keeping its comment', () => {
    const after = setTopLevelScalar(FILE, 'id', 'INC-20261125-002', 'title');
    expect(after).toContain("id: INC-20261125-002 # the folder's name\n");
  });

  it('removes a key with its value, whole lines only', () => {
    expect(removeTopLevelKey(FILE, 'started')).toBe(FILE.replace('started: 2026-11-25T21:10:00+08:00\n', ''));
    expect(removeTopLevelKey(FILE, 'resolved')).toBe(FILE);
  });

  it('adds a key to the list item with a given id', () => {
    const after = setInListItem(FILE, 'services', 'api-gateway', 'end', '2026-11-25T22:40:00+08:00');
    expect(after).toContain('    impact: partial_outage   # most requests still work\n    end: 2026-11-25T22:40:00+08:00\n  - id: cache\n');
    expect(() => setInListItem(FILE, 'services', 'nope', 'end', 'x')).toThrow('no entry with id "nope" in "services"');
  });
});

describe('a service impaired again', () => {
  const recovered = FILE.replace('    impact: degraded\n', '    impact: degraded\n    end: "2026-11-25T21:40:00+08:00" # back\n');

  it('turns start/end into a windows list, keeping the written instants, the incident start standing in for an absent start', () => {
    const once = openServiceWindow(recovered, 'cache', '2026-11-25T22:05:00+08:00');
    expect(once).toContain(
      '  - id: cache\n    impact: degraded\n    windows:\n      - start: 2026-11-25T21:10:00+08:00\n        end: "2026-11-25T21:40:00+08:00"\n      - start: 2026-11-25T22:05:00+08:00\nupdates:',
    );
    // The other service and the comments elsewhere are untouched.
    expect(once).toContain('    impact: partial_outage   # most requests still work\n');
    const ended = setOnCurrentWindow(once, 'cache', 'end', '2026-11-25T22:20:00+08:00');
    expect(ended).toContain('      - start: 2026-11-25T22:05:00+08:00\n        end: 2026-11-25T22:20:00+08:00\nupdates:');
    const twice = openServiceWindow(ended, 'cache', '2026-11-25T23:00:00+08:00');
    expect(twice).toContain('        end: 2026-11-25T22:20:00+08:00\n      - start: 2026-11-25T23:00:00+08:00\nupdates:');
  });

  it('keeps CRLF line ends', () => {
    const crlf = recovered.replace(/\n/g, '\r\n');
    const edited = openServiceWindow(crlf, 'cache', '2026-11-25T22:05:00+08:00');
    expect(edited.replace(/\r\n/g, '')).not.toContain('\n');
    expect(edited).toContain('    windows:\r\n      - start: 2026-11-25T21:10:00+08:00\r\n');
  });

  it('refuses an entry that begins with its start rather than guess where the dash goes', () => {
    const odd = recovered.replace('  - id: cache\n    impact: degraded\n', '  - start: 2026-11-25T21:12:00+08:00\n    id: cache\n    impact: degraded\n');
    expect(() => openServiceWindow(odd, 'cache', '2026-11-25T22:05:00+08:00')).toThrow(FrontmatterEditError);
  });
});
