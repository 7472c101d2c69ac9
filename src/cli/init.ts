// `npm run init`: replaces the bundled example content with a team's own empty site (settings, severity policy,
// groups and services), asking first and refusing to throw away uncommitted work.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { cliEn, type CliText } from '../i18n/cli-en.ts';
import { idFromName, SEVERITY_PRESETS, siteFiles, type NewGroup, type NewService, type SeverityPresetId } from '../lib/edits/site-scaffold.ts';
import { localDateOf } from '../lib/time/time-zone.ts';
import { isoInstant } from '../lib/time/format.ts';
import { availabilityTarget, duration, siteAddress, slug, title } from '../schemas/primitives.ts';
import { LOCALES, siteSchema, type Locale } from '../schemas/site.ts';
import { loadSite } from '../validation/load-site.ts';
import { formatProblem } from '../validation/problem.ts';
import { commandNow, DomainError, listFlag, parseCommandLine, printHelp, runCommand, siteRoot, UsageError, type CommandIO } from './command.ts';
import { acquireLock } from './file-lock.ts';
import { given, terminalPrompter, type Prompter } from './prompter.ts';
import { SITE_LOCK } from './site-session.ts';

const USAGE =
  'usage: npm run init -- [--name <site name>] [--base-url <https://…/>] [--locale en|zh-CN] [--time-zone <IANA zone>] [--severity P0-P3|P1-P4] [--group <id>:<name>]... [--service <id>:<name>:<group id>:<rto>:<rpo>:<availability>]... [--yes] [--force] [--root <site folder>] [--now <instant>]';
const DESCRIPTION = 'Replaces the example content with your own empty site: its settings, severity levels, groups and services.';

/** The folders a site's content lives in: what init replaces, and nothing else. */
const CONTENT_FOLDERS = ['content', 'incidents', 'public'] as const;

/** Notes for the people editing the new folders (README.md files are never read or published). */
const FOLDER_NOTES: Record<string, string> = {
  'incidents/README.md':
    '# Incidents\n\nOne folder per incident: `incidents/<year>/<id>/index.md`, and its `postmortem.md` beside it.\nCreate them with `npm run new:incident` and `npm run new:postmortem`; see the README and docs/comms-guide.md.\n',
  'content/maintenance/README.md': '# Maintenance windows\n\nOne file per window: `content/maintenance/<id>.md`, created with `npm run new:maintenance`.\n',
};

