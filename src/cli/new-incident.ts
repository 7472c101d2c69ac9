// `npm run new:incident`: creates incidents/YYYY/<id>/index.md with a valid id, now as start and detection, and the first update.
import { incidentFile, nextIncidentId } from '../lib/edits/content-paths.ts';
import { FIRST_STATUSES, incidentMarkdown, type FirstStatus } from '../lib/edits/incident-scaffold.ts';
import { updateMessage } from '../lib/edits/update-templates.ts';
import type { Incident } from '../schemas/incident.ts';
import type { ImpactLevel } from '../schemas/primitives.ts';
import { commandNow, COMMON_OPTIONS, COMMON_USAGE, DomainError, listFlag, localeFlag, parseCommandLine, printHelp, runCommand, siteRoot, typedInstantFlag, UsageError, type CommandIO } from './command.ts';
import { askInstant, askOffered, given, terminalPrompter } from './prompter.ts';
import { askLocale, impactChoices, impactFlag, serviceChoices, serviceIdsFlag, severityChoices, severityFlag, statusChoices, statusFlag } from './site-choices.ts';
import { openSite, writeChecked } from './site-session.ts';
import { serviceNameOf } from '../lib/model/service-names.ts';

const USAGE = `usage: npm run new:incident -- [--title <text>] [--severity <level>] [--service <id>[:<impact>]]... [--impact <text>] [--commander <name>] [--status ${FIRST_STATUSES.join('|')}] [--message <text>] [--started <time>] [--detected <time>] ${COMMON_USAGE}`;
const DESCRIPTION = 'Creates a new incident with a valid id, its affected services and the first status update.';

const DEFAULT_IMPACT: ImpactLevel = 'partial_outage';

export async function newIncident(argv: readonly string[], io: CommandIO): Promise<number> {
  return runCommand('new:incident', USAGE, io, async () => {
    const { values } = parseCommandLine({
      args: [...argv],
      options: {
        ...COMMON_OPTIONS,
        title: { type: 'string' },
        severity: { type: 'string' },
        service: { type: 'string', multiple: true },
        impact: { type: 'string' },
        commander: { type: 'string' },
        status: { type: 'string' },
        message: { type: 'string' },
        started: { type: 'string' },
        detected: { type: 'string' },
      },
      allowPositionals: false,
    });
    if (values.help) return printHelp(io, USAGE, DESCRIPTION);
    const nowMs = commandNow(values.now, io);
    const lang = localeFlag(values.lang);
    const session = await openSite('new:incident', siteRoot(values.root, io), nowMs, io);
    const { content } = session;
    const timeZone = content.site.timeZone;

    // Everything given as a flag is checked before the first question, so a typo never costs a round of answers.
    const severityGiven = severityFlag(content, values.severity);
    const serviceFlags = listFlag(values.service).map((text) => {
      const [id = '', impact] = text.split(':');
      return { id, impact: impact === undefined ? undefined : impactFlag(impact, '--service') };
    });
    serviceIdsFlag(content, serviceFlags.map((flag) => flag.id), '--service');
    const statusGiven = statusFlag(values.status, FIRST_STATUSES);
    const startedGiven = typedInstantFlag('started', values.started, timeZone, nowMs);
    const detectedGiven = typedInstantFlag('detected', values.detected, timeZone, nowMs);
    if (values.title !== undefined && values.title.trim() === '') throw new UsageError('--title: empty (expected the incident title readers see)');

    const prompter = terminalPrompter(io);
    const title = await given(values.title, undefined, io, () =>
      prompter.text({ flag: 'title', message: 'Title (what is wrong, as readers will see it)', validate: (answer) => answer.trim() !== '' || 'a title is needed' }),
    );
    const severity = await given(severityGiven, undefined, io, () => prompter.choose({ flag: 'severity', message: 'Severity', choices: severityChoices(content.severity.levels) }));
    const serviceIds =
      serviceFlags.length > 0
        ? serviceFlags.map((flag) => flag.id)
        : await prompter.chooseMany({ flag: 'service', message: 'Affected services (space to select, enter to confirm)', choices: serviceChoices(content), required: true });
    const services: { id: string; impact: ImpactLevel }[] = [];
    for (const id of serviceIds) {
      const name = serviceNameOf(content.services.services, id);
      const impact = await given(serviceFlags.find((flag) => flag.id === id)?.impact, DEFAULT_IMPACT, io, () =>
        prompter.choose({ flag: 'service', message: `Impact on ${name}`, choices: impactChoices(), default: DEFAULT_IMPACT }),
      );
      services.push({ id, impact });
    }
    const startedMs = await given(startedGiven, detectedGiven ?? nowMs, io, () => askInstant(prompter, { flag: 'started', message: 'When were users first affected?', default: 'now' }, timeZone, nowMs));
    const detectedMs = detectedGiven ?? nowMs;
    if (startedMs > nowMs || detectedMs > nowMs) throw new DomainError('--started/--detected: after now (expected instants that have already happened)');
    if (detectedMs < startedMs) throw new DomainError('--detected: before the start (expected detection at or after the moment users were first affected)');
    const impact = await given(values.impact, '', io, () => prompter.text({ flag: 'impact', message: 'User impact, one or two sentences (optional)' }));
    const commander = await given(values.commander, '', io, () => prompter.text({ flag: 'commander', message: 'Incident commander, such as @lisi (optional)' }));
    const status = await given(statusGiven, 'investigating' as FirstStatus, io, () =>
      prompter.choose({ flag: 'status', message: 'Status', choices: statusChoices(FIRST_STATUSES), default: 'investigating' as const }),
    );
    const locale = await askLocale(prompter, io, lang, content, 'message');

    let id: string;
    try {
      id = nextIncidentId(content.incidents.map((entry) => entry.incident.id), startedMs, timeZone);
    } catch (error) {
      throw new DomainError(`--started: ${(error as Error).message}`);
    }
    const draft: Incident = {
      id,
      title: title.trim(),
      severity,
      started: new Date(startedMs),
      detected: new Date(detectedMs),
      services,
      ...(impact.trim() ? { impact: impact.trim() } : {}),
      ...(commander.trim() ? { commander: commander.trim() } : {}),
      updates: [],
    };
    const level = content.severity.levels.find((candidate) => candidate.id === severity);
    const offered = updateMessage(status, { incident: draft, services: content.services.services, level, timeZone, atMs: nowMs }, locale);
    const message = await askOffered(prompter, io, values.message, { flag: 'message', message: 'Message (edit the offered text, enter to post)', offered });
    if (message.trim() === '') throw new UsageError('--message: empty (expected the text readers will see)');

    const text = incidentMarkdown({
      id,
      title,
      severity,
      startedMs,
      detectedMs,
      timeZone,
      ...(draft.commander ? { commander: draft.commander } : {}),
      ...(draft.impact ? { impact: draft.impact } : {}),
      services,
      firstUpdate: { status, message, atMs: nowMs },
      summary: draft.impact ?? message,
    });
    await writeChecked(session, [{ file: incidentFile(id), text, before: null }]);
  });
}
