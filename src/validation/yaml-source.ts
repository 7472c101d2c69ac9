// Parses YAML (a data file or a markdown file's frontmatter) keeping the line of every key for messages, refusing
// what plain text should not hold: control characters, tags, alias bombs.
import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents, type Event } from 'js-yaml';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { firstControlCharacter, withoutControlCharacters } from '../lib/markdown/markdown-html.ts';
import { fieldPath, type Problem } from './problem.ts';

export interface YamlSource {
  file: string;
  data: unknown;
  body: string;
  /** Line of the key at `path` (or of its closest existing ancestor), 1-based, in the whole file. */
  lineOf(path: readonly PropertyKey[]): number;
  /** Line of the markdown body's first line. */
  bodyLine: number;
}

/** A source to validate, with the problems found on the way that do not stop validation; or only problems. */
export type ParsedSource = { ok: true; source: YamlSource; problems: Problem[] } | { ok: false; problems: Problem[] };

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

/** Plain YAML's own tags; any other tag (`!foo`, `!!js/function`, `!!binary`) is refused, not silently dropped. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/** More alias expansions than this in one file is an alias bomb ("billion laughs"), not content. */
const MAX_ALIAS_COUNT = 100;

interface PlacedNode {
  node: Node;
  path: PropertyKey[];
}

/** Every node of a document with the path of the field it belongs to, parents before children. */
function* placedNodes(node: unknown, path: PropertyKey[]): Generator<PlacedNode> {
  if (isMap(node)) {
    yield { node, path };
    for (const pair of node.items) {
      const keyPath = [...path, isScalar(pair.key) ? String(pair.key.value) : '?'];
      if (isNode(pair.key)) yield { node: pair.key, path: keyPath };
      yield* placedNodes(pair.value, keyPath);
    }
  } else if (isSeq(node)) {
    yield { node, path };
    for (const [index, item] of node.items.entries()) yield* placedNodes(item, [...path, index]);
  } else if (isNode(node)) {
    yield { node, path };
  }
}

function controlCharacterMessage(codePoint: number): string {
  return `contains control character U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} (expected text without control characters; remove it)`;
}

/** The first character XML cannot carry on each line of `text`, with its offset and 0-based line. */
function controlCharactersByLine(text: string): { offset: number; lineIndex: number; codePoint: number }[] {
  const found: { offset: number; lineIndex: number; codePoint: number }[] = [];
  let offset = 0;
  for (const [lineIndex, line] of text.split('\n').entries()) {
    const first = firstControlCharacter(line);
    if (first) found.push({ offset: offset + first.index, lineIndex, codePoint: first.codePoint });
    offset += line.length + 1;
  }
  return found;
}

/** Whether any string in parsed data holds a character XML cannot carry (written as an escape such as `"\e"`). */
function holdsControlCharacter(value: unknown): boolean {
  if (typeof value === 'string') return firstControlCharacter(value) !== undefined;
  if (Array.isArray(value)) return value.some(holdsControlCharacter);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsControlCharacter);
  return false;
}

/** Whether a parse event carries a tag or an anchor, or is an alias: what the full parse below judges and places. */
function isUnusual(event: Event): boolean {
  if (event.type === EVENT_ID.ALIAS) return true;
  if (event.type === EVENT_ID.DOCUMENT || event.type === EVENT_ID.POP) return false;
  return event.tagStart !== -1 || event.anchorStart !== -1;
}

/**
 * The data of plain YAML, the way nearly every file is written: one document, no tags, anchors, aliases or
 * control characters. js-yaml's YAML 1.2 core schema reads it about ten times faster than the full parse, which
 * keeps every node's position; that one still places every message and reads every other file. Undefined
 * whenever the text is anything else, so the full parse decides. A test runs both over every fixture.
 */
export function plainYamlData(yamlText: string): { data: unknown } | undefined {
  if (firstControlCharacter(yamlText) !== undefined) return undefined;
  try {
    const events = parseEvents(yamlText, {});
    if (events.some(isUnusual)) return undefined;
    const documents = constructFromEvents(events, { source: yamlText, maxAliases: 0 });
    if (documents.length !== 1) return undefined;
    const data = documents[0] ?? {};
    if (yamlText.includes('\\') && holdsControlCharacter(data)) return undefined;
    return { data };
  } catch {
    return undefined;
  }
}

