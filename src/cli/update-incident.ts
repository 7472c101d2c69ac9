// `npm run new:update -- <id>` and `npm run resolve -- <id>`: append a status update to an incident, now or at a given past instant.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { postmortemPath } from '../lib/feeds/feed-items.ts';
import { siteUrl } from '../lib/model/site-urls.ts';
import { FrontmatterEditError } from '../lib/edits/frontmatter-edit.ts';
import { sameIgnoringCase } from '../validation/near-miss.ts';
import { addUpdate, impairedProblem, keptStatus, openServiceIds, readDataLoss, recoveryProblem, resolveIncident, statusProblem, type EditResult } from '../lib/edits/incident-edits.ts';
import { isFinished, nextStatus, statusesAfter } from '../lib/incidents/incident-lifecycle.ts';
import { currentStatus, declaredWindows, latestUpdate } from '../lib/incidents/incident-timeline.ts';
import { instantText, messageTime } from '../lib/time/written-instants.ts';
import { updateMessage } from '../lib/edits/update-templates.ts';
import { INCIDENT_STATUSES, type IncidentStatus } from '../schemas/incident.ts';
import type { IncidentEntry } from '../validation/load-site.ts';
import { commandNow, COMMON_OPTIONS, COMMON_USAGE, DomainError, listFlag, localeFlag, parseCommandLine, pastInstantFlag, printHelp, runCommand, siteRoot, UsageError, type CommandIO } from './command.ts';
import { askOffered, given, terminalPrompter, type Prompter } from './prompter.ts';
import { askLocale, findIncident, incidentChoices, incidentsByRelevance, serviceChoices, statusChoices, statusFlag } from './site-choices.ts';
import { openSite, writeChecked, type SiteSession } from './site-session.ts';
import type { SeverityLevel } from '../schemas/severity.ts';
import { lastRecoveryMs, monitoringShortfallMs } from '../lib/incidents/monitoring-period.ts';
import { formatDuration } from '../lib/time/durations.ts';

type Kind = 'update' | 'resolve';

const COMMANDS: Record<Kind, { name: string; usage: string; description: string }> = {
  update: {
    name: 'new:update',
    usage: `usage: npm run new:update -- <incident id> [--status <status>] [--message <text>] [--recovered <service id>,...|all] [--impaired <service id>,...] [--data-loss <service id>=<duration>,...] [--at <time>] ${COMMON_USAGE}`,
    description: 'Appends a status update to an incident; at a terminal the next status in the lifecycle is offered, without one the current status is kept.',
  },
  resolve: {
    name: 'resolve',
    usage: `usage: npm run resolve -- <incident id> [--message <text>] [--recovered <service id>,...|all] [--data-loss <service id>=<duration>,...] [--at <time>] ${COMMON_USAGE}`,
    description: 'Resolves an incident: a resolved update and the resolved instant, now or at --at.',
  },
};

const isOpenEntry = (entry: IncidentEntry) => !isFinished(currentStatus(entry.incident));

/** Whether the incident may be closed: its postmortem is published, or its severity level needs none. */
function mayClose(entry: IncidentEntry, levels: readonly SeverityLevel[]): boolean {
  const level = levels.find((candidate) => candidate.id === entry.incident.severity);
  return entry.postmortem?.postmortem.status === 'published' || level?.postmortemDue === null;
}

async function chooseIncident(kind: Kind, session: SiteSession, positionals: readonly string[], prompter: Prompter): Promise<IncidentEntry> {
  if (positionals.length > 1) throw new UsageError(`expected one incident id, found ${positionals.length}: ${positionals.join(' ')}`);
  const { content, io } = session;
  if (positionals[0] !== undefined) return findIncident(content, positionals[0]);
  // Without a terminal, an id is never guessed: missing it is a usage error, as for any script.
  if (!io.interactive) throw new UsageError('missing the incident id (expected it after --, as in npm run new:update -- INC-20261125-001)');
  const candidates = incidentsByRelevance(content.incidents, kind === 'resolve' ? isOpenEntry : () => true);
  if (candidates.length === 0) throw new DomainError('no open incident to resolve');
  const open = candidates.filter(isOpenEntry);
  const id = await prompter.choose({ flag: 'id', message: prompter.words['incident.choose'], choices: incidentChoices([...open, ...candidates.filter((entry) => !open.includes(entry))], prompter) });
  return findIncident(content, id);
}

