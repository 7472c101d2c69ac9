// One content or data file checked alone, from its text: it parses, its schema holds, its markdown is safe. The
// same function runs in the checking process and in the worker threads that check a large site in parallel.
import path from 'node:path';
import type { z } from 'zod';
import { incidentSchema, type Incident } from '../schemas/incident.ts';
import { maintenanceSchema, type Maintenance } from '../schemas/maintenance.ts';
import { postmortemSchema, type Postmortem } from '../schemas/postmortem.ts';
import { unsafeMarkdownProblems } from './markdown-safety.ts';
import { fieldPath, type Problem } from './problem.ts';
import { validateSource } from './schema-issues.ts';
import type { FileOutcome } from './validation-cache.ts';
import { parseMarkdownFile, parseYamlFile, type YamlSource } from './yaml-source.ts';

export interface SourcedRecord<T> {
  /** Path relative to the site root. */
  file: string;
  data: T;
  body: string;
  source: YamlSource;
}

export type SourceKind = 'yaml' | 'markdown';

/** The YAML fields of a record that are rendered as markdown, besides the body. */
export type MarkdownFieldsOf<T> = (data: T) => { path: (string | number)[]; text: string }[];

const incidentMarkdownFields: MarkdownFieldsOf<Incident> = (incident) => [
  ...incident.updates.map((update, index) => ({ path: ['updates', index, 'message'], text: update.message })),
  ...(incident.impact === undefined ? [] : [{ path: ['impact'], text: incident.impact }]),
];
const maintenanceMarkdownFields: MarkdownFieldsOf<Maintenance> = (window) => window.updates.map((update, index) => ({ path: ['updates', index, 'message'], text: update.message }));
const postmortemMarkdownFields: MarkdownFieldsOf<Postmortem> = (postmortem) => [{ path: ['userImpact'], text: postmortem.userImpact }];

/** How each markdown content file is checked; a site has thousands of these, and only these. */
export const CONTENT_FILE_CHECKS = {
  incident: { schema: incidentSchema, markdownFields: incidentMarkdownFields as MarkdownFieldsOf<unknown>, keepRawData: false },
  // A published postmortem's raw fields are read on every run (for placeholders left in); others only for a message.
  postmortem: { schema: postmortemSchema, markdownFields: postmortemMarkdownFields as MarkdownFieldsOf<unknown>, keepRawData: true },
  maintenance: { schema: maintenanceSchema, markdownFields: maintenanceMarkdownFields as MarkdownFieldsOf<unknown>, keepRawData: false },
} as const;

export type ContentFileKind = keyof typeof CONTENT_FILE_CHECKS;

const CONTENT_FILE_KINDS: readonly [RegExp, ContentFileKind][] = [
  [/^incidents\/\d{4}\/[^/]+\/index\.md$/, 'incident'],
  [/^incidents\/\d{4}\/[^/]+\/postmortem\.md$/, 'postmortem'],
  [/^content\/maintenance\/[^/]+\.md$/, 'maintenance'],
];

/** Which kind of content file a path names, if any. */
export function contentFileKind(file: string): ContentFileKind | undefined {
  return CONTENT_FILE_KINDS.find(([pattern]) => pattern.test(file))?.[1];
}

/**
 * Whether `/images/a.png` names a regular file of the site's public/ folder, as the walk found it (links and
 * hidden files are not in it); `..` cannot climb out, since the path is normalised from the site's root.
 */
export function publicFileExists(filesOnDisk: ReadonlySet<string>, sitePath: string): boolean {
  return filesOnDisk.has(`public${path.posix.normalize(sitePath)}`);
}

export function parseSource(file: string, text: string, kind: SourceKind, problems: Problem[]): YamlSource | undefined {
  const parsed = kind === 'yaml' ? parseYamlFile(file, text) : parseMarkdownFile(file, text);
  problems.push(...parsed.problems);
  return parsed.ok ? parsed.source : undefined;
}

/** One file checked alone: it parses, its schema holds, its markdown is safe. */
function validateText<S extends z.ZodType>(file: string, text: string, kind: SourceKind, schema: S, problems: Problem[], sources: Map<string, YamlSource> | undefined, markdownFields: MarkdownFieldsOf<z.output<S>> | undefined, siteFileExists: (sitePath: string) => boolean): SourcedRecord<z.output<S>> | undefined {
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

export interface CheckedFile<T> {
  /** What checking found, as the validation cache keeps it. */
  outcome: FileOutcome;
  /** The record with its parsed source, when the file has no problems of its own. */
  record?: SourcedRecord<T>;
  /** Whether the outcome gives the record back alone: the body is the end of the text, as a markdown file's is. */
  keepable: boolean;
}

export function checkFile<S extends z.ZodType>(file: string, text: string, kind: SourceKind, schema: S, siteFileExists: (sitePath: string) => boolean, options: { markdownFields?: MarkdownFieldsOf<z.output<S>> | undefined; keepRawData?: boolean; sources?: Map<string, YamlSource> | undefined } = {}): CheckedFile<z.output<S>> {
  const asked = new Map<string, boolean>();
  const outcome: FileOutcome = { problems: [], siteFiles: [] };
  const record = validateText(file, text, kind, schema, outcome.problems, options.sources, options.markdownFields, (sitePath) => {
    const exists = siteFileExists(sitePath);
    asked.set(sitePath, exists);
    return exists;
  });
  outcome.siteFiles = [...asked];
  if (record) {
    outcome.record = { data: record.data, bodyLength: record.body.length, bodyLine: record.source.bodyLine };
    if (options.keepRawData) outcome.record.rawData = record.source.data;
  }
  return { outcome, ...(record ? { record } : {}), keepable: !record || text.endsWith(record.body) };
}

/** A markdown content file checked alone, by its kind. */
export function checkContentFile(file: string, text: string, kind: ContentFileKind, siteFileExists: (sitePath: string) => boolean): CheckedFile<unknown> {
  const { schema, markdownFields, keepRawData } = CONTENT_FILE_CHECKS[kind];
  return checkFile(file, text, 'markdown', schema as z.ZodType, siteFileExists, { markdownFields, keepRawData });
}
