// Frontmatter edits: only the lines that change are touched; comments, quoting and layout survive, in block style
// and flow style alike (the document model), and in layouts the YAML library cannot write (edited on the text).
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

  it('refuses a file without frontmatter, and an empty list', () => {
    expect(() => appendToList('no frontmatter', 'updates', {})).toThrow('does not start with a --- line');
    expect(() => appendToList('---\nupdates: []\n---\n', 'updates', {})).toThrow(FrontmatterEditError);
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

  it('opens the window on the model when the entry begins with its start, where the text edit cannot tell where the dash goes', () => {
    const odd = recovered.replace('  - id: cache\n    impact: degraded\n', '  - start: 2026-11-25T21:12:00+08:00\n    id: cache\n    impact: degraded\n');
    const edited = openServiceWindow(odd, 'cache', '2026-11-25T22:05:00+08:00');
    // The library writes the updates list two columns in; every value and comment is kept.
    expect(edited).toContain('  - id: cache\n    impact: degraded\n    windows:\n      - start: 2026-11-25T21:12:00+08:00\n        end: "2026-11-25T21:40:00+08:00" # back\n      - start: 2026-11-25T22:05:00+08:00\nupdates:\n  # oldest first\n  - at: 2026-11-25T21:18:00+08:00\n');
    expect(edited).toContain("id: INC-20261125-001 # the folder's name\n");
  });
});

// As the commands write a file, and as people commonly edit one: two-column indentation, comments here and there.
const BLOCK = `---
id: INC-20261127-001
title: Login fails for some users # first report from support
severity: P2
started: 2026-11-27T09:10:00+08:00
detected: 2026-11-27T09:12:00+08:00
services:
  - id: login
    impact: degraded
  - id: api
    impact: partial_outage # EU only
updates:
  - at: 2026-11-27T09:15:00+08:00
    status: investigating
    message: We are looking into it.
---
Body.
`;

// The same incident with its services and updates written inline, valid YAML the check accepts.
const FLOW = `---
id: INC-20261127-001
title: Login fails for some users
severity: P2
started: 2026-11-27T09:10:00+08:00
detected: 2026-11-27T09:12:00+08:00
services:
  - { id: login, impact: degraded }
  - { id: api, impact: partial_outage } # EU only
updates: [ { at: 2026-11-27T09:15:00+08:00, status: investigating, message: We are looking into it. } ]
---
Body.
`;

describe('block style, on the document model', () => {
  it('appends an update as new lines only', () => {
    const after = appendToList(BLOCK, 'updates', { at: '2026-11-27T09:40:00+08:00', status: 'fixing', message: 'Rolling back: done soon.' });
    expect(addedLines(BLOCK, after)).toEqual(['  - at: 2026-11-27T09:40:00+08:00', '    status: fixing', '    message: "Rolling back: done soon."']);
  });

  it('ends a service\'s impact and opens it again, comments kept', () => {
    const ended = setInListItem(BLOCK, 'services', 'api', 'end', '2026-11-27T09:50:00+08:00');
    expect(addedLines(BLOCK, ended)).toEqual(['    end: 2026-11-27T09:50:00+08:00']);
    expect(ended).toContain('    impact: partial_outage # EU only\n    end: 2026-11-27T09:50:00+08:00\nupdates:');
    const again = openServiceWindow(ended, 'api', '2026-11-27T10:05:00+08:00');
    expect(again).toContain('  - id: api\n    impact: partial_outage # EU only\n    windows:\n      - start: 2026-11-27T09:10:00+08:00\n        end: 2026-11-27T09:50:00+08:00\n      - start: 2026-11-27T10:05:00+08:00\nupdates:');
  });

  it('adds resolved after detected and keeps the title\'s comment when it changes', () => {
    const after = setTopLevelScalar(setTopLevelScalar(BLOCK, 'resolved', '2026-11-27T10:30:00+08:00', 'detected'), 'title', 'Login fails', 'id');
    expect(after).toContain('title: Login fails # first report from support\n');
    expect(after).toContain('detected: 2026-11-27T09:12:00+08:00\nresolved: 2026-11-27T10:30:00+08:00\nservices:');
    expect(removeTopLevelKey(after, 'resolved')).toBe(setTopLevelScalar(BLOCK, 'title', 'Login fails', 'id'));
  });

  it('keeps lists written flush under their key, and four-column indentation', () => {
    const update = { at: '2026-11-27T09:40:00+08:00', status: 'fixing', message: 'm' };
    const flush = '---\nid: INC-20261127-001\nupdates:\n- at: 2026-11-27T09:15:00+08:00 # late\n  status: investigating\n  message: x\n---\n';
    expect(addedLines(flush, appendToList(flush, 'updates', update))).toEqual(['- at: 2026-11-27T09:40:00+08:00', '  status: fixing', '  message: m']);
    const wide = '---\nid: INC-20261127-001\nupdates:\n    - at: 2026-11-27T09:15:00+08:00 # late\n      status: investigating\n      message: x\n---\n';
    expect(addedLines(wide, appendToList(wide, 'updates', update))).toEqual(['    - at: 2026-11-27T09:40:00+08:00', '      status: fixing', '      message: m']);
  });

  it('keeps a byte-order mark before the opening line', () => {
    const after = appendToList(`\uFEFF${BLOCK}`, 'updates', { at: '2026-11-27T09:40:00+08:00', status: 'fixing', message: 'm' });
    expect(after.startsWith('\uFEFF---\n')).toBe(true);
  });
});

describe('flow style, on the document model', () => {
  it('ends a service written inline inside its braces, the rest of the file as it was', () => {
    const after = setInListItem(FLOW, 'services', 'login', 'end', '2026-11-27T09:50:00+08:00');
    expect(after).toBe(FLOW.replace('  - { id: login, impact: degraded }', '  - { id: login, impact: degraded, end: 2026-11-27T09:50:00+08:00 }'));
  });

  it('opens a second window inline', () => {
    const ended = setOnCurrentWindow(FLOW, 'api', 'end', '2026-11-27T09:50:00+08:00');
    const again = openServiceWindow(ended, 'api', '2026-11-27T10:05:00+08:00');
    expect(again).toContain('  - { id: api, impact: partial_outage, windows: [ { start: 2026-11-27T09:10:00+08:00, end: 2026-11-27T09:50:00+08:00 }, { start: 2026-11-27T10:05:00+08:00 } ] } # EU only\n');
    const closed = setOnCurrentWindow(again, 'api', 'end', '2026-11-27T10:20:00+08:00');
    expect(closed).toContain('{ start: 2026-11-27T10:05:00+08:00, end: 2026-11-27T10:20:00+08:00 }');
  });

  it('edits flow style written in a spacing of its own, respacing at most the lines the library cannot write as they were', () => {
    const tight = FLOW.replace('updates: [ { at', 'updates: [{ at').replace('into it. } ]', 'into it. }]');
    const after = setInListItem(tight, 'services', 'login', 'end', '2026-11-27T09:50:00+08:00');
    expect(after).toBe(FLOW.replace('  - { id: login, impact: degraded }', '  - { id: login, impact: degraded, end: 2026-11-27T09:50:00+08:00 }'));
  });

  it('appends an update to a list written inline', () => {
    const after = appendToList(FLOW, 'updates', { at: '2026-11-27T09:40:00+08:00', status: 'fixing', message: 'Rolling back.' });
    expect(after).toContain('updates: [ { at: 2026-11-27T09:15:00+08:00, status: investigating, message: We are looking into it. }, { at: 2026-11-27T09:40:00+08:00, status: fixing, message: Rolling back. } ]\n---\nBody.\n');
  });
});
