// Parses YAML (a data file or a markdown file's frontmatter) keeping the line of every key for messages.
import matter from 'gray-matter';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Problem } from './problem.ts';

export interface YamlSource {
  file: string;
  data: unknown;
  body: string;
  /** Line of the key at `path` (or of its closest existing ancestor), 1-based, in the whole file. */
  lineOf(path: readonly PropertyKey[]): number;
  /** Line of the markdown body's first line. */
  bodyLine: number;
}

export type ParsedSource = { ok: true; source: YamlSource } | { ok: false; problems: Problem[] };

function keyLine(root: Node | null | undefined, path: readonly PropertyKey[], lineCounter: LineCounter, fallback: number): number {
  let node: unknown = root;
  let line = fallback;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (!pair || !isPair(pair)) break;
      const keyNode = pair.key as Node;
      if (keyNode.range) line = lineCounter.linePos(keyNode.range[0]).line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      if (item.range) line = lineCounter.linePos(item.range[0]).line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

/**
 * YAML notices an unclosed quote or bracket only where the text runs out; point at the line that opened it,
 * which is the one the author has to fix.
 */
function openingLine(yamlText: string, errorLine: number, message: string): number {
  const opener = /quote/i.test(message) ? (message.includes("'") && !message.includes('"') ? "'" : '"') : /flow sequence|\]/i.test(message) ? '[' : /flow mapping|\}/i.test(message) ? '{' : undefined;
  if (!opener) return errorLine;
  const closer = opener === '[' ? ']' : opener === '{' ? '}' : opener;
  const lines = yamlText.split('\n').slice(0, errorLine);
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index]!;
    const opens = line.split(opener).length - 1;
    const closes = opener === closer ? 0 : line.split(closer).length - 1;
    const unbalanced = opener === closer ? opens % 2 === 1 : opens > closes;
    if (unbalanced) return index + 1;
  }
  return errorLine;
}

function parseYamlText(file: string, yamlText: string, firstLine: number, body: string, bodyLine: number): ParsedSource {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema: instants stay text, so their written offset is checked rather than silently converted.
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        file,
        line: openingLine(yamlText, lineCounter.linePos(error.pos[0]).line, error.message) + firstLine - 1,
        field: 'yaml',
        message: `does not parse: ${error.message.split('\n')[0]} (expected valid YAML; check indentation, colons and quotes)`,
      })),
    };
  }
  const data: unknown = document.toJS() ?? {};
  return {
    ok: true,
    source: {
      file,
      data,
      body,
      bodyLine,
      lineOf: (path) => keyLine(document.contents, path, lineCounter, 1) + firstLine - 1,
    },
  };
}

export function parseYamlFile(file: string, text: string): ParsedSource {
  return parseYamlText(file, text, 1, '', 1);
}

/** A markdown file with `---` frontmatter; the body is returned untouched. */
export function parseMarkdownFile(file: string, text: string): ParsedSource {
  if (!/^---\r?\n/.test(text)) {
    return { ok: false, problems: [{ file, line: 1, field: 'frontmatter', message: 'missing (expected the file to start with a --- line, the YAML fields, and a closing --- line)' }] };
  }
  // gray-matter finds the frontmatter block; the yaml engine is swapped for one that keeps instants as text.
  const parsed = matter(text, { engines: { yaml: () => ({}) } });
  const yamlText = parsed.matter;
  const frontmatterLines = yamlText.split('\n').length;
  const bodyLine = frontmatterLines + 2;
  return parseYamlText(file, yamlText.replace(/^\r?\n/, ''), 2, parsed.content, bodyLine);
}
