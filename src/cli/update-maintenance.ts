// `npm run maintenance:update -- <window id> --action note|start|verify|extend|complete|cancel`: posts an update to
// a scheduled maintenance window, moving its start or end (or cancelling it) to match, now or at --at.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { editMaintenance, MAINTENANCE_ACTIONS, type MaintenanceAction } from '../lib/edits/maintenance-edits.ts';
import { parseWindowEnd } from '../lib/time/written-instants.ts';
import { didYouMean, sameIgnoringCase } from '../validation/near-miss.ts';
import { commandNow, COMMON_OPTIONS, COMMON_USAGE, DomainError, localeFlag, parseCommandLine, pastInstantFlag, printHelp, runCommand, siteRoot, UsageError, type CommandIO } from './command.ts';
import { openSite, writeChecked } from './site-session.ts';

const USAGE = `usage: npm run maintenance:update -- <window id> --action ${MAINTENANCE_ACTIONS.join('|')} [--message <text>] [--end <time> (with extend)] [--at <time>] ${COMMON_USAGE}`;
const DESCRIPTION =
  'Posts an update to a maintenance window: a note, its start (early or late: start moves to now), verifying, a later end (extend), its completion (end moves to now) or its cancellation. Each but a note has a default message in the site\'s language.';

export async function updateMaintenance(argv: readonly string[], io: CommandIO): Promise<number> {
  return runCommand('maintenance:update', USAGE, io, async () => {
    const { values, positionals } = parseCommandLine({
      args: [...argv],
      options: { ...COMMON_OPTIONS, action: { type: 'string' }, message: { type: 'string' }, end: { type: 'string' }, at: { type: 'string' } },
      allowPositionals: true,
    });
    if (values.help) return printHelp(io, USAGE, DESCRIPTION);
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing the window id (expected it after --, as in npm run maintenance:update -- 2026-12-06-file-storage-migration --action start)' : `expected one window id, found ${positionals.length}: ${positionals.join(' ')}`);
    if (values.action === undefined) throw new UsageError(`missing --action (expected one of: ${MAINTENANCE_ACTIONS.join(', ')})`);
    const action = sameIgnoringCase(values.action, MAINTENANCE_ACTIONS) as MaintenanceAction | undefined;
    if (!action) throw new UsageError(`--action: found "${values.action}" (${didYouMean(values.action, MAINTENANCE_ACTIONS)}expected one of: ${MAINTENANCE_ACTIONS.join(', ')})`);
    if (values.end !== undefined && action !== 'extend') throw new UsageError(`--end: only with --action extend (to finish now use --action complete)`);
    if (values.message !== undefined && values.message.trim() === '') throw new UsageError('--message: empty (expected the note to readers)');
    const nowMs = commandNow(values.now, io);
    const lang = localeFlag(values.lang);
    const session = await openSite('maintenance:update', siteRoot(values.root, io), nowMs, io);
    const { content } = session;
    const timeZone = content.site.timeZone;
    const wanted = positionals[0]!;
    const ids = content.maintenance.map((entry) => entry.maintenance.id);
    const entry = content.maintenance.find((candidate) => candidate.maintenance.id === wanted) ?? content.maintenance.find((candidate) => candidate.maintenance.id === sameIgnoringCase(wanted, ids));
    if (!entry) throw new DomainError(`unknown maintenance window "${wanted}" (${didYouMean(wanted, ids)}expected one of: ${ids.join(', ') || 'none, schedule one with npm run new:maintenance'})`);
    const atMs = pastInstantFlag('at', values.at, timeZone, nowMs) ?? nowMs;
    let endMs: number | undefined;
    if (values.end !== undefined) {
      const end = parseWindowEnd(values.end, Math.max(atMs, entry.maintenance.start.getTime()), timeZone, nowMs);
      if ('error' in end) throw new UsageError(`--end: ${end.error}`);
      endMs = end.ms;
    }
    const before = await readFile(path.join(session.root, ...entry.file.split('/')), 'utf8');
    const edited = editMaintenance(before, entry.maintenance, {
      action,
      atMs,
      ...(endMs === undefined ? {} : { endMs }),
      ...(values.message === undefined ? {} : { message: values.message }),
      timeZone,
      locale: lang ?? content.site.defaultLocale,
    });
    if (!edited.ok) throw new DomainError(`${entry.file}: ${edited.error}; nothing was written`);
    await writeChecked(session, [{ file: entry.file, text: edited.text, before }]);
  });
}
