// Edits to a markdown file's YAML frontmatter made on the text itself, so comments, quoting and layout stay as the
// author wrote them and a diff shows only the lines that changed (an added update is a clean append).
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type YAMLMap } from 'yaml';

interface FrontmatterBlock {
  /** Offsets of the YAML text inside the whole file: after the opening `---` line, up to the closing one. */
  start: number;
  end: number;
  yaml: string;
  eol: string;
}

export class FrontmatterEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrontmatterEditError';
  }
}

function frontmatterOf(text: string): FrontmatterBlock {
  const opening = /^---\r?\n/.exec(text);
  if (!opening) throw new FrontmatterEditError('the file does not start with a --- line (expected frontmatter between two --- lines)');
  const closing = /^---[ \t]*\r?$/m;
  const rest = text.slice(opening[0].length);
  const match = closing.exec(rest);
  if (!match) throw new FrontmatterEditError('the frontmatter has no closing --- line');
  const start = opening[0].length;
  const end = start + match.index;
  return { start, end, yaml: text.slice(start, end), eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

function documentOf(block: FrontmatterBlock): Document {
  const document = parseDocument(block.yaml);
  if (document.errors.length > 0) throw new FrontmatterEditError(`the frontmatter does not parse: ${document.errors[0]!.message.split('\n')[0]}`);
  if (!isMap(document.contents)) throw new FrontmatterEditError('the frontmatter is not a set of keys');
  return document;
}

function rangeOf(node: Node): [number, number, number] {
  if (!node.range) throw new FrontmatterEditError('the frontmatter has a node without a source position');
  return node.range;
}

/** The offset just after the line holding `offset - 1`: where whole lines can be inserted after a node. */
function lineEndAfter(yaml: string, offset: number): number {
  if (offset > 0 && yaml[offset - 1] === '\n') return offset;
  const newline = yaml.indexOf('\n', offset);
  return newline === -1 ? yaml.length : newline + 1;
}

function lineStartOf(yaml: string, offset: number): number {
  return yaml.lastIndexOf('\n', offset - 1) + 1;
}

/** `key: value` lines for plain data, with quoting chosen by the YAML library and no line folding. */
function yamlLines(entries: Record<string, unknown>): string[] {
  return stringify(entries, { lineWidth: 0 }).replace(/\n$/, '').split('\n');
}

function scalarText(value: string): string {
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}

function splice(text: string, block: FrontmatterBlock, from: number, to: number, insert: string): string {
  const normalised = block.eol === '\n' ? insert : insert.replace(/\r?\n/g, block.eol);
  return text.slice(0, block.start + from) + normalised + text.slice(block.start + to);
}

function blockSequence(document: Document, key: string): Node & { items: unknown[] } {
  const node = document.get(key, true);
  if (!isSeq(node) || node.items.length === 0 || node.flow) throw new FrontmatterEditError(`"${key}" is not a list with at least one entry written one per line`);
  return node as Node & { items: unknown[] };
}

/**
 * Appends `entry` (a map) as the last item of the top-level list `key`, indented like the item before it.
 * Only new lines are added: nothing already in the file is rewritten.
 */
export function appendToList(text: string, key: string, entry: Record<string, unknown>): string {
  const block = frontmatterOf(text);
  const list = blockSequence(documentOf(block), key);
  const last = list.items[list.items.length - 1] as Node;
  const [itemStart, itemEnd] = rangeOf(last);
  const lineStart = lineStartOf(block.yaml, itemStart);
  const dashColumn = block.yaml.lastIndexOf('-', itemStart - 1) - lineStart;
  const contentColumn = itemStart - lineStart;
  const lines = yamlLines(entry).map((line, index) =>
    index === 0 ? `${' '.repeat(dashColumn)}-${' '.repeat(contentColumn - dashColumn - 1)}${line}` : line === '' ? line : `${' '.repeat(contentColumn)}${line}`,
  );
  const at = lineEndAfter(block.yaml, itemEnd);
  const lead = at === block.yaml.length && !block.yaml.endsWith('\n') ? '\n' : '';
  return splice(text, block, at, at, `${lead}${lines.join('\n')}\n`);
}

/** Sets a top-level scalar: its value is replaced where it stands, or a new line is added after the key `after`. */
export function setTopLevelScalar(text: string, key: string, value: string, after: string): string {
  const block = frontmatterOf(text);
  const root = documentOf(block).contents as YAMLMap;
  const existing = root.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
  if (existing) {
    if (!isScalar(existing.value)) throw new FrontmatterEditError(`"${key}" is not a single value`);
    const [from, to] = rangeOf(existing.value);
    return splice(text, block, from, to, scalarText(value));
  }
  const anchor = root.items.find((pair) => isScalar(pair.key) && pair.key.value === after);
  if (!anchor || !anchor.value) throw new FrontmatterEditError(`no "${after}" key to place "${key}" after`);
  const at = lineEndAfter(block.yaml, rangeOf(anchor.value as Node)[1]);
  return splice(text, block, at, at, `${key}: ${scalarText(value)}\n`);
}

/** Removes a top-level key and its value, whole lines only; the text is unchanged when the key is absent. */
export function removeTopLevelKey(text: string, key: string): string {
  const block = frontmatterOf(text);
  const root = documentOf(block).contents as YAMLMap;
  const pair = root.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === key);
  if (!pair) return text;
  const from = lineStartOf(block.yaml, rangeOf(pair.key as Node)[0]);
  const to = lineEndAfter(block.yaml, rangeOf((pair.value ?? pair.key) as Node)[1]);
  return splice(text, block, from, to, '');
}

/** Sets `key: value` in a block map: the value replaced where it stands, or a line added as the map's last. */
function setInMap(text: string, block: FrontmatterBlock, map: YAMLMap, key: string, value: string): string {
  const existing = map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
  if (existing && isScalar(existing.value)) {
    const [from, to] = rangeOf(existing.value);
    return splice(text, block, from, to, scalarText(value));
  }
  const [mapStart, mapEnd] = rangeOf(map);
  const column = mapStart - lineStartOf(block.yaml, mapStart);
  const at = lineEndAfter(block.yaml, mapEnd);
  return splice(text, block, at, at, `${' '.repeat(column)}${key}: ${scalarText(value)}\n`);
}

/**
 * Sets `key: value` in the item of the top-level list `listKey` whose `id` is `id`: replaced where it stands, or
 * added as the item's last line.
 */
export function setInListItem(text: string, listKey: string, id: string, key: string, value: string): string {
  const block = frontmatterOf(text);
  return setInMap(text, block, listItemWithId(documentOf(block), listKey, id), key, value);
}

function listItemWithId(document: Document, listKey: string, id: string): YAMLMap {
  const list = blockSequence(document, listKey);
  const item = list.items.find((candidate): candidate is YAMLMap => isMap(candidate) && candidate.get('id') === id);
  if (!item) throw new FrontmatterEditError(`no entry with id "${id}" in "${listKey}"`);
  return item;
}

function windowsOfItem(item: YAMLMap): (Node & { items: unknown[] }) | undefined {
  const pair = item.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === 'windows');
  if (!pair) return undefined;
  if (!isSeq(pair.value) || pair.value.flow || pair.value.items.length === 0 || !pair.value.items.every(isMap)) {
    throw new FrontmatterEditError('"windows" is not a list of windows written one per line');
  }
  return pair.value as Node & { items: unknown[] };
}

