// The check reads plain YAML with js-yaml's core schema (fast) and everything else with the full parse that places
// messages. Both must read a file the same way, or a file would mean one thing here and another there: for every
// file the project ships or tests, and for the scalars where YAML parsers are known to disagree, the fast path
// either gives exactly the full parse's data or steps aside.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseMarkdownFile, parseYamlFile, plainYamlData } from '../src/validation/yaml-source.ts';

const ROOTS = ['test/fixtures', 'content'];

function filesUnder(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : /\.(md|ya?ml)$/.test(entry.name) ? [join(folder, entry.name)] : []));
}

/** The YAML of a file: a data file whole, a markdown file's frontmatter. */
function yamlOf(file: string): string | undefined {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  if (!file.endsWith('.md')) return text;
  const match = /^---\r?\n([\s\S]*?)^---[ \t]*\r?$/m.exec(text);
  return match?.[1];
}

/** What the full parse reads, or undefined when it refuses the text. */
function fullParseData(yamlText: string): unknown {
  const document = parseDocument(yamlText, { uniqueKeys: true });
  if (document.errors.length > 0) return undefined;
  try {
    return document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch {
    return undefined;
  }
}

describe('the fast read of plain YAML', () => {
  const files = ROOTS.flatMap(filesUnder);

  it('reads every shipped and test file exactly as the full parse does, or leaves it to the full parse', () => {
    expect(files.length).toBeGreaterThan(100);
    let fast = 0;
    for (const file of files) {
      const yamlText = yamlOf(file);
      if (yamlText === undefined) continue;
      const plain = plainYamlData(yamlText);
      if (!plain) continue;
      fast += 1;
      expect(plain.data, relative('.', file)).toStrictEqual(fullParseData(yamlText));
    }
    // Most files are plain YAML: the fast path is the one nearly every file takes.
    expect(fast).toBeGreaterThan(files.length / 2);
  });

  it.each([
    ['numbers as YAML 1.2 reads them', 'a: 0x1F\nb: 0o17\nc: .5\nd: 1e3\ne: "1e3"\nf: 0017\ng: -0\nh: +12\ni: 1.'],
    ['words YAML 1.1 would turn into booleans or dates stay text', 'a: yes\nb: No\nc: on\nd: 2026-11-27\ne: 12:30\nf: 1:20\ng: 0b101\nh: 1_000\ni: -0x1F'],
    ['nulls and booleans', 'a: ~\nb: Null\nc:\nd: TRUE\ne: False\nf: tRue'],
    ['block scalars and folding', 'a: |\n  one\n  two\nb: >-\n  folded\n  line\n\n  para\nc: "x\\ty"\nd: \'it\'\'s\''],
    ['flow collections', 'a: [1, "two", {b: c}]\nb: {x: [], y: {}}'],
  ])('%s: the same data from both', (_name, yamlText) => {
    const plain = plainYamlData(yamlText);
    expect(plain).toBeDefined();
    expect(plain!.data).toStrictEqual(fullParseData(yamlText));
  });

  it.each([
    ['a tag', 'a: !!binary aGk='],
    ['a local tag', 'a: !foo x'],
    ['the non-specific tag', 'a: ! 12'],
    ['an anchor and an alias', 'a: &x [1]\nb: *x'],
    ['a duplicate key', 'a: 1\na: 2'],
    ['a control character written raw', 'a: "x\u0007"'],
    ['a control character written as an escape', 'a: "x\\e"'],
    ['two documents', 'a: 1\n---\nb: 2'],
    ['a broken quote', 'a: "x'],
    ['tab indentation', 'a:\n\tb: 1'],
  ])('%s: left to the full parse, which places its message', (_name, yamlText) => {
    expect(plainYamlData(yamlText)).toBeUndefined();
  });

  it('gives a message its line even for a file read the fast way', () => {
    const parsed = parseMarkdownFile('x.md', '---\nid: x\nupdates:\n  - at: 2026-11-27T09:00:00+08:00\n    status: detecting\n---\nBody\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.source.lineOf(['updates', 0, 'status'])).toBe(5);
    expect(parsed.source.bodyLine).toBe(7);
    const data = parseYamlFile('site.yaml', 'name: x\n\nservices:\n  - id: a\n');
    expect(data.ok && data.source.lineOf(['services', 0, 'id'])).toBe(4);
  });
});

/** Every path of a value: each key and item, and a key that is not there below each, which falls back to its parent. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const below = Array.isArray(value)
    ? value.flatMap((item, index) => pathsOf(item, [...path, index]))
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))
      : [];
  return [path, [...path, 'missing'], [...path, 99], ...below];
}

/** The full parse's lines: of the key at a path (of the item, in a sequence), or of its closest existing ancestor. */
function fullParseLines(yamlText: string): (path: readonly (string | number)[]) => number {
  const lineCounter = new LineCounter();
  const contents = parseDocument(yamlText, { lineCounter }).contents;
  return (path) => {
    let node: unknown = contents;
    let line = 1;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
        if (!pair) break;
        line = lineCounter.linePos((pair.key as Node).range![0]).line;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        node = node.items[key];
        line = lineCounter.linePos((node as Node).range![0]).line;
      } else {
        break;
      }
    }
    return line;
  };
}

describe('the line of a field in a file read the fast way', () => {
  it('is the full parse\'s line for every field of every shipped and test file, and the parent\'s for a missing one', () => {
    let compared = 0;
    for (const file of ROOTS.flatMap(filesUnder)) {
      const yamlText = yamlOf(file);
      const plain = yamlText === undefined ? undefined : plainYamlData(yamlText);
      if (!plain) continue;
      const parsed = file.endsWith('.md') ? parseMarkdownFile(file, readFileSync(file, 'utf8')) : parseYamlFile(file, readFileSync(file, 'utf8'));
      if (!parsed.ok) continue;
      const firstLine = file.endsWith('.md') ? 2 : 1;
      const expectedLine = fullParseLines(yamlText!);
      for (const path of pathsOf(plain.data)) {
        expect(parsed.source.lineOf(path), `${relative('.', file)} ${path.join('.')}`).toBe(expectedLine(path) + firstLine - 1);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });
});