/** The index of the event after the node whose first event is at `index`: a scalar or alias, or a collection to its end. */
function afterNode(events: readonly Event[], index: number): number {
  let depth = 0;
  for (let at = index; at < events.length; at += 1) {
    const { type } = events[at]!;
    if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) depth += 1;
    else if (type === EVENT_ID.POP) depth -= 1;
    if (depth <= 0) return at + 1;
  }
  return events.length;
}

/** Where a node's text starts: a collection's first character, a scalar's value. */
function nodeOffset(event: Event): number | undefined {
  if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) return event.start;
  if (event.type === EVENT_ID.SCALAR) return event.valueStart;
  return undefined;
}

/**
 * keyLine read off js-yaml's parse events: the offset of the key at `path` (of the item, in a sequence), or of its
 * closest existing ancestor; undefined when not even the first key is there.
 */
function keyOffset(yamlText: string, events: readonly Event[], path: readonly PropertyKey[]): number | undefined {
  let index = events[0]?.type === EVENT_ID.DOCUMENT ? 1 : 0;
  let offset: number | undefined;
  for (const key of path) {
    const node = events[index];
    let found: { offset: number | undefined; index: number } | undefined;
    if (node?.type === EVENT_ID.MAPPING) {
      for (let at = index + 1; at < events.length && events[at]!.type !== EVENT_ID.POP; ) {
        const keyEvent = events[at]!;
        const valueAt = afterNode(events, at);
        if (keyEvent.type === EVENT_ID.SCALAR && getScalarValue(yamlText, keyEvent) === key) {
          found = { offset: keyEvent.valueStart, index: valueAt };
          break;
        }
        at = afterNode(events, valueAt);
      }
    } else if (node?.type === EVENT_ID.SEQUENCE && typeof key === 'number') {
      let at = index + 1;
      for (let skipped = 0; skipped < key && at < events.length && events[at]!.type !== EVENT_ID.POP; skipped += 1) at = afterNode(events, at);
      const item = events[at];
      if (item && item.type !== EVENT_ID.POP) found = { offset: nodeOffset(item), index: at };
    }
    if (!found) break;
    offset = found.offset ?? offset;
    index = found.index;
  }
  return offset;
}

/**
 * The line of the key at a path, read when a message asks for one (warnings and messages about kept files).
 * Plain YAML only, which js-yaml parses about ten times faster than the full parse; a test holds it to the full
 * parse's answer for every field of every fixture.
 */
function lazyKeyLines(yamlText: string, firstLine: number): (path: readonly PropertyKey[]) => number {
  let events: Event[] | undefined;
  return (path) => {
    events ??= parseEvents(yamlText, {});
    const offset = keyOffset(yamlText, events, path);
    const line = offset === undefined ? 1 : yamlText.slice(0, offset).split('\n').length;
    return line + firstLine - 1;
  };
}