function firstIssue(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** A flag's value checked by the same schema the check uses, so init never writes what the check refuses. */
function checked<T>(flag: string, schema: z.ZodType, value: T): T {
  const problem = firstIssue(schema, value);
  if (problem) throw new UsageError(`--${flag}: ${problem}`);
  return value;
}

function readGroupFlag(text: string): NewGroup {
  const at = text.indexOf(':');
  if (at < 0) throw new UsageError(`--group: found ${JSON.stringify(text)} (expected <id>:<name> such as core:Core services)`);
  return { id: checked('group', slug, text.slice(0, at).trim()), name: checked('group', title, text.slice(at + 1).trim()) };
}

function readServiceFlag(text: string, groups: readonly NewGroup[]): NewService {
  const parts = text.split(':').map((part) => part.trim());
  if (parts.length !== 6) throw new UsageError(`--service: found ${JSON.stringify(text)} (expected <id>:<name>:<group id>:<rto>:<rpo>:<availability> such as api:Public API:core:15m:5m:99.9%)`);
  const [id, name, group, rto, rpo, availability] = parts as [string, string, string, string, string, string];
  if (!groups.some((candidate) => candidate.id === group)) throw new UsageError(`--service: group "${group}" of "${id}" is not given with --group (expected one of: ${groups.map((candidate) => candidate.id).join(', ')})`);
  return {
    id: checked('service', slug, id),
    name: checked('service', title, name),
    group,
    rto: checked('service', duration, rto),
    rpo: checked('service', duration, rpo),
    availability: checked('service', availabilityTarget, availability),
  };
}

/**
 * The language init asks in before the new site's is chosen: the one the site there now has, if its site.yaml
 * names one (a team re-running init reads its own language); English when there is none or it cannot be read.
 */
function currentSiteLocale(root: string): Locale | undefined {
  try {
    const site: unknown = parseYaml(readFileSync(path.join(root, 'content', 'site.yaml'), 'utf8'));
    const named = typeof site === 'object' && site !== null && 'defaultLocale' in site ? site.defaultLocale : undefined;
    return LOCALES.find((locale) => locale === named);
  } catch {
    return undefined;
  }
}

/** What is in the content folders now, for the question before replacing them. */
function describeContent(root: string): { incidents: number; postmortems: number; maintenance: number; any: boolean } {
  const count = (folder: string, name: RegExp) => {
    const full = path.join(root, folder);
    if (!existsSync(full)) return 0;
    return readdirSync(full, { recursive: true, encoding: 'utf8' }).filter((file) => name.test(file.split(path.sep).join('/'))).length;
  };
  return {
    incidents: count('incidents', /(^|\/)index\.md$/),
    postmortems: count('incidents', /(^|\/)postmortem\.md$/),
    maintenance: count('content/maintenance', /^[^/]+\.md$/),
    any: CONTENT_FOLDERS.some((folder) => existsSync(path.join(root, folder))),
  };
}

/** Files under the content folders git does not have committed; undefined when git cannot tell (no git, no repository). */
function uncommittedContent(root: string): string[] | undefined {
  const result = spawnSync('git', ['status', '--porcelain', '--untracked-files=all', '--', ...CONTENT_FOLDERS], { cwd: root, encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout.split('\n').filter(Boolean).map((line) => line.slice(3));
}

/** A validator for an answer the check reads with `schema`, refusing it in the prompter's words. */
function acceptedBy(schema: z.ZodType, refusal: CliText[`init.invalid.${string}` & keyof CliText]): (answer: string) => string | true {
  return (answer) => {
    const problem = firstIssue(schema, answer.trim());
    return problem === undefined ? true : refusal(answer.trim(), problem);
  };
}

async function askGroups(prompter: Prompter): Promise<NewGroup[]> {
  const { words } = prompter;
  const groups: NewGroup[] = [];
  for (;;) {
    const name = await prompter.text({ flag: 'group', message: groups.length === 0 ? words['init.firstGroup'] : words['init.anotherGroup'], validate: (answer) => (answer.trim() !== '' || groups.length > 0 ? true : words['init.groupNeeded']) });
    if (name.trim() === '') return groups;
    const validId = acceptedBy(slug, words['init.invalid.id']);
    const id = await prompter.text({
      flag: 'group',
      message: words['init.groupId'](name.trim()),
      default: idFromName(name),
      validate: (answer) => (groups.some((group) => group.id === answer.trim()) ? words['init.idUsed'] : validId(answer)),
    });
    groups.push({ id: id.trim(), name: name.trim() });
  }
}

async function askServices(prompter: Prompter, groups: readonly NewGroup[]): Promise<NewService[]> {
  const { words } = prompter;
  const services: NewService[] = [];
  for (;;) {
    const name = await prompter.text({ flag: 'service', message: services.length === 0 ? words['init.firstService'] : words['init.anotherService'], validate: (answer) => (answer.trim() !== '' || services.length > 0 ? true : words['init.serviceNeeded']) });
    if (name.trim() === '') return services;
    const label = name.trim();
    const validId = acceptedBy(slug, words['init.invalid.id']);
    const id = await prompter.text({
      flag: 'service',
      message: words['init.serviceId'](label),
      default: idFromName(name),
      validate: (answer) => (services.some((service) => service.id === answer.trim()) ? words['init.idUsed'] : validId(answer)),
    });
    const group = groups.length === 1 ? groups[0]!.id : await prompter.choose({ flag: 'service', message: words['init.serviceGroup'](label), choices: groups.map((candidate) => ({ value: candidate.id, name: candidate.name })) });
    const durationAnswer = (message: string, fallback: string) => prompter.text({ flag: 'service', message, default: fallback, validate: acceptedBy(duration, words['init.invalid.duration']) });
    const rto = await durationAnswer(words['init.rto'](label), '1h');
    const rpo = await durationAnswer(words['init.rpo'](label), '15m');
    const availability = await prompter.text({ flag: 'service', message: words['init.availability'](label), default: '99.9%', validate: acceptedBy(availabilityTarget, words['init.invalid.availability']) });
    services.push({ id: id.trim(), name: label, group, rto: rto.trim(), rpo: rpo.trim(), availability: availability.trim() });
  }
}

export async function init(argv: readonly string[], io: CommandIO): Promise<number> {
  return runCommand('init', USAGE, io, async () => {
    const { values } = parseCommandLine({
      args: [...argv],
      options: {
        root: { type: 'string', default: '.' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        name: { type: 'string' },
        'base-url': { type: 'string' },
        locale: { type: 'string' },
        'time-zone': { type: 'string' },
        severity: { type: 'string' },
        group: { type: 'string', multiple: true },
        service: { type: 'string', multiple: true },
        yes: { type: 'boolean' },
        force: { type: 'boolean' },
      },
      allowPositionals: false,
    });
    if (values.help) return printHelp(io, USAGE, DESCRIPTION);
    const nowMs = commandNow(values.now, io);
    const root = siteRoot(values.root, io);

    // Flags are checked before anything is asked or touched.
    if (values.name !== undefined) checked('name', title, values.name);
    if (values['base-url'] !== undefined) checked('base-url', siteAddress, values['base-url']);
    const localeGiven = values.locale === undefined ? undefined : LOCALES.find((locale) => locale.toLowerCase() === values.locale!.toLowerCase());
    if (values.locale !== undefined && !localeGiven) throw new UsageError(`--locale: found "${values.locale}" (expected one of: ${LOCALES.join(', ')})`);
    if (values['time-zone'] !== undefined) checked('time-zone', siteSchema.shape.timeZone, values['time-zone']);
    const presets = Object.keys(SEVERITY_PRESETS) as SeverityPresetId[];
    const severityGiven = values.severity === undefined ? undefined : presets.find((preset) => preset.toLowerCase() === values.severity!.toLowerCase());
    if (values.severity !== undefined && !severityGiven) throw new UsageError(`--severity: found "${values.severity}" (expected one of: ${presets.join(', ')})`);
    const groupsGiven = listFlag(values.group).map(readGroupFlag);
    const servicesGiven = (values.service ?? []).map((text) => readServiceFlag(text, groupsGiven));
    for (const list of [groupsGiven, servicesGiven]) {
      const twice = list.find((item, index) => list.findIndex((other) => other.id === item.id) !== index);
      if (twice) throw new UsageError(`--${list === groupsGiven ? 'group' : 'service'}: "${twice.id}" is given twice (expected unique ids)`);
    }

    // Before any question: init throws away what is in the content folders, so it refuses to lose uncommitted work.
    const existing = describeContent(root);
    if (existing.any && !values.force) {
      const uncommitted = uncommittedContent(root);
      if (uncommitted === undefined) throw new DomainError(`cannot tell whether ${CONTENT_FOLDERS.join('/, ')}/ hold uncommitted work (not a git repository, or git is missing); pass --force to replace them anyway`);
      if (uncommitted.length > 0) {
        const shown = uncommitted.slice(0, 5).join(', ') + (uncommitted.length > 5 ? `, and ${uncommitted.length - 5} more` : '');
        throw new DomainError(`${uncommitted.length} uncommitted change${uncommitted.length === 1 ? '' : 's'} under ${CONTENT_FOLDERS.join('/, ')}/ (${shown}); commit or stash them first, or pass --force to lose them; nothing was changed`);
      }
    }

    // Asked in the language given or the site there has, until the new site's own is chosen; then in that one.
    const askingLocale = localeGiven ?? currentSiteLocale(root) ?? 'en';
    const firstPrompter = terminalPrompter(io, askingLocale);
    const first = firstPrompter.words;
    const name = await given(values.name, undefined, io, () => firstPrompter.text({ flag: 'name', message: first['init.name'], validate: acceptedBy(title, first['init.invalid.name']) }));
    const baseUrl = await given(values['base-url'], undefined, io, () =>
      firstPrompter.text({ flag: 'base-url', message: first['init.baseUrl'], validate: acceptedBy(siteAddress, first['init.invalid.baseUrl']) }),
    );
    // The language being asked in is the one offered: the current site's when init runs again.
    const defaultLocale = await given<Locale>(localeGiven, askingLocale, io, () =>
      firstPrompter.choose({ flag: 'locale', message: first['init.locale'], choices: [{ value: 'en', name: 'English' }, { value: 'zh-CN', name: '简体中文' }], default: askingLocale }),
    );
    const prompter = firstPrompter.inLocale(defaultLocale);
    const { words } = prompter;
    const machineZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    const timeZone = await given(values['time-zone'], machineZone, io, () =>
      prompter.text({ flag: 'time-zone', message: words['init.timeZone'], default: machineZone, validate: acceptedBy(siteSchema.shape.timeZone, words['init.invalid.timeZone']) }),
    );
    const severity = await given<SeverityPresetId>(severityGiven, 'P0-P3', io, () =>
      prompter.choose({
        flag: 'severity',
        message: words['init.severity'],
        choices: [
          { value: 'P0-P3', name: 'P0–P3', description: words['init.presetP0P3'] },
          { value: 'P1-P4', name: 'P1–P4', description: words['init.presetP1P4'] },
        ],
        default: 'P0-P3',
      }),
    );
    const groups = groupsGiven.length > 0 ? groupsGiven : io.interactive ? await askGroups(prompter) : [];
    if (groups.length === 0) throw new UsageError('missing --group (expected at least one, such as --group core:Core services)');
    const services = servicesGiven.length > 0 ? servicesGiven : io.interactive ? await askServices(prompter, groups) : [];
    if (services.length === 0) throw new UsageError('missing --service (expected at least one, such as --service api:Public API:core:15m:5m:99.9%)');

    if (existing.any && !values.yes) {
      // The refusal is an error message, English like every other; the question is in the site's language.
      if (!io.interactive) throw new UsageError(`${CONTENT_FOLDERS.join('/, ')}/ hold ${cliEn['init.contentSummary'](existing)}, which init replaces (expected --yes to confirm)`);
      const go = await prompter.choose({
        flag: 'yes',
        message: words['init.replace'](CONTENT_FOLDERS, words['init.contentSummary'](existing)),
        choices: [
          { value: false, name: words['init.keep'] },
          { value: true, name: words['init.replaceYes'] },
        ],
        default: false,
      });
      if (!go) throw new DomainError('kept the content as it was; nothing was changed');
    }

    const files = { ...siteFiles({ name: name.trim(), baseUrl: baseUrl.trim(), defaultLocale, timeZone: timeZone.trim(), severity, groups, services, since: localDateOf(nowMs, timeZone.trim()) }), ...FOLDER_NOTES };
    await replaceContent(root, files, nowMs, io);
    for (const file of Object.keys(files).sort()) io.stdout.write(`wrote ${file}\n`);
    io.stderr.write(`init: next: npm run check && npm run build; when something breaks, npm run new:incident (docs/comms-guide.md)\n`);
  });
}

/**
 * Writes the new site beside the old one, checks it as `npm run check` would, then swaps the folders by renames
 * under the site's lock: a refused check or a failure part-way leaves the old content in place.
 */
async function replaceContent(root: string, files: Record<string, string>, nowMs: number, io: CommandIO): Promise<void> {
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = path.join(root, `.aftermath-init-${tag}`);
  const replaced = path.join(root, `.aftermath-replaced-${tag}`);
  mkdirSync(root, { recursive: true });
  const lock = await acquireLock(path.join(root, SITE_LOCK), { label: SITE_LOCK, holderIs: 'another command writing this site', report: (line) => io.stderr.write(`init: ${line}\n`) });
  try {
    for (const [file, text] of Object.entries(files)) {
      const target = path.join(staging, ...file.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text, { flag: 'wx' });
    }
    const loaded = await loadSite(staging, { ...io.env, AFTERMATH_NOW: isoInstant(nowMs) });
    if (!loaded.ok) throw new DomainError('the new site would not pass the check; nothing was changed', loaded.problems.map(formatProblem));
    const moved: string[] = [];
    const placed: string[] = [];
    try {
      mkdirSync(replaced);
      for (const folder of CONTENT_FOLDERS) {
        if (!existsSync(path.join(root, folder))) continue;
        renameSync(path.join(root, folder), path.join(replaced, folder));
        moved.push(folder);
      }
      for (const folder of CONTENT_FOLDERS) {
        if (!existsSync(path.join(staging, folder))) continue;
        renameSync(path.join(staging, folder), path.join(root, folder));
        placed.push(folder);
      }
    } catch (error) {
      for (const folder of placed) renameSync(path.join(root, folder), path.join(staging, folder));
      for (const folder of moved) renameSync(path.join(replaced, folder), path.join(root, folder));
      throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(replaced, { recursive: true, force: true });
    lock.release();
  }
}
