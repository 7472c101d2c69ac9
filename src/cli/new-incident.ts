// `npm run new:incident`: creates incidents/YYYY/<id>/index.md with a valid id, its start, detection and first update (now unless given).
import { incidentFile, nextIncidentId } from '../lib/edits/content-paths.ts';
import { FIRST_STATUSES, incidentMarkdown, type FirstStatus } from '../lib/edits/incident-scaffold.ts';
import { updateMessage } from '../lib/edits/update-templates.ts';
import type { Incident } from '../schemas/incident.ts';
import type { SiteContent } from '../validation/load-site.ts';
import type { ImpactLevel } from '../schemas/primitives.ts';
import { commandNow, COMMON_OPTIONS, COMMON_USAGE, DomainError, listFlag, localeFlag, parseCommandLine, pastInstantFlag, printHelp, runCommand, siteRoot, UsageError, type CommandIO } from './command.ts';
import { instantText, messageTime, parsePastInstant } from '../lib/time/written-instants.ts';
import { askInstant, askOffered, given, terminalPrompter } from './prompter.ts';
import { askLocale, impactChoices, impactFlag, serviceChoices, serviceIdsFlag, severityChoices, severityFlag, statusChoices, statusFlag } from './site-choices.ts';
import { openSite, writeChecked } from './site-session.ts';
import { serviceNameOf } from '../lib/model/service-names.ts';
import { bracketed, translator } from '../i18n/index.ts';

const USAGE = `usage: npm run new:incident -- [--title <text>] [--severity <level>] [--service <id>[:<impact>]]... [--impact <text>] [--commander <name>] [--status ${FIRST_STATUSES.join('|')}] [--message <text>] [--started <time>] [--detected <time>] [--at <time>] [--maintenance <window id>|none] ${COMMON_USAGE}`;
const DESCRIPTION = 'Creates a new incident with a valid id, its affected services and the first status update.';

const DEFAULT_IMPACT: ImpactLevel = 'partial_outage';
const NO_MAINTENANCE = 'none';

