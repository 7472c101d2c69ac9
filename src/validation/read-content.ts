// Reads a site's content files from disk and validates each against its schema, collecting every problem.
import { closeSync, constants, openSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { Incident } from '../schemas/incident.ts';
import type { Maintenance } from '../schemas/maintenance.ts';
import { NOTIFICATIONS_FILE, notificationsFileSchema, type NotificationsFile } from '../schemas/notifications.ts';
import type { Postmortem } from '../schemas/postmortem.ts';
import { servicesFileSchema, type ServicesFile } from '../schemas/service.ts';
import { severityFileSchema, type SeverityFile } from '../schemas/severity.ts';
import { siteSchema, type Site } from '../schemas/site.ts';
import { readContentTree, type ContentTree } from './content-tree.ts';
import { whileReading } from './unexpected-error.ts';
import type { CheckJob } from './check-worker.ts';
import { CheckPool, PARALLEL_CHECK_FROM } from './parallel-check.ts';
import { checkFile, CONTENT_FILE_CHECKS, contentFileKind, parseSource, publicFileExists, type ContentFileKind, type MarkdownFieldsOf, type SourceKind, type SourcedRecord } from './check-file.ts';
import type { Problem } from './problem.ts';
import { ValidationCache, type FileOutcome } from './validation-cache.ts';
import type { YamlSource } from './yaml-source.ts';

export type { SourcedRecord } from './check-file.ts';

export interface ContentFiles {
  /** Service and level ids as written, even when their file has other problems, so references are still checked. */
  serviceIds: string[];
  severityIds: string[];
  site?: SourcedRecord<Site>;
  services?: SourcedRecord<ServicesFile>;
  severity?: SourcedRecord<SeverityFile>;
  /** content/notifications.yaml, when the site has one. */
  notifications?: SourcedRecord<NotificationsFile>;
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
type SiteTree = ContentTree & {
  pending: PendingWrites;
  onDisk: ReadonlySet<string>;
  /** Texts already read and keyed by the check ahead, each handed to the walk once instead of read and hashed again. */
  readAhead?: Map<string, { text: string; key: string }>;
};

/**
 * A regular file's text, read synchronously: a site has thousands of small files already in the page cache, and
 * 12,000 reads take 0.2 s this way against 2 s through fs/promises (a file handle, a thread-pool trip and a
 * promise for each open, stat, read and close).
 */
function readFromDisk(root: string, file: string, tree: SiteTree): string {
  if (!tree.onDisk.has(file)) throw new Error('not a regular file');
  // O_NOFOLLOW: a link swapped in after the folders were listed is still not followed.
  const descriptor = openSync(path.join(root, file), constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return readFileSync(descriptor, 'utf8');
  } finally {
    closeSync(descriptor);
  }
}

/** A content file's text, unless it cannot be read or is too large to parse safely (both reported). */
function readSourceText(root: string, file: string, tree: SiteTree, problems: Problem[]): string | undefined {
  if (tree.refused.has(file)) return undefined;
  let text: string;
  try {
    text = tree.pending.get(file) ?? readFromDisk(root, file, tree);
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

/**
 * The source of a file whose outcome was kept: its body as checked, and its lines and raw fields read again from
 * the text only if a rule asks (a message about the file), unless they were kept.
 */
function keptSource(file: string, text: string, kind: SourceKind, record: NonNullable<FileOutcome['record']>): YamlSource {
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

function readValidated<S extends z.ZodType>(root: string, tree: SiteTree, file: string, kind: SourceKind, schema: S, problems: Problem[], options: { sources?: Map<string, YamlSource>; markdownFields?: MarkdownFieldsOf<z.output<S>> | undefined; keepRawData?: boolean; cache?: ValidationCache | undefined } = {}): Promise<SourcedRecord<z.output<S>> | undefined> {
  return whileReading(file, async () => readAndValidate(root, tree, file, kind, schema, problems, options));
}

function readAndValidate<S extends z.ZodType>(root: string, tree: SiteTree, file: string, kind: SourceKind, schema: S, problems: Problem[], options: { sources?: Map<string, YamlSource>; markdownFields?: MarkdownFieldsOf<z.output<S>> | undefined; keepRawData?: boolean; cache?: ValidationCache | undefined }): SourcedRecord<z.output<S>> | undefined {
  // Read (and keyed) by the check ahead, which kept only texts that passed readSourceText.
  const ahead = tree.readAhead?.get(file);
  tree.readAhead?.delete(file);
  const text = ahead?.text ?? readSourceText(root, file, tree, problems);
  if (text === undefined) return undefined;
  const { cache } = options;
  const siteFileExists = (sitePath: string) => publicFileExists(tree.onDisk, sitePath);
  // The path is part of the key: it decides the schema (index.md, postmortem.md, maintenance) and the folder rules.
  const key = cache && (ahead?.key ?? cache.keyOf(kind, file, text));
  const kept = key === undefined ? undefined : cache!.get(key, siteFileExists);
  if (kept) {
    problems.push(...kept.problems);
    if (!kept.record) return undefined;
    const source = keptSource(file, text, kind, kept.record);
    return { file, data: kept.record.data as z.output<S>, body: source.body, source };
  }
  const checked = checkFile(file, text, kind, schema, siteFileExists, options);
  if (key !== undefined && checked.keepable) cache!.set(key, checked.outcome);
  problems.push(...checked.outcome.problems);
  return checked.record;
}

/** A markdown content file read and checked by its kind. */
function readContentFile(root: string, tree: SiteTree, file: string, kind: ContentFileKind, problems: Problem[], cache: ValidationCache | undefined): Promise<SourcedRecord<unknown> | undefined> {
  const { schema, markdownFields, keepRawData } = CONTENT_FILE_CHECKS[kind];
  return readValidated(root, tree, file, 'markdown', schema as z.ZodType, problems, { markdownFields, keepRawData, cache });
}

/** The `id` of each entry of a list in a data file, read before (and whatever) its schema says. */
function idsAsWritten(data: unknown, list: string): string[] {
  const entries = data && typeof data === 'object' ? (data as Record<string, unknown>)[list] : undefined;
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry) => (entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? [(entry as { id: string }).id] : []));
}

/** Data files: the first three always, notifications.yaml when the site sends notices. */
const DATA_FILES = ['content/site.yaml', 'content/services.yaml', 'content/severity.yaml', NOTIFICATIONS_FILE];
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
/** A note for the people editing a folder: markdown, never published, never read. */
const README_FILE = /(^|\/)README\.md$/i;

/** Beyond this a content file is refused unread. */
const LARGEST_CONTENT_FILE_BYTES = 128 * 1024;

/** The markdown content files the walk below checks: incidents, postmortems, maintenance. */
function contentFilesOf(tree: SiteTree): { file: string; kind: ContentFileKind }[] {
  return tree.files.flatMap((file) => {
    const kind = contentFileKind(file);
    return kind && !README_FILE.test(file) && !tree.refused.has(file) ? [{ file, kind }] : [];
  });
}

/**
 * Checks the content files with no kept outcome on every core, when there are enough of them to be worth it,
 * and keeps each outcome for the run: the walk below then finds them kept, exactly as a later run would. A file
 * that cannot be read, is too large, or that no thread answered is left to the walk, which reports it. When the
 * kept outcomes are too few to cover the site, the worker threads start before the files are read, so that
 * their loading overlaps the reading.
 */
async function checkAheadInParallel(root: string, tree: SiteTree, cache: ValidationCache, parallelFrom: number): Promise<void> {
  const files = contentFilesOf(tree);
  const publicFiles = () => [...tree.onDisk].filter((file) => file.startsWith('public/'));
  let pool = files.length - cache.keptCount >= parallelFrom ? CheckPool.start(publicFiles()) : undefined;
  try {
    const jobs: (CheckJob & { key: string })[] = [];
    const siteFileExists = (sitePath: string) => publicFileExists(tree.onDisk, sitePath);
    const readAhead = new Map<string, { text: string; key: string }>();
    for (const { file, kind } of files) {
      const text = readSourceText(root, file, tree, []);
      if (text === undefined) continue;
      const key = cache.keyOf('markdown', file, text);
      readAhead.set(file, { text, key });
      if (!cache.get(key, siteFileExists)) jobs.push({ file, kind, text, key });
    }
    tree.readAhead = readAhead;
    if (jobs.length < parallelFrom) return;
    // Kept outcomes that no longer match (new code): the threads start now.
    pool ??= CheckPool.start(publicFiles());
    const { outcomes } = await pool.check(jobs);
    for (const job of jobs) {
      const result = outcomes.get(job.file);
      if (result?.keepable) cache.set(job.key, result.outcome);
    }
  } finally {
    pool?.close();
  }
}

export interface ReadOptions {
  /** How many files without a kept outcome make the check run on every core (PARALLEL_CHECK_FROM). */
  parallelFrom?: number;
}

/** Every content file of the site under `root`, each validated alone; cross-file rules run after. */
export async function readContentFiles(root: string, problems: Problem[], pending: PendingWrites = new Map(), options: ReadOptions = {}): Promise<ContentFiles> {
  const listed = await readContentTree(root, problems);
  const tree: SiteTree = { ...listed, files: [...new Set([...listed.files, ...pending.keys()])].sort(), pending, onDisk: new Set(listed.files) };
  const sources = new Map<string, YamlSource>();
  const cache = ValidationCache.open(root) ?? ValidationCache.forThisRun();
  const [site, services, severity, notifications] = await Promise.all([
    readValidated(root, tree, 'content/site.yaml', 'yaml', siteSchema, problems),
    readValidated(root, tree, 'content/services.yaml', 'yaml', servicesFileSchema, problems, { sources }),
    readValidated(root, tree, 'content/severity.yaml', 'yaml', severityFileSchema, problems, { sources }),
    tree.files.includes(NOTIFICATIONS_FILE) ? readValidated(root, tree, NOTIFICATIONS_FILE, 'yaml', notificationsFileSchema, problems) : undefined,
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
  if (notifications) files.notifications = notifications;

  await checkAheadInParallel(root, tree, cache, options.parallelFrom ?? PARALLEL_CHECK_FROM);
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
    const kind = contentFileKind(file);
    if (file.startsWith('incidents/')) {
      if (file.endsWith('.mdx')) {
        problems.push({ file, line: 1, field: 'file', message: 'MDX is not accepted for incidents and postmortems because it can run code on the site (expected a .md file)' });
      } else if (kind !== 'incident' && kind !== 'postmortem') {
        problems.push({ file, line: 1, field: 'file', message: 'unexpected file in incidents/ (expected incidents/YYYY/<incident-id>/index.md or postmortem.md)' });
      } else if (kind === 'incident') {
        const record = await readContentFile(root, tree, file, 'incident', problems, cache);
        if (record) files.incidents.push(record as SourcedRecord<Incident>);
        else files.refusedFiles.push(file);
      } else {
        const record = await readContentFile(root, tree, file, 'postmortem', problems, cache);
        if (record) files.postmortems.push(record as SourcedRecord<Postmortem>);
        else files.refusedFiles.push(file);
      }
    } else if (file.startsWith('content/maintenance/')) {
      if (kind !== 'maintenance') {
        problems.push({ file, line: 1, field: 'file', message: 'unexpected file in content/maintenance/ (expected content/maintenance/<id>.md)' });
        continue;
      }
      const record = await readContentFile(root, tree, file, 'maintenance', problems, cache);
      if (record) files.maintenance.push(record as SourcedRecord<Maintenance>);
      else files.refusedFiles.push(file);
    } else {
      problems.push({ file, line: 1, field: 'file', message: 'unexpected file in content/ (expected content/site.yaml, services.yaml, severity.yaml, notifications.yaml or content/maintenance/<id>.md)' });
    }
  }
  cache.save();
  return files;
}
