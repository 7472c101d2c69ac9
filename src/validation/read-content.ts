// Reads a site's content files from disk and validates each against its schema, collecting every problem.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { incidentSchema, type Incident } from '../schemas/incident.ts';
import { maintenanceSchema, type Maintenance } from '../schemas/maintenance.ts';
import { postmortemSchema, type Postmortem } from '../schemas/postmortem.ts';
import { servicesFileSchema, type ServicesFile } from '../schemas/service.ts';
import { severityFileSchema, type SeverityFile } from '../schemas/severity.ts';
import { siteSchema, type Site } from '../schemas/site.ts';
import { readContentTree, type ContentTree } from './content-tree.ts';
import { whileReading } from './unexpected-error.ts';
import { unsafeMarkdownProblems } from './markdown-safety.ts';
import { fieldPath, type Problem } from './problem.ts';
import { validateSource } from './schema-issues.ts';
import { ValidationCache, type FileOutcome } from './validation-cache.ts';
import { parseMarkdownFile, parseYamlFile, type YamlSource } from './yaml-source.ts';

export interface SourcedRecord<T> {
  /** Path relative to the site root. */
  file: string;
  data: T;
  body: string;
  source: YamlSource;
}

export interface ContentFiles {
  /** Service and level ids as written, even when their file has other problems, so references are still checked. */
  serviceIds: string[];
  severityIds: string[];
  site?: SourcedRecord<Site>;
  services?: SourcedRecord<ServicesFile>;
  severity?: SourcedRecord<SeverityFile>;
  incidents: SourcedRecord<Incident>[];
  postmortems: SourcedRecord<Postmortem>[];
  maintenance: SourcedRecord<Maintenance>[];
  /** Files whose own problems were reported and that yield no record, so other files' rules do not report them missing. */
  refusedFiles: string[];
}

/** Texts a command is about to write, keyed by path relative to the root: checked as if on disk before they are. */
export type PendingWrites = ReadonlyMap<string, string>;

/**
 * The listed tree, with the texts a command is about to write standing in for (or beside) the files on disk, and
 * the regular files the walk found, looked up once per file read (a site has thousands).
 */
type SiteTree = ContentTree & { pending: PendingWrites; onDisk: ReadonlySet<string>; readingAhead?: { texts: Map<string, Promise<string>>; taken: Set<string> } };

/** Files read at once ahead of the one being checked: a site has thousands, and one at a time the disk sits idle. */
const READ_AHEAD = 32;

/**
 * Starts reading `files` in order, READ_AHEAD at a time, so each text is there (or nearly) when the check asks for
 * it; a file asked for before its turn is read then, and not again.
 */
function readAhead(root: string, tree: SiteTree, files: readonly string[]): void {
  const texts = new Map<string, Promise<string>>();
  const taken = new Set<string>();
  tree.readingAhead = { texts, taken };
  let next = 0;
  let reading = 0;
  const pump = () => {
    while (reading < READ_AHEAD && next < files.length) {
      const file = files[next++]!;
      if (taken.has(file)) continue;
      taken.add(file);
      reading += 1;
      const text = readFromDisk(root, file, tree);
      // Awaited (and its error reported) when the check reaches the file; not an unhandled rejection meanwhile.
      text.catch(() => undefined).finally(() => {
        reading -= 1;
        pump();
      });
      texts.set(file, text);
    }
  };
  pump();
}

function readRegularFile(root: string, file: string, tree: SiteTree): Promise<string> {
  const ahead = tree.readingAhead?.texts.get(file);
  if (ahead) {
    // Handed over once: a later read of the same file goes to the disk again.
    tree.readingAhead!.texts.delete(file);
    return ahead;
  }
  tree.readingAhead?.taken.add(file);
  return readFromDisk(root, file, tree);
}