/** The --maintenance flag: "none", or the id of a maintenance window the site has. */
function maintenanceFlag(content: SiteContent, value: string | undefined): string | undefined {
  if (value === undefined || value === NO_MAINTENANCE) return value;
  const ids = content.maintenance.map((entry) => entry.maintenance.id);
  if (!ids.includes(value)) throw new UsageError(`--maintenance: unknown window "${value}" (expected none or one of: ${ids.join(', ') || 'no windows in content/maintenance/'})`);
  return value;
}

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
        at: { type: 'string' },
        maintenance: { type: 'string' },
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
    // Each id as the site spells it (`AUTH` is auth), so the file gets ids the check accepts.
    const serviceFlags = listFlag(values.service).map((text) => {
      const [id = '', impact] = text.split(':');
      return { id: serviceIdsFlag(content, [id], '--service')[0]!, impact: impact === undefined ? undefined : impactFlag(impact, '--service') };
    });
    const statusGiven = statusFlag(values.status, FIRST_STATUSES);
    const startedGiven = pastInstantFlag('started', values.started, timeZone, nowMs);
    const detectedGiven = pastInstantFlag('detected', values.detected, timeZone, nowMs);
    const atGiven = pastInstantFlag('at', values.at, timeZone, nowMs);
    const fileTime = (ms: number) => instantText(ms, timeZone);
    if (startedGiven !== undefined && detectedGiven !== undefined && detectedGiven < startedGiven) {
      throw new DomainError(`--detected: ${fileTime(detectedGiven)} is before --started ${fileTime(startedGiven)} (expected the team to know at or after users were first affected)`);
    }
    const knownBy = detectedGiven ?? startedGiven;
    if (atGiven !== undefined && knownBy !== undefined && atGiven < knownBy) {
      const flag = detectedGiven !== undefined ? '--detected' : '--started';
      throw new DomainError(`--at: ${fileTime(atGiven)} is before ${flag} ${fileTime(knownBy)} (expected the first update at or after the team knew)`);
    }
    const maintenanceGiven = maintenanceFlag(content, values.maintenance);
    if (values.title !== undefined && values.title.trim() === '') throw new UsageError('--title: empty (expected the incident title readers see)');

    const prompter = terminalPrompter(io, content.site.defaultLocale);
    const { words } = prompter;
    const title = await given(values.title, undefined, io, () =>
      prompter.text({ flag: 'title', message: words['incident.title'], validate: (answer) => answer.trim() !== '' || words['title.needed'] }),
    );
    // Enter under stress must never declare the most severe level: the least severe is the one offered.
    const leastSevere = content.severity.levels.at(-1)?.id;
    const severity = await given(severityGiven, undefined, io, () =>
      prompter.choose({ flag: 'severity', message: words['incident.severity'], choices: severityChoices(content.severity.levels), ...(leastSevere ? { default: leastSevere } : {}) }),
    );
    const serviceIds =
      serviceFlags.length > 0
        ? serviceFlags.map((flag) => flag.id)
        : await prompter.chooseMany({ flag: 'service', message: words['incident.services'], choices: serviceChoices(content), required: true });
    const services: { id: string; impact: ImpactLevel }[] = [];
    for (const id of serviceIds) {
      const name = serviceNameOf(content.services.services, id);
      const impact = await given(serviceFlags.find((flag) => flag.id === id)?.impact, DEFAULT_IMPACT, io, () =>
        prompter.choose({ flag: 'service', message: words['incident.impactOn'](name), choices: impactChoices(prompter.locale), default: DEFAULT_IMPACT }),
      );
      services.push({ id, impact });
    }
    // The first update is posted now unless --at says when: nothing before it can be later, so it bounds the answers.
    const atMs = atGiven ?? nowMs;
    const shown = (ms: number) => messageTime(ms, timeZone, nowMs);
    const notLaterThan = (ms: number, latest: number, refusal: (time: string, latest: string) => string): string | true => {
      if (ms > nowMs) return words['time.afterNow'](shown(ms), shown(nowMs));
      return ms > latest ? refusal(shown(ms), shown(latest)) : true;
    };
    const timeDefault = atGiven === undefined ? 'now' : fileTime(atGiven);
    const startedMs = await given(startedGiven, detectedGiven ?? atMs, io, () =>
      askInstant(
        prompter,
        {
          flag: 'started',
          name: words['incident.startedName'],
          message: words['incident.started'],
          default: timeDefault,
          read: (text) => parsePastInstant(text, timeZone, nowMs),
          check: (ms) =>
            detectedGiven !== undefined
              ? notLaterThan(ms, detectedGiven, words['incident.startedAfterDetection'])
              : notLaterThan(ms, atMs, words['incident.startedAfterFirstUpdate']),
        },
        timeZone,
        nowMs,
      ),
    );
    const detectedMs = await given(detectedGiven, atMs, io, () =>
      askInstant(
        prompter,
        {
          flag: 'detected',
          name: words['incident.detectedName'],
          message: words['incident.detected'],
          default: timeDefault,
          read: (text) => parsePastInstant(text, timeZone, nowMs),
          check: (ms) =>
            ms < startedMs ? words['incident.detectedBeforeStart'](shown(ms), shown(startedMs)) : notLaterThan(ms, atMs, words['incident.detectedAfterFirstUpdate']),
        },
        timeZone,
        nowMs,
      ),
    );
    // Flags and answers were checked as they came; this guards the defaults combined with them.
    if (detectedMs < startedMs) throw new DomainError(`--started: ${fileTime(startedMs)} is after the detection ${fileTime(detectedMs)} (expected users affected at or before the team knew; pass --detected)`);
    if (atMs < detectedMs) throw new DomainError(`--at: ${fileTime(atMs)} is before the detection ${fileTime(detectedMs)} (expected the first update at or after the team knew)`);
    // Planned work that caused the outage is the one thing that excuses its downtime, so it is asked only when a
    // window on an affected service was running at the start, and the default is "no": unplanned counts.
    const running = content.maintenance
      .map((entry) => entry.maintenance)
      .filter((window) => !window.cancelled && window.start.getTime() <= startedMs && startedMs < window.end.getTime() && window.services.some((id) => services.some((affected) => affected.id === id)));
    const maintenance =
      maintenanceGiven !== undefined
        ? maintenanceGiven
        : !io.interactive || running.length === 0
          ? NO_MAINTENANCE
          : await prompter.choose({
              flag: 'maintenance',
              message: words['incident.maintenance'],
              choices: [{ value: NO_MAINTENANCE, name: words['incident.maintenanceNo'] }, ...running.map((window) => ({ value: window.id, name: words['incident.maintenanceWindow'](window.title, window.id, window.impact) }))],
              default: NO_MAINTENANCE,
            });
    if (maintenance !== NO_MAINTENANCE) {
      const window = content.maintenance.find((entry) => entry.maintenance.id === maintenance)!.maintenance;
      if (!window.services.some((serviceId) => services.some((affected) => affected.id === serviceId))) {
        throw new DomainError(`--maintenance: "${maintenance}" covers ${window.services.join(', ')}, none of the affected services (expected the window whose planned work caused this incident)`);
      }
      if (startedMs >= window.end.getTime() || atMs < window.start.getTime()) {
        throw new DomainError(`--maintenance: "${maintenance}" ran ${fileTime(window.start.getTime())} to ${fileTime(window.end.getTime())}, which this incident does not overlap (expected the window whose work caused it)`);
      }
    }
    const impact = await given(values.impact, '', io, () => prompter.text({ flag: 'impact', message: words['incident.impact'] }));
    const commander = await given(values.commander, '', io, () => prompter.text({ flag: 'commander', message: words['incident.commander'] }));
    const status = await given(statusGiven, 'investigating' as FirstStatus, io, () =>
      prompter.choose({ flag: 'status', message: words['incident.status'], choices: statusChoices(FIRST_STATUSES, prompter.locale), default: 'investigating' as const }),
    );
    const locale = await askLocale(prompter, io, lang, content, 'language.message');

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
    const offered = updateMessage(status, { incident: draft, services: content.services.services, level, timeZone, atMs }, locale);
    const message = await askOffered(prompter, io, values.message, { flag: 'message', message: words['message.edit'], offered });
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
      ...(maintenance !== NO_MAINTENANCE ? { maintenance } : {}),
      services,
      firstUpdate: { status, message, atMs },
      // No summary yet: the impact is among the page's facts and the message in its timeline, so repeating either
      // as the summary would show it twice. Whoever writes the summary later adds it under the frontmatter.
      summary: '',
    });
    if (io.interactive) {
      // What is declared, once more, before it is written: the level and the services a reader will see.
      const levelName = level ? `${level.id} — ${level.name}` : severity;
      const t = translator(prompter.locale);
      const affected = services.map((service) => `${serviceNameOf(content.services.services, service.id)}${bracketed(t, t(`impact.${service.impact}`))}`).join(t('punct.list'));
      io.stderr.write(`${words['incident.writing'](id, levelName, affected)}\n`);
    }
    await writeChecked(session, [{ file: incidentFile(id), text, before: null }]);
  });
}