/**
 * Sets `key: value` (`end`, say) on the current window of the affected service `id` in `services:`: the last
 * entry of its `windows:` list when it has one, else the service entry itself.
 */
export function setOnCurrentWindow(text: string, id: string, key: string, value: string): string {
  const block = frontmatterOf(text);
  const item = listItemWithId(documentOf(block), 'services', id);
  const windows = windowsOfItem(item);
  return setInMap(text, block, windows ? (windows.items[windows.items.length - 1] as YAMLMap) : item, key, value);
}

/**
 * Opens a new impact window from `start` for the affected service `id`, which has recovered. A service written
 * with `start:`/`end:` gets a `windows:` list holding that first window (its instants kept as written, the
 * incident's `started:` standing in for an absent start) and the new one; a service with a list gets an entry.
 */
export function openServiceWindow(text: string, id: string, start: string): string {
  const block = frontmatterOf(text);
  const document = documentOf(block);
  const item = listItemWithId(document, 'services', id);
  const windows = windowsOfItem(item);
  if (windows) {
    const last = windows.items[windows.items.length - 1] as Node;
    const [itemStart, itemEnd] = rangeOf(last);
    const lineStart = lineStartOf(block.yaml, itemStart);
    const dashColumn = block.yaml.lastIndexOf('-', itemStart - 1) - lineStart;
    const at = lineEndAfter(block.yaml, itemEnd);
    return splice(text, block, at, at, `${' '.repeat(dashColumn)}- start: ${scalarText(start)}\n`);
  }
  const sourceOf = (map: YAMLMap, key: string): string | undefined => {
    const pair = map.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === key);
    if (!pair) return undefined;
    if (!isScalar(pair.value)) throw new FrontmatterEditError(`"${key}" is not a single value`);
    const [from, to] = rangeOf(pair.value);
    return block.yaml.slice(from, to);
  };
  const firstStart = sourceOf(item, 'start') ?? sourceOf(document.contents as YAMLMap, 'started');
  const firstEnd = sourceOf(item, 'end');
  if (firstStart === undefined || firstEnd === undefined) throw new FrontmatterEditError(`"${id}" has no end to close its first window`);
  const [itemStart, itemEnd] = rangeOf(item);
  const column = itemStart - lineStartOf(block.yaml, itemStart);
  const pad = ' '.repeat(column);
  // Whole lines of `start:` and `end:` go; the list is added as the entry's last lines.
  const removals = item.items
    .filter((pair) => isScalar(pair.key) && (pair.key.value === 'start' || pair.key.value === 'end'))
    .map((pair) => [lineStartOf(block.yaml, rangeOf(pair.key as Node)[0]), lineEndAfter(block.yaml, rangeOf(pair.value as Node)[1])] as const);
  if (removals.some(([from]) => from === lineStartOf(block.yaml, itemStart))) {
    throw new FrontmatterEditError(`"${id}" has start: or end: on its first line (expected the entry to begin with - id:)`);
  }
  const insertAt = lineEndAfter(block.yaml, itemEnd);
  const list = `${pad}windows:\n${pad}  - start: ${firstStart}\n${pad}    end: ${firstEnd}\n${pad}  - start: ${scalarText(start)}\n`;
  let yaml = block.yaml.slice(0, insertAt) + list + block.yaml.slice(insertAt);
  for (const [from, to] of [...removals].sort((a, b) => b[0] - a[0])) {
    yaml = yaml.slice(0, from) + yaml.slice(to);
  }
  return splice(text, block, 0, block.yaml.length, yaml);
}