function parseYamlText(file: string, writtenYaml: string, firstLine: number, body: string, bodyLine: number): ParsedSource {
  const plain = plainYamlData(writtenYaml);
  if (plain) return { ok: true, problems: [], source: { file, data: plain.data, body, bodyLine, lineOf: lazyKeyLines(writtenYaml, firstLine) } };
  // Control characters are reported where they are written and left out of the parse, so the rest is still checked.
  const yamlText = withoutControlCharacters(writtenYaml);
  const lineCounter = new LineCounter();
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  // YAML 1.2 core schema: instants stay text, so their written offset is checked rather than silently converted.
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    // One mistake often trips the parser several times on its line (a tab gave four messages): the first says it.
    const seenLines = new Set<number>();
    const problems: Problem[] = [];
    for (const error of document.errors) {
      const line = openingLine(yamlText, lineCounter.linePos(error.pos[0]).line, error.message) + firstLine - 1;
      if (seenLines.has(line)) continue;
      seenLines.add(line);
      const message =
        error.code === 'TAB_AS_INDENT'
          ? 'does not parse: a tab indents this line (expected spaces: YAML indents with spaces only)'
          : `does not parse: ${error.message.split('\n')[0]} (expected valid YAML; check indentation, colons and quotes)`;
      problems.push({ file, line, field: 'yaml', message });
    }
    return { ok: false, problems };
  }
  const nodes = [...placedNodes(document.contents, [])];
  const fieldAt = (offset: number) => fieldPath(nodes.findLast(({ node }) => node.range && node.range[0] <= offset && offset <= node.range[1])?.path ?? []) || 'yaml';
  const problems: Problem[] = controlCharactersByLine(writtenYaml).map(({ offset, lineIndex, codePoint }) => ({
    file,
    line: lineIndex + firstLine,
    field: fieldAt(withoutControlCharacters(writtenYaml.slice(0, offset)).length),
    message: controlCharacterMessage(codePoint),
  }));
  for (const { node, path } of nodes) {
    const line = node.range ? lineAt(node.range[0]) : firstLine;
    const field = fieldPath(path) || 'yaml';
    if (node.tag !== undefined && !PLAIN_TAGS.has(node.tag)) {
      problems.push({ file, line, field, message: `unknown tag ${node.tag.replace(/^tag:yaml\.org,2002:/, '!!')} (expected plain YAML)` });
    }
    // Written as an escape (`"\e"`, `"\x1b"`), so not among the characters above.
    const control = isScalar(node) && typeof node.value === 'string' ? firstControlCharacter(node.value) : undefined;
    if (control) problems.push({ file, line, field, message: controlCharacterMessage(control.codePoint) });
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    const alias = nodes.find(({ node }) => isAlias(node));
    const line = alias?.node.range ? lineAt(alias.node.range[0]) : firstLine;
    const message = error instanceof ReferenceError ? 'YAML aliases expand too far (expected values written out, or an anchor reused a few times at most)' : `does not parse: ${String((error as Error).message).split('\n')[0]} (expected valid YAML)`;
    return { ok: false, problems: [...problems, { file, line, field: 'yaml', message }] };
  }
  return {
    ok: true,
    problems,
    source: {
      file,
      data,
      body,
      bodyLine,
      lineOf: (path) => keyLine(document.contents, path, lineCounter, 1) + firstLine - 1,
    },
  };
}

/** A leading UTF-8 byte order mark is how some editors save; it is not content. */
function withoutByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

export function parseYamlFile(file: string, text: string): ParsedSource {
  return parseYamlText(file, withoutByteOrderMark(text), 1, '', 1);
}

const OPENING_LINE = /^---\r?\n/;
/** The rule the commands' frontmatter edits use too: the first line that is `---`, trailing spaces allowed. */
const CLOSING_LINE = /^---[ \t]*\r?$/m;

/**
 * A markdown file with `---` frontmatter. The body is everything after the first closing `---` line, exactly as
 * written: a body that itself starts with a `---` block is body, checked and rendered like any other.
 */
export function parseMarkdownFile(file: string, fileText: string): ParsedSource {
  const text = withoutByteOrderMark(fileText);
  const opening = OPENING_LINE.exec(text);
  if (!opening) {
    return { ok: false, problems: [{ file, line: 1, field: 'frontmatter', message: 'missing (expected the file to start with a --- line, the YAML fields, and a closing --- line)' }] };
  }
  const rest = text.slice(opening[0].length);
  const closing = CLOSING_LINE.exec(rest);
  if (!closing) {
    return { ok: false, problems: [{ file, line: 1, field: 'frontmatter', message: 'not closed (expected a --- line after the YAML fields)' }] };
  }
  const yamlText = rest.slice(0, closing.index);
  const afterClosing = rest.slice(closing.index + closing[0].length);
  const body = afterClosing.startsWith('\n') ? afterClosing.slice(1) : afterClosing;
  const bodyLine = 2 + (yamlText.match(/\n/g)?.length ?? 0) + 1;
  const parsed = parseYamlText(file, yamlText, 2, body, bodyLine);
  const bodyProblems = controlCharactersByLine(body).map(({ lineIndex, codePoint }) => ({ file, line: bodyLine + lineIndex, field: 'body', message: controlCharacterMessage(codePoint) }));
  const problems = [...parsed.problems, ...bodyProblems];
  return parsed.ok ? { ok: true, source: parsed.source, problems } : { ok: false, problems };
}
