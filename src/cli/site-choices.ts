// The site's own values as prompt choices, and flag values checked against them.
import { translator } from '../i18n/index.ts';
import type { CliTextKey } from '../i18n/cli-text.ts';
import { currentStatus } from '../lib/incidents/incident-timeline.ts';
import type { IncidentStatus } from '../schemas/incident.ts';
import { IMPACT_LEVELS, type ImpactLevel } from '../schemas/primitives.ts';
import type { SeverityLevel } from '../schemas/severity.ts';
import type { Locale } from '../schemas/site.ts';
import type { IncidentEntry, SiteContent } from '../validation/load-site.ts';
import { didYouMean, sameIgnoringCase } from '../validation/near-miss.ts';
import { DomainError, UsageError } from './command.ts';
import { given, type Choice, type Prompter } from './prompter.ts';
import type { CommandIO } from './command.ts';

export function severityChoices(levels: readonly SeverityLevel[]): Choice<string>[] {
  return levels.map((level) => ({ value: level.id, name: `${level.id} — ${level.name}`, description: level.meaning }));
}

export function serviceChoices(content: SiteContent): Choice<string>[] {
  const groupName = (id: string) => content.services.groups.find((group) => group.id === id)?.name ?? id;
  return content.services.services.map((service) => ({
    value: service.id,
    name: `${service.name} (${service.id})`,
    group: groupName(service.group),
    ...(service.description ? { description: service.description } : {}),
  }));
}

/** Impact levels by the names the site shows in `locale`, each with the value its flag takes. */
export function impactChoices(locale: Locale): Choice<ImpactLevel>[] {
  const t = translator(locale);
  return IMPACT_LEVELS.map((level) => ({ value: level, name: `${t(`impact.${level}`)} (${level})` }));
}

/** Statuses by the names the site shows in `locale`, each with the value its flag takes. */
export function statusChoices<S extends IncidentStatus>(statuses: readonly S[], locale: Locale): Choice<S>[] {
  const t = translator(locale);
  return statuses.map((status) => ({ value: status, name: `${t(`status.${status}`)} (${status})` }));
}

export function localeChoices(): Choice<Locale>[] {
  return [
    { value: 'en', name: 'English (en)' },
    { value: 'zh-CN', name: '简体中文 (zh-CN)' },
  ] satisfies Choice<Locale>[];
}

export function incidentChoices(entries: readonly IncidentEntry[], prompter: Prompter): Choice<string>[] {
  const t = translator(prompter.locale);
  return entries.map(({ incident }) => ({ value: incident.id, name: `${incident.id} ${incident.title}`, description: prompter.words['incident.choiceDescription'](incident.severity, t(`status.${currentStatus(incident)}`)) }));
}

/** The incidents that are candidates for a command, newest first. */
export function incidentsByRelevance(entries: readonly IncidentEntry[], isCandidate: (entry: IncidentEntry) => boolean): IncidentEntry[] {
  return entries.filter(isCandidate).sort((a, b) => b.incident.started.getTime() - a.incident.started.getTime() || b.incident.id.localeCompare(a.incident.id));
}

/** The incident with this id, in any case (`inc-20261125-001`), or a refusal naming the id it most likely meant. */
export function findIncident(content: SiteContent, id: string): IncidentEntry {
  const ids = content.incidents.map((candidate) => candidate.incident.id);
  const known = sameIgnoringCase(id.trim(), ids);
  const entry = known === undefined ? undefined : content.incidents.find((candidate) => candidate.incident.id === known);
  if (entry) return entry;
  const open = content.incidents.filter(({ incident }) => !['resolved', 'closed'].includes(currentStatus(incident))).map(({ incident }) => incident.id);
  throw new DomainError(`unknown incident "${id}" (${didYouMean(id, ids, undefined, 1)}expected the id of an incident under incidents/, such as ${open.length > 0 ? `one still open: ${open.join(', ')}` : 'INC-20261125-001'})`);
}

// Values are taken in any case (`p1`, `Monitoring`): the file gets the site's spelling. A near miss is refused with
// the value it most likely meant. A severity or service the site does not have does not fit the site (exit 1); a
// status or impact outside the fixed vocabulary is a malformed value (exit 2), as docs/cli.md lists them.

export function severityFlag(content: SiteContent, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ids = content.severity.levels.map((level) => level.id);
  const level = sameIgnoringCase(value, ids);
  if (level === undefined) throw new DomainError(`--severity: unknown level "${value}" (${didYouMean(value, ids)}expected one of the levels in content/severity.yaml: ${ids.join(', ')})`);
  return level;
}

export function serviceIdsFlag(content: SiteContent, ids: readonly string[], flag: string): string[] {
  const known = content.services.services.map((service) => service.id);
  const found = ids.map((id) => {
    const service = sameIgnoringCase(id, known);
    if (service === undefined) throw new DomainError(`${flag}: unknown service "${id}" (${didYouMean(id, known)}expected one of the ids in content/services.yaml: ${known.join(', ')})`);
    return service;
  });
  return [...new Set(found)];
}

export function impactFlag(value: string, flag: string): ImpactLevel {
  const level = sameIgnoringCase(value, IMPACT_LEVELS);
  if (level === undefined) throw new UsageError(`${flag}: unknown impact "${value}" (${didYouMean(value, IMPACT_LEVELS)}expected one of: ${IMPACT_LEVELS.join(', ')})`);
  return level as ImpactLevel;
}

export function statusFlag<S extends IncidentStatus>(value: string | undefined, allowed: readonly S[]): S | undefined {
  if (value === undefined) return undefined;
  const status = sameIgnoringCase(value, allowed);
  if (status === undefined) throw new UsageError(`--status: found "${value}" (${didYouMean(value, allowed)}expected one of: ${allowed.join(', ')})`);
  return status as S;
}

/** The language of the text a command offers: --lang, else the site's default (pre-selected when asked). */
export function askLocale(prompter: Prompter, io: CommandIO, flag: Locale | undefined, content: SiteContent, what: Extract<CliTextKey, `language.${string}`>): Promise<Locale> {
  const fallback = content.site.defaultLocale;
  return given(flag, fallback, io, () => prompter.choose({ flag: 'lang', message: prompter.words[what], choices: localeChoices(), default: fallback }));
}