async function readFromDisk(root: string, file: string, tree: SiteTree): Promise<string> {
  if (!tree.onDisk.has(file)) throw new Error('not a regular file');
  // O_NOFOLLOW: a link swapped in after the folders were listed is still not followed.
  const handle = await open(path.join(root, file), constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** A content file's text, unless it cannot be read or is too large to parse safely (both reported). */
async function readSourceText(root: string, file: string, tree: SiteTree, problems: Problem[]): Promise<string | undefined> {
  if (tree.refused.has(file)) return undefined;
  let text: string;
  try {
    text = tree.pending.get(file) ?? (await readRegularFile(root, file, tree));
  } catch {
    problems.push({ file, line: 1, field: 'file', message: 'cannot be read (expected the file to exist)' });
    return undefined;
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > LARGEST_CONTENT_FILE_BYTES) {
    // Markdown and YAML parsers can take minutes on crafted input of a few hundred kilobytes (deep nesting,
    // thousands of emphasis openers); no real incident or postmortem comes near this size.
    problems.push({ file, line: 1, field: 'file', message: `is ${Math.ceil(bytes / 1024)} KB (expected at most ${LARGEST_CONTENT_FILE_BYTES / 1024} KB; move long logs to a linked page)` });
    return undefined;
  }
  return text;
}

function parseSource(file: string, text: string, kind: 'yaml' | 'markdown', problems: Problem[]): YamlSource | undefined {
  const parsed = kind === 'yaml' ? parseYamlFile(file, text) : parseMarkdownFile(file, text);
  problems.push(...parsed.problems);
  return parsed.ok ? parsed.source : undefined;
}

/**
 * The source of a file whose outcome was kept: its body as checked, and its lines and raw fields read again from
 * the text only if a rule asks (a message about the file), unless they were kept.
 */
function keptSource(file: string, text: string, kind: 'yaml' | 'markdown', record: NonNullable<FileOutcome['record']>): YamlSource {
  let parsed: YamlSource | undefined;
  const reparsed = () => (parsed ??= parseSource(file, text, kind, []));
  return {
    file,
    get data() {
      return 'rawData' in record ? record.rawData : reparsed()?.data;
    },
    body: text.slice(text.length - record.bodyLength),
    bodyLine: record.bodyLine,
    lineOf: (fieldPathParts) => reparsed()?.lineOf(fieldPathParts) ?? 1,
  };
}

/** The YAML fields of a record that are rendered as markdown, besides the body. */
type MarkdownFieldsOf<T> = (data: T) => { path: (string | number)[]; text: string }[];

const incidentMarkdownFields: MarkdownFieldsOf<Incident> = (incident) => [
  ...incident.updates.map((update, index) => ({ path: ['updates', index, 'message'], text: update.message })),
  ...(incident.impact === undefined ? [] : [{ path: ['impact'], text: incident.impact }]),
];
const postmortemMarkdownFields: MarkdownFieldsOf<Postmortem> = (postmortem) => [{ path: ['userImpact'], text: postmortem.userImpact }];

/**
 * Whether `/images/a.png` names a regular file of the site's public/ folder, as the walk found it (links and
 * hidden files are not in it); `..` cannot climb out, since the path is normalised from the site's root.
 */
function publicFileExists(tree: SiteTree, sitePath: string): boolean {
  return tree.onDisk.has(`public${path.posix.normalize(sitePath)}`);
}

function readValidated<S extends z.ZodType>(root: string, tree: SiteTree, file: string, kind: 'yaml' | 'markdown', schema: S, problems: Problem[], sources?: Map<string, YamlSource>, markdownFields?: MarkdownFieldsOf<z.output<S>>, cache?: ValidationCache, keepRawData = false): Promise<SourcedRecord<z.output<S>> | undefined> {
  return whileReading(file, () => readAndValidate(root, tree, file, kind, schema, problems, sources, markdownFields, cache, keepRawData));
}

async function readAndValidate<S extends z.ZodType>(root: string, tree: SiteTree, file: string, kind: 'yaml' | 'markdown', schema: S, problems: Problem[], sources: Map<string, YamlSource> | undefined, markdownFields: MarkdownFieldsOf<z.output<S>> | undefined, cache: ValidationCache | undefined, keepRawData: boolean): Promise<SourcedRecord<z.output<S>> | undefined> {
  const text = await readSourceText(root, file, tree, problems);
  if (text === undefined) return undefined;
  const siteFileExists = (sitePath: string) => publicFileExists(tree, sitePath);
  // The path is part of the key: it decides the schema (index.md, postmortem.md, maintenance) and the folder rules.
  const key = cache?.keyOf(kind, file, text);
  const kept = key === undefined ? undefined : cache!.get(key, siteFileExists);
  if (kept) {
    problems.push(...kept.problems);
    if (!kept.record) return undefined;
    const source = keptSource(file, text, kind, kept.record);
    return { file, data: kept.record.data as z.output<S>, body: source.body, source };
  }
  const asked = new Map<string, boolean>();
  const outcome: FileOutcome = { problems: [], siteFiles: [] };
  const record = validateText(file, text, kind, schema, outcome.problems, sources, markdownFields, (sitePath) => {
    const exists = siteFileExists(sitePath);
    asked.set(sitePath, exists);
    return exists;
  });
  outcome.siteFiles = [...asked];
  if (record) {
    outcome.record = { data: record.data, bodyLength: record.body.length, bodyLine: record.source.bodyLine };
    // A published postmortem's raw fields are read on every run (for placeholders left in); others only for a message.
    if (keepRawData) outcome.record.rawData = record.source.data;
  }
  // Kept only when the body is the end of the text, as a markdown file's is, so the kept length gives it back.
  if (key !== undefined && (!record || text.endsWith(record.body))) cache!.set(key, outcome);
  problems.push(...outcome.problems);
  return record;
}

/** One file checked alone: it parses, its schema holds, its markdown is safe. */
function validateText<S extends z.ZodType>(file: string, text: string, kind: 'yaml' | 'markdown', schema: S, problems: Problem[], sources: Map<string, YamlSource> | undefined, markdownFields: MarkdownFieldsOf<z.output<S>> | undefined, siteFileExists: (sitePath: string) => boolean): SourcedRecord<z.output<S>> | undefined {
  const source = parseSource(file, text, kind, problems);
  if (!source) return undefined;
  sources?.set(file, source);
  const validated = validateSource(schema, source);
  if (kind === 'markdown') problems.push(...unsafeMarkdownProblems({ file, field: 'body', text: source.body, line: source.bodyLine, linesFollowText: true }, siteFileExists));
  if (!validated.ok) {
    problems.push(...validated.problems);
    return undefined;
  }
  for (const { path: fieldPathParts, text: markdownText } of markdownFields?.(validated.data) ?? []) {
    // A field's problems all sit on its key's line, looked up only when there are some: placing keys costs a full parse.
    const unsafe = unsafeMarkdownProblems({ file, field: fieldPath(fieldPathParts), text: markdownText, line: 1, linesFollowText: false }, siteFileExists);
    if (unsafe.length > 0) {
      const line = source.lineOf(fieldPathParts);
      problems.push(...unsafe.map((problem) => ({ ...problem, line })));
    }
  }
  return { file, data: validated.data, body: source.body, source };
}

/** The `id` of each entry of a list in a data file, read before (and whatever) its schema says. */
function idsAsWritten(data: unknown, list: string): string[] {
  const entries = data && typeof data === 'object' ? (data as Record<string, unknown>)[list] : undefined;
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry) => (entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? [(entry as { id: string }).id] : []));
}

