// The comms lead's changes to one maintenance window: a note to readers, starting it (early or late), asking
// readers to wait while it is verified, extending it, completing it, cancelling it. Each is an update readers
// see, and start/end move with it so the window as it stands is always what the file says.
import type { Maintenance, MaintenanceStatus } from '../../schemas/maintenance.ts';
import type { Locale } from '../../schemas/site.ts';
import { maintenanceMoveProblem, maintenanceStatusAt } from '../status/maintenance-lifecycle.ts';
import { instantText, messageTime } from '../time/written-instants.ts';
import { appendToListCreating, FrontmatterEditError, setTopLevelScalar, setTopLevelTrue } from './frontmatter-edit.ts';

export const MAINTENANCE_ACTIONS = ['note', 'start', 'verify', 'extend', 'complete', 'cancel'] as const;
export type MaintenanceAction = (typeof MAINTENANCE_ACTIONS)[number];

export interface MaintenanceRequest {
  action: MaintenanceAction;
  /** When the update is posted (and the work started or completed), to the second. */
  atMs: number;
  /** The new end, for `extend`. */
  endMs?: number;
  /** The note; each action but `note` has a default in the window's language. */
  message?: string;
  timeZone: string;
  locale: Locale;
}

/** What readers are told when the comms lead gives no message of their own. */
export function defaultMaintenanceMessage(action: Exclude<MaintenanceAction, 'note'>, locale: Locale, endText: string): string {
  const en: Record<typeof action, string> = {
    start: 'The maintenance has started. We will post here when it is complete.',
    verify: 'The work is done; we are checking that everything works before we close the window.',
    extend: `The maintenance is taking longer than planned; we now expect it to end by ${endText}.`,
    complete: 'The maintenance is complete. Thank you for your patience.',
    cancel: 'This maintenance has been cancelled; nothing will change. We will announce a new date here if it is rescheduled.',
  };
  const zh: Record<typeof action, string> = {
    start: '维护已开始，完成后我们会在此通知。',
    verify: '维护工作已完成，正在确认各项服务正常后结束维护。',
    extend: `维护耗时超出计划，现预计于 ${endText} 前结束。`,
    complete: '维护已完成，感谢您的耐心等待。',
    cancel: '本次维护已取消，服务不受影响。如重新安排，我们会在此公布新的时间。',
  };
  return (locale === 'en' ? en : zh)[action];
}

/** The status an update says, by action: a note keeps the window's status at that instant. */
function statusOf(window: Maintenance, request: MaintenanceRequest): MaintenanceStatus {
  switch (request.action) {
    case 'start':
      return 'in_progress';
    case 'verify':
      return 'verifying';
    case 'complete':
      return 'completed';
    case 'cancel':
      return 'cancelled';
    case 'note':
    case 'extend': {
      const status = maintenanceStatusAt(window, request.atMs);
      // A window whose end passed with nobody saying so is not completed by a note: it is still the last status said.
      return status === 'completed' ? (window.updates.at(-1)?.status ?? 'in_progress') : status;
    }
  }
}

export type MaintenanceEditResult = { ok: true; text: string; status: MaintenanceStatus } | { ok: false; error: string };

/** Why the request does not fit the window, in the command's words; undefined when it does. */
export function maintenanceRequestProblem(window: Maintenance, request: MaintenanceRequest): string | undefined {
  const shown = (ms: number) => messageTime(ms, request.timeZone, request.atMs);
  const last = window.updates.at(-1);
  if (last && request.atMs < last.at.getTime()) return `${shown(request.atMs)} is before the window's latest update at ${shown(last.at.getTime())} (expected an update after it)`;
  if (window.cancelled && request.action !== 'note') return `${window.id} was cancelled (expected a window that is not; post a note with --action note)`;
  if (last?.status === 'completed' && request.action !== 'note') return `${window.id} is already completed (expected a window still to come or under way; post a note with --action note)`;
  const startMs = window.start.getTime();
  const endMs = window.end.getTime();
  switch (request.action) {
    case 'note':
      return request.message?.trim() ? undefined : '--message: missing (expected the note to readers, such as --message "Writes are paused for a few more minutes.")';
    case 'start':
      if (window.updates.some((update) => update.status === 'in_progress')) return `${window.id} was already started at ${shown(startMs)} (expected a window not started yet)`;
      if (request.atMs >= endMs) return `${shown(request.atMs)} is at or after the window's end ${shown(endMs)} (expected a start before the end; extend it first with --action extend --end <time>)`;
      return undefined;
    case 'verify':
      if (request.atMs < startMs) return `${window.id} has not started yet: it starts at ${shown(startMs)} (expected --action start first)`;
      return maintenanceMoveProblem(last?.status ?? 'in_progress', 'verifying');
    case 'extend':
      if (request.endMs === undefined) return '--end: missing (expected the new end, such as --end 03:30 or --end 2h)';
      if (request.endMs <= endMs) return `--end: ${shown(request.endMs)} is not after the current end ${shown(endMs)} (expected a later end; to finish early use --action complete)`;
      if (request.endMs <= request.atMs) return `--end: ${shown(request.endMs)} is not after now ${shown(request.atMs)} (expected an end still to come)`;
      return undefined;
    case 'complete':
      if (request.atMs <= startMs) return `${shown(request.atMs)} is not after the window's start ${shown(startMs)} (expected the work to complete after it started; to call it off use --action cancel)`;
      return undefined;
    case 'cancel':
      if (request.atMs >= endMs && window.updates.some((update) => update.status === 'in_progress')) return `${window.id} ran until ${shown(endMs)} (expected a window that has not finished; complete it with --action complete)`;
      return undefined;
  }
}

/** The file with the update appended and start, end or cancelled changed to match. */
export function editMaintenance(fileText: string, window: Maintenance, request: MaintenanceRequest): MaintenanceEditResult {
  const problem = maintenanceRequestProblem(window, request);
  if (problem) return { ok: false, error: problem };
  const status = statusOf(window, request);
  const at = instantText(request.atMs, request.timeZone);
  const endText = messageTime(request.endMs ?? window.end.getTime(), request.timeZone, request.atMs);
  const message = request.message?.trim() || defaultMaintenanceMessage(request.action as Exclude<MaintenanceAction, 'note'>, request.locale, endText);
  try {
    let text = fileText;
    if (request.action === 'start') text = setTopLevelScalar(text, 'start', at, 'title');
    if (request.action === 'complete') text = setTopLevelScalar(text, 'end', at, 'start');
    if (request.action === 'extend') text = setTopLevelScalar(text, 'end', instantText(request.endMs!, request.timeZone), 'start');
    if (request.action === 'cancel') text = setTopLevelTrue(text, 'cancelled', window.impact ? 'impact' : 'services');
    const after = request.action === 'cancel' || window.cancelled ? 'cancelled' : window.impact ? 'impact' : 'services';
    text = appendToListCreating(text, 'updates', { at, status, message }, after);
    return { ok: true, text, status };
  } catch (error) {
    if (!(error instanceof FrontmatterEditError)) throw error;
    return { ok: false, error: `cannot edit the file: ${error.message} (expected the layout new:maintenance writes)` };
  }
}
