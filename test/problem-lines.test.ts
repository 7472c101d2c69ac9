// One file with thousands of problems is summarised after the first 50, and never buries the other files.
import { describe, expect, it } from 'vitest';
import { problemLines, type Problem } from '../src/validation/problem.ts';

const problem = (file: string, line: number): Problem => ({ file, line, field: `key${line}`, message: `unknown key "key${line}"` });

describe('the printed problems', () => {
  it('lists 50 per file, then how many more that file has, from the line they start', () => {
    const flooded = Array.from({ length: 10_000 }, (_, index) => problem('incidents/a.md', index + 2));
    const lines = problemLines([...flooded, problem('incidents/b.md', 7)]);
    expect(lines).toHaveLength(50 + 1 + 1);
    expect(lines[0]).toBe('incidents/a.md:2: key2: unknown key "key2"');
    expect(lines[49]).toBe('incidents/a.md:51: key51: unknown key "key51"');
    expect(lines[50]).toBe('incidents/b.md:7: key7: unknown key "key7"');
    expect(lines[51]).toBe('incidents/a.md:52: file: 9950 more problems from here on, not listed (expected the first 50 fixed first; the rest often follow from them)');
  });

  it('lists every problem of a file with 50 or fewer', () => {
    const lines = problemLines(Array.from({ length: 50 }, (_, index) => problem('x.md', index + 1)));
    expect(lines).toHaveLength(50);
    expect(lines.some((line) => line.includes('more problem'))).toBe(false);
  });
});