const DATA_FILES = ['content/site.yaml', 'content/services.yaml', 'content/severity.yaml'];
const INCIDENT_FILE = /^incidents\/\d{4}\/[^/]+\/(index|postmortem)\.md$/;
/**
 * Files public/ may hold: raster images under public/images/ (outside it a file could replace a page or a
 * social card the build writes), which cannot carry script.
 */
const PUBLIC_FILE = /^public\/images\/.+\.(png|jpe?g|gif|webp|avif)$/i;

/** The first bytes each accepted image type starts with, so an HTML file named `.png` is not published. */
const IMAGE_SIGNATURES: Record<string, (head: Buffer) => boolean> = {
  png: (head) => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpg: (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff,
  jpeg: (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff,
  gif: (head) => /^GIF8[79]a/.test(head.subarray(0, 6).toString('latin1')),
  webp: (head) => head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP',
  avif: (head) => head.subarray(4, 12).toString('latin1') === 'ftypavif' || head.subarray(4, 12).toString('latin1') === 'ftypavis',
};

/** Whether a public/ file's content is the image its name says. */
async function isImageItSaysItIs(root: string, file: string): Promise<boolean> {
  const extension = file.split('.').pop()!.toLowerCase();
  const handle = await open(path.join(root, file), constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const head = Buffer.alloc(16);
    await handle.read(head, 0, 16, 0);
    return IMAGE_SIGNATURES[extension]?.(head) ?? false;
  } finally {
    await handle.close();
  }
}
const MAINTENANCE_FILE = /^content\/maintenance\/[^/]+\.md$/;
/** A note for the people editing a folder: markdown, never published, never read. */
const README_FILE = /(^|\/)README\.md$/i;

/** Beyond this a content file is refused unread. */
const LARGEST_CONTENT_FILE_BYTES = 128 * 1024;

/** Every content file of the site under `root`, each validated alone; cross-file rules run after. */
export async function readContentFiles(root: string, problems: Problem[], pending: PendingWrites = new Map()): Promise<ContentFiles> {
  const listed = await readContentTree(root, problems);
  const tree: SiteTree = { ...listed, files: [...new Set([...listed.files, ...pending.keys()])].sort(), pending, onDisk: new Set(listed.files) };
  const sources = new Map<string, YamlSource>();
  const cache = ValidationCache.open(root);
  const [site, services, severity] = await Promise.all([
    readValidated(root, tree, 'content/site.yaml', 'yaml', siteSchema, problems),
    readValidated(root, tree, 'content/services.yaml', 'yaml', servicesFileSchema, problems, sources),
    readValidated(root, tree, 'content/severity.yaml', 'yaml', severityFileSchema, problems, sources),
  ]);
  const files: ContentFiles = {
    serviceIds: idsAsWritten(sources.get('content/services.yaml')?.data, 'services'),
    severityIds: idsAsWritten(sources.get('content/severity.yaml')?.data, 'levels'),
    incidents: [],
    postmortems: [],
    maintenance: [],
    refusedFiles: [],
  };
  if (site) files.site = site;
  else files.refusedFiles.push('content/site.yaml');
  if (services) files.services = services;
  if (severity) files.severity = severity;

  readAhead(root, tree, tree.files.filter((file) => /^(incidents|content\/maintenance)\/.*\.md$/.test(file) && !tree.pending.has(file) && !tree.refused.has(file)));
  for (const file of tree.files) {
    if (file.startsWith('public/')) {
      // Astro copies public/ into the site untouched, and an SVG or HTML file there would run script from the
      // status domain when opened directly (a page's CSP does not cover it): only raster images are published.
      if (!PUBLIC_FILE.test(file)) {
        problems.push({ file, line: 1, field: 'file', message: 'is published as it is from the site\'s address, so only raster images under public/images/ are accepted (expected public/images/<name>.png, .jpg, .jpeg, .gif, .webp or .avif)' });
      } else if (!(await isImageItSaysItIs(root, file))) {
        problems.push({ file, line: 1, field: 'file', message: `does not hold the image its name says (expected the file to start like a .${file.split('.').pop()!.toLowerCase()} image; an HTML or SVG file renamed is not accepted)` });
      }
      continue;
    }
    if (README_FILE.test(file) || DATA_FILES.includes(file)) continue;
    if (file.startsWith('incidents/')) {
      if (file.endsWith('.mdx')) {
        problems.push({ file, line: 1, field: 'file', message: 'MDX is not accepted for incidents and postmortems because it can run code on the site (expected a .md file)' });
      } else if (!INCIDENT_FILE.test(file)) {
        problems.push({ file, line: 1, field: 'file', message: 'unexpected file in incidents/ (expected incidents/YYYY/<incident-id>/index.md or postmortem.md)' });
      } else if (file.endsWith('/index.md')) {
        const record = await readValidated(root, tree, file, 'markdown', incidentSchema, problems, undefined, incidentMarkdownFields, cache);
        if (record) files.incidents.push(record);
        else files.refusedFiles.push(file);
      } else {
        const record = await readValidated(root, tree, file, 'markdown', postmortemSchema, problems, undefined, postmortemMarkdownFields, cache, true);
        if (record) files.postmortems.push(record);
        else files.refusedFiles.push(file);
      }
    } else if (file.startsWith('content/maintenance/')) {
      if (!MAINTENANCE_FILE.test(file)) {
        problems.push({ file, line: 1, field: 'file', message: 'unexpected file in content/maintenance/ (expected content/maintenance/<id>.md)' });
        continue;
      }
      const record = await readValidated(root, tree, file, 'markdown', maintenanceSchema, problems, undefined, undefined, cache);
      if (record) files.maintenance.push(record);
      else files.refusedFiles.push(file);
    } else {
      problems.push({ file, line: 1, field: 'file', message: 'unexpected file in content/ (expected content/site.yaml, services.yaml, severity.yaml or content/maintenance/<id>.md)' });
    }
  }
  cache?.save();
  return files;
}
