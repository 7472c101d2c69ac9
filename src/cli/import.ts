// `npm run import -- --from statuspage|cstate <folder>`: another status page's history as aftermath files, checked
// as a whole before anything is written, with a report of everything that could not be kept as it was.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, stringify, type YAMLSeq } from 'yaml';
import type { z } from 'zod';
import { planImport, type ImportPlan, type ImportSite } from '../lib/import/import-plan.ts';
import { importableTitle } from '../lib/import/importable-text.ts';
import { cstateRecord, CstateSiteError, type CstateFiles } from '../lib/import/cstate-site.ts';
import { isTimeZone } from '../lib/time/time-zone.ts';
import type { ImportNote, SourceRecord } from '../lib/import/source-record.ts';
import { componentsFileSchema, DumpError, incidentsFileSchema, maintenanceFileSchema, readDumpFile, statuspageRecord } from '../lib/import/statuspage-dump.ts';
import { SEVERITY_PRESETS, siteFiles } from '../lib/edits/site-scaffold.ts';
import { availabilityTarget, duration, siteAddress } from '../schemas/primitives.ts';
import { LOCALES, type Locale } from '../schemas/site.ts';
import { isoInstant } from '../lib/time/format.ts';
import { startOfLocalDate } from '../lib/time/time-zone.ts';
import { loadSite } from '../validation/load-site.ts';
import { formatProblem } from '../validation/problem.ts';
import { commandNow, COMMON_OPTIONS, DomainError, listFlag, parseCommandLine, printHelp, runCommand, siteRoot, UsageError, type CommandIO } from './command.ts';
import { openSite, writeChecked, type FileWrite, type SiteSession } from './site-session.ts';

const USAGE =
  'usage: npm run import -- --from statuspage|cstate <folder> [--dry-run] [--rto <duration>] [--rpo <duration>] [--availability <percent>] [--severity <word>=<level>]... [--name <site name>] [--base-url <https://…/>] [--locale en|zh-CN] [--time-zone <IANA zone>] [--root <site folder>] [--now <instant>]';
const DESCRIPTION =
  'Imports another status page\'s history: a Statuspage API v2 dump (components.json, incidents.json, scheduled-maintenances.json) or a cState site (config.yml, content/issues/). Writes services, incidents and maintenance windows that pass the check, into the site at --root (a new one when it has none); what cannot be kept as it was is listed. Importing again skips what is already there.';

const SOURCES = ['statuspage', 'cstate'] as const;
type Source = (typeof SOURCES)[number];

/** The source's own severity words, which --severity maps to the site's levels. */
const SEVERITY_WORDS: Record<Source, readonly string[]> = { statuspage: ['critical', 'major', 'minor', 'none'], cstate: ['down', 'disrupted', 'notice'] };

const DEFAULT_TARGETS = { rto: '1h', rpo: '15m', availability: '99.9%' };

function checkedFlag(flag: string, schema: z.ZodType, value: string): string {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`--${flag}: ${result.error.issues[0]?.message}`);
  return value;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DomainError(`cannot read ${file}: ${(error as Error).message}; nothing was written`);
  }
}

function statuspageSource(folder: string): SourceRecord {
  const file = (name: string) => readText(path.join(folder, name));
  const components = file('components.json');
  if (components === undefined) {
    throw new DomainError(`no components.json in ${folder} (expected a Statuspage API v2 dump: components.json, incidents.json and scheduled-maintenances.json as saved from https://<page>/api/v2/); nothing was written`);
  }
  const incidents = file('incidents.json');
  const maintenance = file('scheduled-maintenances.json');
  try {
    return statuspageRecord({
      components: readDumpFile('components.json', components, componentsFileSchema),
      ...(incidents === undefined ? {} : { incidents: readDumpFile('incidents.json', incidents, incidentsFileSchema) }),
      ...(maintenance === undefined ? {} : { maintenance: readDumpFile('scheduled-maintenances.json', maintenance, maintenanceFileSchema) }),
    });
  } catch (error) {
    if (error instanceof DumpError) throw new DomainError(`${error.message}; nothing was written`);
    throw error;
  }
}

const CSTATE_CONFIGS = ['config.yml', 'config.yaml', 'hugo.yml', 'hugo.yaml'];

function markdownFilesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.md') && statSync(path.join(folder, file)).isFile())
    .sort();
}

