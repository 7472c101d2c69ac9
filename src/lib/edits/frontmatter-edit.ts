// Edits to a markdown file's YAML frontmatter that keep comments, quoting and layout as the author wrote them, so a
// diff shows only the lines that changed (an added update is a clean append).
//
// Each edit is made on the YAML library's document model, which edits block style (`- id: login`) and flow style
// (`- { id: login, impact: degraded }`) alike, and the document is written back with the layout options
// (indentation, lists indented under their key or not, spaces inside brackets) that reproduce the author's text
// exactly, so every line the edit did not touch comes back as it was. A layout the library cannot reproduce
// (`-   at:` with four columns under a two-column map, say) is edited on the text instead, whole lines inserted
// where its neighbours stand, which block style allows.
import { isMap, isScalar, isSeq, parseDocument, Scalar, stringify, type Document, type Node, type ToStringOptions, type YAMLMap, type YAMLSeq } from 'yaml';

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
  // A byte-order mark (Windows editors add one) stays where it is, before the opening line.
  const opening = /^\uFEFF?---\r?\n/.exec(text);
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
function appendToListOnText(text: string, key: string, entry: Record<string, unknown>): string {
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
function setTopLevelScalarOnText(text: string, key: string, value: string, after: string): string {
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
function removeTopLevelKeyOnText(text: string, key: string): string {
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
  if (map.flow) throw new FrontmatterEditError(`"${key}" would go inside { } written on one line`);
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
function setInListItemOnText(text: string, listKey: string, id: string, key: string, value: string): string {
  const block = frontmatterOf(text);
  return setInMap(text, block, listItemWithId(documentOf(block), listKey, id), key, value);
}

function listItemWithId(document: Document, listKey: string, id: string, anyStyle = false): YAMLMap {
  const list = anyStyle ? sequence(document, listKey) : blockSequence(document, listKey);
  const item = list.items.find((candidate): candidate is YAMLMap => isMap(candidate) && candidate.get('id') === id);
  if (!item) throw new FrontmatterEditError(`no entry with id "${id}" in "${listKey}"`);
  return item;
}

function windowsOfItem(item: YAMLMap, anyStyle = false): (Node & { items: unknown[] }) | undefined {
  const pair = item.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === 'windows');
  if (!pair) return undefined;
  if (!isSeq(pair.value) || (pair.value.flow && !anyStyle) || pair.value.items.length === 0 || !pair.value.items.every(isMap)) {
    throw new FrontmatterEditError('"windows" is not a list of windows written one per line');
  }
  return pair.value as Node & { items: unknown[] };
}

/**
 * Sets `key: value` (`end`, say) on the current window of the affected service `id` in `services:`: the last
 * entry of its `windows:` list when it has one, else the service entry itself.
 */
function setOnCurrentWindowOnText(text: string, id: string, key: string, value: string): string {
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
function openServiceWindowOnText(text: string, id: string, start: string): string {
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

// ── Edits on the document model ─────────────────────────────────────────────────────────────────────────────────

const LAYOUTS: ToStringOptions[] = [2, 4].flatMap((indent) =>
  [true, false].flatMap((indentSeq) => [false, true].map((flowCollectionPadding) => ({ indent, indentSeq, flowCollectionPadding, lineWidth: 0 }))),
);

/** How many of the text's lines the library writes differently under `options`. */
function linesChanged(document: Document, written: string, options: ToStringOptions): number {
  const before = written.split('\n');
  const after = document.toString(options).split('\n');
  let changed = Math.abs(before.length - after.length);
  for (let index = 0; index < Math.min(before.length, after.length); index += 1) if (before[index] !== after[index]) changed += 1;
  return changed;
}

/**
 * Applies `onModel` to the frontmatter's document and writes it back in the author's layout. When no layout
 * options reproduce the text exactly, `onText` edits the text instead; and when the text edit cannot follow the
 * file either (flow style in a layout of its own), the model is written with the options closest to the text,
 * which can respace a line the edit did not touch (`[{ a }]` written `[ { a } ]`) but never changes a value.
 */
function edit(text: string, onModel: (document: Document) => void, onText: () => string): string {
  const block = frontmatterOf(text);
  const document = documentOf(block);
  const written = block.yaml.replace(/\r\n/g, '\n');
  let layout = LAYOUTS.find((options) => document.toString(options) === written);
  if (!layout) {
    try {
      const edited = onText();
      // Lines spliced into a layout the text edit misjudged would not parse (documentOf throws): the model then
      // does the edit.
      documentOf(frontmatterOf(edited));
      return edited;
    } catch (error) {
      if (!(error instanceof FrontmatterEditError)) throw error;
      const changed = LAYOUTS.map((options) => linesChanged(document, written, options));
      layout = LAYOUTS[changed.indexOf(Math.min(...changed))]!;
    }
  }
  onModel(document);
  return splice(text, block, 0, block.yaml.length, document.toString(layout));
}

function sequence(document: Document, key: string): YAMLSeq {
  const node = document.get(key, true);
  if (!isSeq(node) || node.items.length === 0) throw new FrontmatterEditError(`"${key}" is not a list with at least one entry`);
  return node;
}

function pairOf(map: YAMLMap, key: string) {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

/** Sets `key` in `map` to `value`: an existing single value changed where it stands (its comment and quoting
 * kept where they still fit), else a new last entry. */
function setValue(document: Document, map: YAMLMap, key: string, value: string): void {
  const existing = pairOf(map, key);
  if (!existing) {
    map.items.push(document.createPair(key, value));
    return;
  }
  if (!isScalar(existing.value)) throw new FrontmatterEditError(`"${key}" is not a single value`);
  existing.value.value = value;
}

/**
 * Appends `entry` (a map) as the last item of the top-level list `key`: a new block entry indented like the ones
 * before it, or a new `{ … }` in a list written inline. Nothing already in the file is rewritten.
 */
export function appendToList(text: string, key: string, entry: Record<string, unknown>): string {
  return edit(text, (document) => sequence(document, key).items.push(document.createNode(entry)), () => appendToListOnText(text, key, entry));
}

/** Sets a top-level scalar: its value is replaced where it stands, or a new entry is added after the key `after`. */
export function setTopLevelScalar(text: string, key: string, value: string, after: string): string {
  return edit(
    text,
    (document) => {
      const root = document.contents as YAMLMap;
      if (pairOf(root, key)) return setValue(document, root, key, value);
      const anchor = root.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === after);
      if (anchor === -1) throw new FrontmatterEditError(`no "${after}" key to place "${key}" after`);
      root.items.splice(anchor + 1, 0, document.createPair(key, value));
    },
    () => setTopLevelScalarOnText(text, key, value, after),
  );
}

/** Removes a top-level key and its value; the text is unchanged when the key is absent. */
export function removeTopLevelKey(text: string, key: string): string {
  if (!pairOf(documentOf(frontmatterOf(text)).contents as YAMLMap, key)) return text;
  return edit(text, (document) => void document.delete(key), () => removeTopLevelKeyOnText(text, key));
}

/**
 * Sets `key: value` in the item of the top-level list `listKey` whose `id` is `id`: replaced where it stands, or
 * added as the item's last entry.
 */
export function setInListItem(text: string, listKey: string, id: string, key: string, value: string): string {
  return edit(text, (document) => setValue(document, listItemWithId(document, listKey, id, true), key, value), () => setInListItemOnText(text, listKey, id, key, value));
}

/**
 * Sets `key: value` (`end`, say) on the current window of the affected service `id` in `services:`: the last
 * entry of its `windows:` list when it has one, else the service entry itself.
 */
export function setOnCurrentWindow(text: string, id: string, key: string, value: string): string {
  return edit(
    text,
    (document) => {
      const item = listItemWithId(document, 'services', id, true);
      const windows = windowsOfItem(item, true);
      setValue(document, windows ? (windows.items[windows.items.length - 1] as YAMLMap) : item, key, value);
    },
    () => setOnCurrentWindowOnText(text, id, key, value),
  );
}

/**
 * Opens a new impact window from `start` for the affected service `id`, which has recovered. A service written
 * with `start:`/`end:` gets a `windows:` list holding that first window (its instants kept as written, the
 * incident's `started:` standing in for an absent start) and the new one; a service with a list gets an entry.
 */
export function openServiceWindow(text: string, id: string, start: string): string {
  return edit(
    text,
    (document) => {
      const item = listItemWithId(document, 'services', id, true);
      const windows = windowsOfItem(item, true);
      if (windows) {
        windows.items.push(document.createNode({ start }));
        return;
      }
      const written = (map: YAMLMap, key: string): Scalar | undefined => {
        const pair = pairOf(map, key);
        if (!pair) return undefined;
        if (!isScalar(pair.value)) throw new FrontmatterEditError(`"${key}" is not a single value`);
        return pair.value.clone() as Scalar;
      };
      const firstStart = written(item, 'start') ?? written(document.contents as YAMLMap, 'started');
      const firstEnd = written(item, 'end');
      if (firstStart === undefined || firstEnd === undefined) throw new FrontmatterEditError(`"${id}" has no end to close its first window`);
      // A comment after the end (`end: … # back`) stays with the instant it explains.
      item.delete('start');
      item.delete('end');
      const first = document.createNode({}) as YAMLMap;
      first.items.push(document.createPair('start', firstStart), document.createPair('end', firstEnd));
      const list = document.createNode([first, { start }]) as YAMLSeq;
      list.flow = Boolean(item.flow);
      item.items.push(document.createPair('windows', list));
    },
    () => openServiceWindowOnText(text, id, start),
  );
}

/** The model alone does these edits: a layout it cannot reproduce is written in the layout closest to the text. */
function modelOnly(what: string): () => string {
  return () => {
    throw new FrontmatterEditError(`${what} is done on the document model`);
  };
}

/**
 * Appends `entry` to the top-level list `key`, creating the list after the key `after` when the file has none yet
 * (a maintenance window's first update).
 */
export function appendToListCreating(text: string, key: string, entry: Record<string, unknown>, after: string): string {
  const existing = (documentOf(frontmatterOf(text)).contents as YAMLMap).items.find((pair) => isScalar(pair.key) && pair.key.value === key);
  if (existing && isSeq(existing.value) && existing.value.items.length > 0) return appendToList(text, key, entry);
  return edit(
    text,
    (document) => {
      const root = document.contents as YAMLMap;
      const anchor = root.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === after);
      if (anchor === -1) throw new FrontmatterEditError(`no "${after}" key to place "${key}" after`);
      if (pairOf(root, key)) document.delete(key);
      root.items.splice(anchor + 1, 0, document.createPair(key, [entry]));
    },
    modelOnly(`a new "${key}" list`),
  );
}

/** Sets a top-level key to `true` (`cancelled: true`), where it stands or after the key `after`. */
export function setTopLevelTrue(text: string, key: string, after: string): string {
  return edit(
    text,
    (document) => {
      const root = document.contents as YAMLMap;
      const existing = pairOf(root, key);
      if (existing && isScalar(existing.value)) {
        existing.value.value = true;
        return;
      }
      const anchor = root.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === after);
      if (anchor === -1) throw new FrontmatterEditError(`no "${after}" key to place "${key}" after`);
      root.items.splice(anchor + 1, 0, document.createPair(key, true));
    },
    modelOnly(`"${key}: true"`),
  );
}
