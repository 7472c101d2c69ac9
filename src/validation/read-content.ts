// Reads a site's content files from disk and validates each against its schema, collecting every problem.
import { constants, lstatSync } from 'node:fs';
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

/** The listed tree, with the texts a command is about to write standing in for (or beside) the files on disk. */
type SiteTree = ContentTree & { pending: PendingWrites };

async function readRegularFile(root: string, file: string, tree: ContentTree): Promise<string> {
  if (!tree.files.includes(file)) throw new Error('not a regular file');
  // O_NOFOLLOW: a link swapped in after the folders were listed is still not followed.
  const handle = await open(path.join(root, file), constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

async function readSource(root: string, file: string, kind: 'yaml' | 'markdown', tree: SiteTree, problems: Problem[]): Promise<YamlSource | undefined> {
  if (tree.refused.has(file)) return undefined;
  let text: string;
  try {
    text = tree.pending.get(file) ?? (await readRegularFile(root, file, tree));
  } catch {
    problems.push({ file, line: 1, field: 'file', message: 'cannot be read (expected the file to exist)' });
    return undefined;
  }
  const parsed = kind === 'yaml' ? parseYamlFile(file, text) : parseMarkdownFile(file, text);
  problems.push(...parsed.problems);
  return parsed.ok ? parsed.source : undefined;
}

/** The YAML fields of a record that are rendered as markdown, besides the body. */
type MarkdownFieldsOf<T> = (data: T) => { path: (string | number)[]; text: string }[];

const incidentMarkdownFields: MarkdownFieldsOf<Incident> = (incident) => [
  ...incident.updates.map((update, index) => ({ path: ['updates', index, 'message'], text: update.message })),
  ...(incident.impact === undefined ? [] : [{ path: ['impact'], text: incident.impact }]),
];
const postmortemMarkdownFields: MarkdownFieldsOf<Postmortem> = (postmortem) => [{ path: ['userImpact'], text: postmortem.userImpact }];

/** Whether `/images/a.png` names a regular file of the site's public/ folder (a link is not followed). */
function publicFileExists(root: string, sitePath: string): boolean {
  const publicDir = path.join(root, 'public');
  const target = path.join(publicDir, sitePath);
  if (!target.startsWith(`${publicDir}${path.sep}`)) return false;
  try {
    return lstatSync(target).isFile();
  } catch {
    return false;
  }
}

function readValidated<S extends z.ZodType>(root: string, tree: SiteTree, file: string, kind: 'yaml' | 'markdown', schema: S, problems: Problem[], sources?: Map<string, YamlSource>, markdownFields?: MarkdownFieldsOf<z.output<S>>): Promise<SourcedRecord<z.output<S>> | undefined> {
  return whileReading(file, () => readAndValidate(root, tree, file, kind, schema, problems, sources, markdownFields));
}

async function readAndValidate<S extends z.ZodType>(root: string, tree: SiteTree, file: string, kind: 'yaml' | 'markdown', schema: S, problems: Problem[], sources?: Map<string, YamlSource>, markdownFields?: MarkdownFieldsOf<z.output<S>>): Promise<SourcedRecord<z.output<S>> | undefined> {
  const source = await readSource(root, file, kind, tree, problems);
  if (!source) return undefined;
  sources?.set(file, source);
  const validated = validateSource(schema, source);
  const siteFileExists = (sitePath: string) => publicFileExists(root, sitePath);
  if (kind === 'markdown') problems.push(...unsafeMarkdownProblems({ file, field: 'body', text: source.body, line: source.bodyLine, linesFollowText: true }, siteFileExists));
  if (!validated.ok) {
    problems.push(...validated.problems);
    return undefined;
  }
  for (const { path: fieldPathParts, text } of markdownFields?.(validated.data) ?? []) {
    problems.push(...unsafeMarkdownProblems({ file, field: fieldPath(fieldPathParts), text, line: source.lineOf(fieldPathParts), linesFollowText: false }, siteFileExists));
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
/** Files public/ may hold: raster images, which cannot carry script. */
const PUBLIC_FILE = /^public\/.+\.(png|jpe?g|gif|webp|avif)$/i;
const MAINTENANCE_FILE = /^content\/maintenance\/[^/]+\.md$/;
/** Notes for the people editing a folder; never read or published. */
const README_FILE = /(^|\/)README[^/]*$/i;

/** Every content file of the site under `root`, each validated alone; cross-file rules run after. */
export async function readContentFiles(root: string, problems: Problem[], pending: PendingWrites = new Map()): Promise<ContentFiles> {
  const listed = await readContentTree(root, problems);
  const tree: SiteTree = { ...listed, files: [...new Set([...listed.files, ...pending.keys()])].sort(), pending };
  const sources = new Map<string, YamlSource>();
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

  for (const file of tree.files) {
    if (file.startsWith('public/')) {
      // Astro copies public/ into the site untouched, and an SVG or HTML file there would run script from the
      // status domain when opened directly (a page's CSP does not cover it): only raster images are published.
      if (!PUBLIC_FILE.test(file)) problems.push({ file, line: 1, field: 'file', message: 'is published as it is from the site\'s address, so only raster images are accepted there (expected a .png, .jpg, .jpeg, .gif, .webp or .avif file)' });
      continue;
    }
    if (README_FILE.test(file) || DATA_FILES.includes(file)) continue;
    if (file.startsWith('incidents/')) {
      if (file.endsWith('.mdx')) {
        problems.push({ file, line: 1, field: 'file', message: 'MDX is not accepted for incidents and postmortems because it can run code on the site (expected a .md file)' });
      } else if (!INCIDENT_FILE.test(file)) {
        problems.push({ file, line: 1, field: 'file', message: 'unexpected file in incidents/ (expected incidents/YYYY/<incident-id>/index.md or postmortem.md)' });
      } else if (file.endsWith('/index.md')) {
        const record = await readValidated(root, tree, file, 'markdown', incidentSchema, problems, undefined, incidentMarkdownFields);
        if (record) files.incidents.push(record);
        else files.refusedFiles.push(file);
      } else {
        const record = await readValidated(root, tree, file, 'markdown', postmortemSchema, problems, undefined, postmortemMarkdownFields);
        if (record) files.postmortems.push(record);
        else files.refusedFiles.push(file);
      }
    } else if (file.startsWith('content/maintenance/')) {
      if (!MAINTENANCE_FILE.test(file)) {
        problems.push({ file, line: 1, field: 'file', message: 'unexpected file in content/maintenance/ (expected content/maintenance/<id>.md)' });
        continue;
      }
      const record = await readValidated(root, tree, file, 'markdown', maintenanceSchema, problems);
      if (record) files.maintenance.push(record);
      else files.refusedFiles.push(file);
    } else {
      problems.push({ file, line: 1, field: 'file', message: 'unexpected file in content/ (expected content/site.yaml, services.yaml, severity.yaml or content/maintenance/<id>.md)' });
    }
  }
  return files;
}