function cstateSource(folder: string): SourceRecord {
  const configName = CSTATE_CONFIGS.find((name) => existsSync(path.join(folder, name)));
  if (!configName) {
    const toml = ['config.toml', 'hugo.toml'].find((name) => existsSync(path.join(folder, name)));
    throw new DomainError(
      toml
        ? `${path.join(folder, toml)}: TOML configuration is not read (expected cState's config.yml; convert it to YAML); nothing was written`
        : `no config.yml in ${folder} (expected a cState site: config.yml with params.systems, and content/issues/); nothing was written`,
    );
  }
  const issuesFolder = path.join(folder, 'content', 'issues');
  const files: CstateFiles = {
    config: { file: configName, text: readText(path.join(folder, configName))! },
    issues: markdownFilesUnder(issuesFolder).map((file) => ({ file, text: readText(path.join(issuesFolder, file))! })),
  };
  try {
    return cstateRecord(files);
  } catch (error) {
    if (error instanceof CstateSiteError) throw new DomainError(`${error.message}; nothing was written`);
    throw error;
  }
}

/** `--severity down=P1,notice=P3` as a map, each word the source's and each level the site's. */
function severityChoices(values: readonly string[], source: Source, levelIds: readonly string[]): Record<string, string> {
  const words = SEVERITY_WORDS[source];
  const choices: Record<string, string> = {};
  for (const value of listFlag(values)) {
    const [word = '', level = ''] = value.split('=').map((part) => part.trim());
    if (!words.includes(word.toLowerCase())) throw new UsageError(`--severity: found ${JSON.stringify(value)} (expected <${source} severity>=<level>, the severity one of: ${words.join(', ')})`);
    if (!levelIds.includes(level)) throw new UsageError(`--severity: level "${level}" in ${JSON.stringify(value)} is not in content/severity.yaml (expected one of: ${levelIds.join(', ')})`);
    choices[word.toLowerCase()] = level;
  }
  return choices;
}

/** services.yaml with the new groups and services appended, its comments and layout kept. */
function servicesWithAdditions(text: string, plan: ImportPlan): string {
  const document = parseDocument(text);
  for (const [key, items] of [['groups', plan.groups], ['services', plan.services]] as const) {
    if (items.length === 0) continue;
    const list = document.get(key) as YAMLSeq | undefined;
    if (!list || typeof list.add !== 'function') throw new DomainError(`content/services.yaml: no ${key}: list to add to (expected the layout npm run init writes); nothing was written`);
    for (const item of items) list.add(document.createNode(item));
  }
  return document.toString({ lineWidth: 0 });
}

function newServicesFile(plan: ImportPlan): string {
  return `# Services in groups, with their recovery targets (RTO, RPO) and availability targets, as imported: check the targets.\n${stringify({ groups: plan.groups, services: plan.services }, { lineWidth: 0 })}`;
}

const NOTE_ORDER: readonly ImportNote['kind'][] = ['not imported', 'changed', 'assumed'];

function reportLines(plan: ImportPlan, sourceName: string, writing: boolean): string[] {
  const { counts } = plan;
  const will = writing ? '' : 'would be ';
  const lines = [
    `import: from ${sourceName}`,
    `  services: ${plan.services.length} ${will}added${plan.services.length > 0 ? ` (${plan.services.map((service) => service.id).join(', ')})` : ''}, ${counts.servicesMatched} already in the site; groups: ${plan.groups.length} ${will}added`,
    `  incidents: ${counts.incidentsWritten} ${will}written, ${counts.incidentsAlready} already imported, ${counts.incidentsLeftOut} not imported`,
    `  maintenance windows: ${counts.maintenanceWritten} ${will}written, ${counts.maintenanceAlready} already imported, ${counts.maintenanceLeftOut} not imported`,
  ];
  for (const kind of NOTE_ORDER) {
    const notes = plan.notes.filter((entry) => entry.kind === kind);
    if (notes.length === 0) continue;
    lines.push(`${kind} (${notes.length}):`);
    for (const entry of notes) lines.push(`  ${entry.where}: ${entry.what}`);
  }
  return lines;
}