async function postUpdate(kind: Kind, argv: readonly string[], io: CommandIO): Promise<number> {
  const command = COMMANDS[kind];
  return runCommand(command.name, command.usage, io, async () => {
    const { values, positionals } = parseCommandLine({
      args: [...argv],
      options: {
        ...COMMON_OPTIONS,
        message: { type: 'string' },
        recovered: { type: 'string', multiple: true },
        ...(kind === 'update' ? { impaired: { type: 'string', multiple: true } } : {}),
        'data-loss': { type: 'string', multiple: true },
        at: { type: 'string' },
        ...(kind === 'update' ? { status: { type: 'string' } } : {}),
      },
      allowPositionals: true,
    });
    if (values.help) return printHelp(io, command.usage, command.description);
    const nowMs = commandNow(values.now, io);
    const lang = localeFlag(values.lang);
    const session = await openSite(command.name, siteRoot(values.root, io), nowMs, io);
    const { content } = session;
    const timeZone = content.site.timeZone;
    const prompter = terminalPrompter(io, content.site.defaultLocale);
    const { words } = prompter;
    const atGiven = pastInstantFlag('at', values.at, timeZone, nowMs);
    const entry = await chooseIncident(kind, session, positionals, prompter);
    const { incident } = entry;
    const current = currentStatus(incident);

    const statusValue = 'status' in values && typeof values.status === 'string' ? values.status : undefined;
    const statusGiven = statusFlag(statusValue, INCIDENT_STATUSES);
    const published = mayClose(entry, session.content.severity.levels);
    const move = statusGiven && statusProblem(incident, statusGiven, published);
    if (move) throw new DomainError(`${incident.id}: ${move}`);
    if (kind === 'resolve' && isFinished(current)) throw new DomainError(`${incident.id} is already ${current} (expected an open incident; use npm run new:update -- ${incident.id} to add a note or reopen it)`);
    // Ids as the incident spells them (`Cache` is cache); one it does not name is refused below, with a suggestion.
    const affectedIds = incident.services.map((affected) => affected.id);
    const asWritten = (ids: string[]) => ids.map((id) => sameIgnoringCase(id, affectedIds) ?? id);
    const recoveredFlag = asWritten(listFlag(values.recovered));
    const recoveredGiven = recoveredFlag.some((id) => id.toLowerCase() === 'all') ? openServiceIds(incident) : recoveredFlag;
    const recovery = recoveryProblem(incident, recoveredGiven);
    if (recovery) throw new DomainError(`${incident.id}: ${recovery}`);
    const dataLoss = readDataLoss(incident, listFlag(values['data-loss']));
    if (!dataLoss.ok) throw new UsageError(dataLoss.error);
    // A record written after the fact gets its true time; it still comes after every update the file already has.
    const atMs = atGiven ?? nowMs;
    const latestMs = latestUpdate(incident).at.getTime();
    if (atMs < latestMs) {
      throw new DomainError(`--at: ${instantText(atMs, timeZone)} is before the latest update of ${incident.id}, ${instantText(latestMs, timeZone)} (expected an instant from that update to now)`);
    }
    const currentStart = (affected: IncidentEntry['incident']['services'][number]) => declaredWindows(affected).at(-1)!.start;
    const startsLater = incident.services.find((affected) => recoveredGiven.includes(affected.id) && (currentStart(affected)?.getTime() ?? -Infinity) > atMs);
    if (startsLater) {
      throw new DomainError(`--at: ${instantText(atMs, timeZone)} is before "${startsLater.id}" was affected, ${instantText(currentStart(startsLater)!.getTime(), timeZone)} (expected its recovery after its start)`);
    }
    const impairedFlag = 'impaired' in values && Array.isArray(values.impaired) ? asWritten(listFlag(values.impaired as string[])) : [];

    // Only a person at a terminal moves the status on, by confirming the offered one; a script's note keeps it.
    const offeredStatus = kind === 'resolve' ? 'resolved' : nextStatus(current, published);
    const status: IncidentStatus =
      kind === 'resolve'
        ? 'resolved'
        : await given(statusGiven, keptStatus(current), io, () =>
            prompter.choose({
              flag: 'status',
              message: words['update.status'](current),
              choices: statusChoices(
                statusesAfter(current).filter((candidate) => candidate !== 'closed' || published),
                prompter.locale,
              ),
              default: offeredStatus,
            }),
          );
    // Recovery is asked where it changes the page: a service that is back while the incident is monitored shows operational.
    const open = openServiceIds(incident);
    const recovered =
      recoveredFlag.length > 0 || !io.interactive || status !== 'monitoring' || open.length === 0
        ? recoveredGiven
        : await prompter.chooseMany({
            flag: 'recovered',
            message: atMs === nowMs ? words['update.recoveredNow'] : words['update.recoveredBy'](messageTime(atMs, timeZone, nowMs)),
            choices: serviceChoices(content).filter((choice) => open.includes(choice.value)),
          });
    // A reopen asks which services are down again: the ones the resolution ended are ticked, as a script's reopen resumes them.
    const impaired =
      impairedFlag.length > 0 || !io.interactive || status !== 'reopened'
        ? impairedFlag.length > 0 ? impairedFlag : undefined
        : await prompter.chooseMany({
            flag: 'impaired',
            message: words['update.impairedAgain'],
            choices: serviceChoices(content)
              .filter((choice) => incident.services.some((affected) => affected.id === choice.value))
              .map((choice) => ({ ...choice, checked: open.includes(choice.value) })),
          });
    const impairment = impairedProblem(incident, impaired ?? [], status);
    if (impairment) throw new DomainError(`${incident.id}: ${impairment}`);
    const locale = await askLocale(prompter, io, lang, content, 'language.message');
    const level = content.severity.levels.find((candidate) => candidate.id === incident.severity);
    const offered = updateMessage(
      status,
      {
        incident,
        services: content.services.services,
        level,
        timeZone,
        atMs,
        ...(isFinished(status) && !incident.resolved ? { resolvedMs: atMs } : {}),
        postmortemUrl: siteUrl(content.site.baseUrl, postmortemPath(incident.id)),
      },
      locale,
    );
    const message = await askOffered(prompter, io, values.message, { flag: 'message', message: words['message.edit'], offered });
    if (message.trim() === '') throw new UsageError('--message: empty (expected the text readers will see)');

    const before = await readFile(path.join(session.root, ...entry.file.split('/')), 'utf8');
    const request = { message, atMs, timeZone, recovered, ...(impaired !== undefined ? { impaired } : {}), postmortemPublished: published, dataLoss: dataLoss.records };
    let edited: EditResult;
    try {
      edited = kind === 'resolve' ? resolveIncident(before, incident, request) : addUpdate(before, incident, { ...request, status });
    } catch (error) {
      // A layout the text edit cannot follow (updates written inline, say): say so rather than rewrite the file.
      if (!(error instanceof FrontmatterEditError)) throw error;
      throw new DomainError(`${entry.file}: cannot append the update: ${error.message} (expected the layout of the README's example; add the update by hand)`);
    }
    if (!edited.ok) throw new DomainError(`${incident.id}: ${edited.error}`);
    await writeChecked(session, [{ file: entry.file, text: edited.text, before }]);
    if (isFinished(status) && !isFinished(current) && level) warnIfResolvedEarly(session, incident, level, recovered, atMs);
  });
}

/** Resolving is the comms lead's call; the level's monitoring period is a reminder, said after the write. */
function warnIfResolvedEarly(session: SiteSession, incident: IncidentEntry['incident'], level: SeverityLevel, recovered: readonly string[], atMs: number): void {
  const watchedFromMs = lastRecoveryMs(incident, recovered, atMs);
  const shortMs = monitoringShortfallMs(watchedFromMs, atMs, level.monitoringAfterRecovery);
  if (shortMs === 0) return;
  const timeZone = session.content.site.timeZone;
  const watched = formatDuration(Math.max(0, atMs - watchedFromMs));
  session.io.stderr.write(
    `${session.command}: note: ${incident.id} was resolved ${watched} after its last recovery (${messageTime(watchedFromMs, timeZone, session.nowMs)}); ${level.id} asks for ${formatDuration(level.monitoringAfterRecovery)} of monitoring first (monitoringAfterRecovery in content/severity.yaml). It is resolved all the same; reopen it if the problem returns.\n`,
  );
}

export function newUpdate(argv: readonly string[], io: CommandIO): Promise<number> {
  return postUpdate('update', argv, io);
}

export function resolve(argv: readonly string[], io: CommandIO): Promise<number> {
  return postUpdate('resolve', argv, io);
}
