// `npm run new:maintenance`: creates content/maintenance/<id>.md for a scheduled window, with notes for readers.
import { maintenanceFile, maintenanceId } from '../lib/edits/content-paths.ts';
import { maintenanceMarkdown, maintenanceNotes } from '../lib/edits/maintenance-scaffold.ts';
import { IMPACT_LEVELS, slug, type ImpactLevel } from '../schemas/primitives.ts';
import { readDuration } from '../lib/time/durations.ts';
import { messageTime, parseWindowEnd, readWindowEnd } from '../lib/time/written-instants.ts';
import { commandNow, COMMON_OPTIONS, COMMON_USAGE, DomainError, listFlag, localeFlag, parseCommandLine, printHelp, runCommand, siteRoot, typedInstantFlag, UsageError, type CommandIO } from './command.ts';
import { askInstant, askOffered, given, terminalPrompter, type Choice } from './prompter.ts';
import { askLocale, impactChoices, impactFlag, serviceChoices, serviceIdsFlag } from './site-choices.ts';
import { openSite, writeChecked } from './site-session.ts';
import { serviceNameOf } from '../lib/model/service-names.ts';

const USAGE = `usage: npm run new:maintenance -- [--title <text>] [--service <id>]... [--start <time>] [--end <time> | --duration <2h>] [--impact none|${IMPACT_LEVELS.join('|')}] [--notes <text>] [--id <id>] ${COMMON_USAGE}`;
const DESCRIPTION = 'Schedules a maintenance window: its services, start and end, expected impact and notes for readers.';

type WindowImpact = ImpactLevel | 'none';

function impactOf(value: string | undefined): WindowImpact | undefined {
  if (value === undefined || value === 'none') return value;
  return impactFlag(value, '--impact');
}

export async function newMaintenance(argv: readonly string[], io: CommandIO): Promise<number> {
  return runCommand('new:maintenance', USAGE, io, async () => {
    const { values } = parseCommandLine({
      args: [...argv],
      options: {
        ...COMMON_OPTIONS,
        title: { type: 'string' },
        service: { type: 'string', multiple: true },
        start: { type: 'string' },
        end: { type: 'string' },
        duration: { type: 'string' },
        impact: { type: 'string' },
        notes: { type: 'string' },
        id: { type: 'string' },
      },
      allowPositionals: false,
    });
    if (values.help) return printHelp(io, USAGE, DESCRIPTION);
    const nowMs = commandNow(values.now, io);
    const lang = localeFlag(values.lang);
    if (values.end !== undefined && values.duration !== undefined) throw new UsageError('--end and --duration: both given (expected one of them)');
    const durationRead = values.duration === undefined ? undefined : readDuration(values.duration);
    if (durationRead && 'problem' in durationRead) {
      throw new UsageError(durationRead.problem === 'too long' ? `--duration: found "${values.duration}", longer than 10 years (expected a maintenance window such as 30m, 2h or 1d)` : `--duration: found "${values.duration}" (expected a duration such as 30m, 2h or 1h30m)`);
    }
    const durationGiven = durationRead?.ms;
    if (durationGiven === 0) throw new UsageError(`--duration: found "${values.duration}" (expected a duration longer than zero, such as 30m, 2h or 1h30m)`);
    if (values.title !== undefined && values.title.trim() === '') throw new UsageError('--title: empty (expected the window title readers see)');
    if (values.id !== undefined && !slug.safeParse(values.id).success) throw new UsageError(`--id: found "${values.id}" (expected lower-case letters, digits and dashes)`);
    const session = await openSite('new:maintenance', siteRoot(values.root, io), nowMs, io);
    const { content } = session;
    const timeZone = content.site.timeZone;
    const servicesGiven = serviceIdsFlag(content, listFlag(values.service), '--service');
    const impactGiven = impactOf(values.impact);
    const startGiven = typedInstantFlag('start', values.start, timeZone, nowMs);

    const existingIds = new Set(content.maintenance.map((entry) => entry.maintenance.id));
    if (values.id !== undefined && existingIds.has(values.id)) throw new DomainError(`--id: "${values.id}" is already used by ${content.maintenance.find((entry) => entry.maintenance.id === values.id)!.file} (expected a new id)`);

    const prompter = terminalPrompter(io, content.site.defaultLocale);
    const { words } = prompter;
    const title = await given(values.title, undefined, io, () => prompter.text({ flag: 'title', message: words['maintenance.title'], validate: (answer) => answer.trim() !== '' || words['title.needed'] }));
    const services =
      servicesGiven.length > 0 ? servicesGiven : await prompter.chooseMany({ flag: 'service', message: words['maintenance.services'], choices: serviceChoices(content), required: true });
    const startMs = await given(startGiven, undefined, io, () => askInstant(prompter, { flag: 'start', message: words['maintenance.start'] }, timeZone, nowMs));
    // The end is read against the start: `03:30` on the start's day (or the next), `2h` after it.
    let endMs: number;
    if (values.end !== undefined) {
      const end = parseWindowEnd(values.end, startMs, timeZone, nowMs);
      if ('error' in end) throw new UsageError(`--end: ${end.error}`);
      endMs = end.ms;
    } else {
      const shown = (ms: number) => messageTime(ms, timeZone, startMs);
      endMs =
        durationGiven !== undefined
          ? startMs + durationGiven
          : await askInstant(
              prompter,
              {
                flag: 'end',
                message: words['maintenance.end'],
                read: (text) => readWindowEnd(text, startMs, timeZone, nowMs),
                check: (ms) => ms > startMs || words['maintenance.endNotAfterStart'](shown(ms), shown(startMs)),
              },
              timeZone,
              nowMs,
            );
    }
    const impactChoicesWithNone: Choice<WindowImpact>[] = [{ value: 'none', name: words['maintenance.impactNone'] }, ...impactChoices(prompter.locale)];
    const impact = await given(impactGiven, 'none' as WindowImpact, io, () => prompter.choose({ flag: 'impact', message: words['maintenance.impact'], choices: impactChoicesWithNone, default: 'none' as WindowImpact }));
    const locale = await askLocale(prompter, io, lang, content, 'language.notes');
    const names = services.map((id) => serviceNameOf(content.services.services, id));
    const offered = maintenanceNotes(names, startMs, endMs, timeZone, locale);
    const notes = await askOffered(prompter, io, values.notes, { flag: 'notes', message: words['maintenance.notes'], offered });

    const id = values.id ?? maintenanceId(startMs, timeZone, title, existingIds);
    const text = maintenanceMarkdown({ id, title, startMs, endMs, timeZone, services, ...(impact === 'none' ? {} : { impact }), notes });
    await writeChecked(session, [{ file: maintenanceFile(id), text, before: null }]);
  });
}