export async function importHistory(argv: readonly string[], io: CommandIO): Promise<number> {
  return runCommand('import', USAGE, io, async () => {
    const { values, positionals } = parseCommandLine({
      args: [...argv],
      options: {
        root: COMMON_OPTIONS.root,
        now: COMMON_OPTIONS.now,
        help: COMMON_OPTIONS.help,
        from: { type: 'string' },
        'dry-run': { type: 'boolean' },
        rto: { type: 'string', default: DEFAULT_TARGETS.rto },
        rpo: { type: 'string', default: DEFAULT_TARGETS.rpo },
        availability: { type: 'string', default: DEFAULT_TARGETS.availability },
        severity: { type: 'string', multiple: true },
        name: { type: 'string' },
        'base-url': { type: 'string' },
        locale: { type: 'string' },
        'time-zone': { type: 'string' },
      },
      allowPositionals: true,
    });
    if (values.help) return printHelp(io, USAGE, DESCRIPTION);
    const source = SOURCES.find((candidate) => candidate === values.from?.toLowerCase());
    if (!source) throw new UsageError(values.from === undefined ? `missing --from (expected --from statuspage or --from cstate)` : `--from: found "${values.from}" (expected one of: ${SOURCES.join(', ')})`);
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? `missing the folder to import from (expected it after --from ${source}, as in npm run import -- --from ${source} ./old-site)` : `expected one folder to import from, found ${positionals.length}: ${positionals.join(' ')}`);
    const folder = path.resolve(io.cwd, positionals[0]!);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new DomainError(`no folder ${folder} (expected the ${source === 'cstate' ? 'cState site' : 'Statuspage dump'} to import); nothing was written`);
    const targets = { rto: checkedFlag('rto', duration, values.rto), rpo: checkedFlag('rpo', duration, values.rpo), availability: checkedFlag('availability', availabilityTarget, values.availability) };
    const nowMs = commandNow(values.now, io);
    const root = siteRoot(values.root, io);
    const dryRun = values['dry-run'] === true;

    const record = source === 'statuspage' ? statuspageSource(folder) : cstateSource(folder);
    const sourceLabel = `${source === 'statuspage' ? 'the Statuspage dump' : 'the cState site'} ${folder}`;

    let session: Pick<SiteSession, 'command' | 'root' | 'nowMs' | 'io'>;
    let site: ImportSite;
    const siteWrites: FileWrite[] = [];
    let servicesBefore: string | undefined;
    if (existsSync(path.join(root, 'content', 'site.yaml'))) {
      for (const flag of ['name', 'base-url', 'locale', 'time-zone'] as const) {
        if (values[flag] !== undefined) throw new UsageError(`--${flag}: only for a new site, and ${root} has one (expected its settings in content/site.yaml)`);
      }
      const opened = await openSite('import', root, nowMs, io);
      session = opened;
      const { content } = opened;
      site = {
        timeZone: content.site.timeZone,
        locale: content.site.defaultLocale,
        nowMs,
        levels: content.severity.levels,
        groups: content.services.groups,
        services: content.services.services,
        incidentIds: content.incidents.map((entry) => entry.incident.id),
        importedIncidents: new Map(content.incidents.flatMap((entry) => (entry.incident.importedFrom === undefined ? [] : [[entry.incident.importedFrom, { id: entry.incident.id, latestUpdateMs: Math.max(...entry.incident.updates.map((update) => update.at.getTime())) }] as const]))),
        trackedSinceMs: new Map(content.services.services.flatMap((service) => (service.since === undefined ? [] : [[service.id, 'at' in service.since ? service.since.at.getTime() : startOfLocalDate(service.since.date, content.site.timeZone)] as const]))),
        maintenanceIds: new Set(content.maintenance.map((entry) => entry.maintenance.id)),
        importedMaintenance: new Set(content.maintenance.flatMap((entry) => entry.maintenance.importedFrom ?? [])),
      };
      servicesBefore = readFileSync(path.join(root, 'content', 'services.yaml'), 'utf8');
    } else {
      // A new site from the source's own settings, each overridable by a flag.
      const sourceName = record.siteName === undefined ? undefined : importableTitle(record.siteName);
      for (const change of sourceName?.changes ?? []) record.notes.push({ where: 'content/site.yaml', kind: 'changed', what: `the site's name: ${change}` });
      const name = values.name ?? (sourceName?.text === '(untitled)' ? undefined : sourceName?.text);
      if (!name?.trim()) throw new UsageError('--name: missing, and the source names no site (expected --name "<site name>")');
      const baseUrl = values['base-url'] ?? record.baseUrl;
      if (!baseUrl) throw new UsageError('--base-url: missing, and the source gives no address (expected --base-url https://status.example.com/)');
      checkedFlag('base-url', siteAddress, baseUrl);
      const locale = LOCALES.find((candidate) => candidate.toLowerCase() === (values.locale ?? 'en').toLowerCase());
      if (!locale) throw new UsageError(`--locale: found "${values.locale}" (expected one of: ${LOCALES.join(', ')})`);
      const timeZone: string = values['time-zone'] ?? (record.timeZone && isTimeZone(record.timeZone) ? record.timeZone : 'UTC');
      if (!isTimeZone(timeZone)) throw new UsageError(`--time-zone: found "${timeZone}" (expected an IANA time zone such as Europe/Berlin)`);
      if (values['time-zone'] === undefined && record.timeZone !== timeZone) {
        record.notes.push({ where: 'content/site.yaml', kind: 'assumed', what: record.timeZone ? `the source's time zone "${record.timeZone}" is not an IANA zone; pages show times in UTC (pass --time-zone)` : 'the source names no time zone; pages show times in UTC (pass --time-zone)' });
      }
      const files = siteFiles({ name, baseUrl, defaultLocale: locale, timeZone, severity: 'P0-P3', groups: [], services: [], since: '' });
      for (const file of ['content/site.yaml', 'content/severity.yaml'] as const) siteWrites.push({ file, text: files[file]!, before: null });
      session = { command: 'import', root, nowMs, io };
      site = {
        timeZone,
        locale,
        nowMs,
        levels: SEVERITY_PRESETS['P0-P3'].levels,
        groups: [],
        services: [],
        incidentIds: [],
        importedIncidents: new Map(),
        maintenanceIds: new Set(),
        importedMaintenance: new Set(),
      };
      record.notes.push({ where: 'content/severity.yaml', kind: 'assumed', what: 'a new site: severity levels P0-P3 from the incident process (edit them, or run npm run init first for P1-P4)' });
    }

    const plan = planImport(record, site, { targets, severity: severityChoices(values.severity ?? [], source, site.levels.map((level) => level.id)) });
    const writes: FileWrite[] = [...siteWrites];
    if (servicesBefore === undefined) writes.push({ file: 'content/services.yaml', text: newServicesFile(plan), before: null });
    else if (plan.groups.length > 0 || plan.services.length > 0) writes.push({ file: 'content/services.yaml', text: servicesWithAdditions(servicesBefore, plan), before: servicesBefore });
    writes.push(...plan.files.map(({ file, text }) => ({ file, text, before: null })));

    const lines = reportLines(plan, sourceLabel, !dryRun);
    if (writes.length === 0) {
      io.stdout.write(`${lines.join('\n')}\nnothing to write: everything in the source is already in the site\n`);
      return;
    }
    // A refusal names the file it would have written and where in the source that came from.
    const fromOf = new Map(plan.files.map((file) => [file.file, file.from]));
    const withSources = (problemLines: readonly string[]) => problemLines.map((line) => {
      const from = fromOf.get(line.split(':')[0]!);
      return from ? `${line} [from ${from}]` : line;
    });
    if (dryRun) {
      const checked = await loadSite(root, { ...io.env, AFTERMATH_NOW: isoInstant(nowMs) }, nowMs, new Map(writes.map((write) => [write.file, write.text])));
      io.stdout.write(`${lines.join('\n')}\n`);
      if (!checked.ok) throw new DomainError(`the import would be refused: the result would not pass the check (${checked.problems.length} problem${checked.problems.length === 1 ? '' : 's'}); nothing was written (--dry-run)`, withSources(checked.problems.map(formatProblem)));
      io.stdout.write('the result passes the check; nothing was written (--dry-run)\n');
      return;
    }
    const created = !existsSync(root);
    if (created) mkdirSync(root, { recursive: true });
    try {
      await writeChecked(session, writes, 'count');
    } catch (error) {
      // Nothing was written: a folder made for the new site goes too, so a refused import leaves no trace.
      if (created) rmSync(root, { recursive: true, force: true });
      if (error instanceof DomainError) throw new DomainError(error.message, withSources(error.details));
      throw error;
    }
    io.stdout.write(`${lines.join('\n')}\n`);
  });
}
