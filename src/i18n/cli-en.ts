// English questions, choices and re-ask hints of the comms lead's commands; every locale has exactly these keys.
import type { IncidentStatus } from '../schemas/incident.ts';
import type { ImpactLevel } from '../schemas/primitives.ts';
import type { TimeRefusal } from '../lib/time/written-instants.ts';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export const cliEn = {
  // What every question shares: key hints under a list, re-ask hints.
  'keys.navigate': 'navigate',
  'keys.select': 'select',
  'keys.space': 'space',
  'keys.all': 'all',
  'keys.invert': 'invert',
  'keys.submit': 'submit',
  'choose.atLeastOne': 'At least one choice must be selected',
  'answer.needed': 'an answer is needed',
  'title.needed': 'a title is needed',
  /** A refused answer, named by the question it answers ("detection time: …"). */
  'answer.refused': (question: string, problem: string) => `${question}: ${problem}`,
  /** A typed time that does not read as one; English shows the check's own words, which say what was expected. */
  'time.unreadable': (_typed: string, checkMessage: string, _refusal?: TimeRefusal) => checkMessage,
  'time.afterNow': (time: string, now: string) => `${time} is after now, ${now} (expected a time that has already happened)`,
  'language.message': 'Language of the message',
  'language.notes': 'Language of the notes',
  'language.placeholders': 'Language of the placeholders',
  'message.edit': 'Message (edit the offered text, enter to post)',
  'incident.choose': 'Incident',
  'incident.choiceDescription': (severity: string, status: string) => `${severity}, ${status}`,

  // new:incident
  'incident.title': 'Title (what is wrong, as readers will see it)',
  'incident.severity': 'Severity (choose by the severity policy; the least severe is offered)',
  'incident.writing': (id: string, level: string, services: string) => `Writing ${id}: ${level}; affected: ${services}`,
  'incident.services': 'Affected services (space to select, enter to confirm)',
  'incident.impactOn': (service: string) => `Impact on ${service}`,
  'incident.startedName': 'start time',
  'incident.started': 'When were users first affected? (now, 21:10 or 2026-11-25 21:10; a time more than 12 hours after now means yesterday)',
  'incident.startedAfterDetection': (time: string, detected: string) => `${time} is after the detection, ${detected} (expected users affected at or before the team knew)`,
  'incident.startedAfterFirstUpdate': (time: string, firstUpdate: string) => `${time} is after the first update, ${firstUpdate} (expected users affected at or before it)`,
  'incident.detectedName': 'detection time',
  'incident.detected': 'When did the team know? (detection)',
  'incident.detectedBeforeStart': (time: string, started: string) => `${time} is before users were first affected, ${started} (expected the team to know at or after that)`,
  'incident.detectedAfterFirstUpdate': (time: string, firstUpdate: string) => `${time} is after the first update, ${firstUpdate} (expected the team to know by then)`,
  'incident.maintenance': 'Caused by the planned work of a maintenance window? (only then is its downtime excused, up to the impact the window announced)',
  'incident.maintenanceNo': 'No: an unplanned problem (its downtime counts)',
  'incident.maintenanceWindow': (title: string, id: string, impact: ImpactLevel | undefined) => `${title} (${id}), announced impact: ${impact ?? 'none'}`,
  'incident.impact': 'User impact, one or two sentences (optional)',
  'incident.commander': 'Incident commander, such as @lisi (optional)',
  'incident.status': 'Status',

  // new:update, resolve
  'update.status': (current: IncidentStatus) => `Status (now ${current})`,
  'update.recoveredNow': 'Services that have recovered now (their impact ends now; none selected: still affected)',
  'update.recoveredBy': (time: string) => `Services that had recovered by ${time} (their impact ends then; none selected: still affected)`,
  'update.impairedAgain': 'Services impaired again (their impact resumes at the reopen; not selected: stayed recovered)',

  // new:postmortem
  'postmortem.author': 'Author of the report, such as @lisi',
  'postmortem.authorNeeded': 'an author is needed',

  // new:maintenance
  'maintenance.title': 'Title (the work, as readers will see it)',
  'maintenance.services': 'Services under maintenance (space to select, enter to confirm)',
  'maintenance.start': "Start, such as 2026-12-06 01:00 (in the site's time zone)",
  'maintenance.endNotAfterStart': (end: string, start: string) => `${end} is not after the start, ${start} (expected the end after the start, or a duration such as 2h)`,
  'maintenance.end': 'End: a duration such as 2h, a time such as 03:30 (on the start\'s day, or the next if that is not after the start), or 2026-12-06 03:00',
  'maintenance.impact': 'What users will notice',
  'maintenance.impactNone': 'None expected (none)',
  'maintenance.notes': 'Notes for readers (edit the offered text)',

  // init
  'init.name': 'Site name, such as Acme Status',
  'init.baseUrl': 'Address the site is served at (for GitHub Pages: https://<owner>.github.io/<repository>/)',
  'init.locale': 'Default language of the site',
  'init.timeZone': 'Time zone pages are shown in (IANA, such as Asia/Shanghai)',
  'init.severity': 'Severity levels',
  'init.presetP0P3': 'P0 critical (respond in 15 min, resolve in 1 h) to P3 low, from the incident process and runbook',
  'init.presetP1P4': 'P1 critical (RTO 15 min) to P4 minor, from the emergency response manual',
  'init.firstGroup': 'First service group, such as Core services',
  'init.anotherGroup': 'Another group (empty to go on to the services)',
  'init.groupNeeded': 'at least one group is needed',
  'init.groupId': (group: string) => `Id for "${group}" (lower-case letters, digits, dashes)`,
  'init.firstService': 'First service, such as Public API',
  'init.anotherService': 'Another service (empty to finish)',
  'init.serviceNeeded': 'at least one service is needed',
  'init.serviceId': (service: string) => `Id for "${service}"`,
  'init.serviceGroup': (service: string) => `Group of "${service}"`,
  'init.rto': (service: string) => `RTO of "${service}": the longest it may be down per incident`,
  'init.rpo': (service: string) => `RPO of "${service}": the most data, as time, it may lose per incident`,
  'init.availability': (service: string) => `Availability target of "${service}"`,
  'init.idUsed': 'already used',
  // An answer the check would refuse; English shows the check's own words.
  'init.invalid.name': (_typed: string, checkMessage: string) => checkMessage,
  'init.invalid.baseUrl': (_typed: string, checkMessage: string) => checkMessage,
  'init.invalid.timeZone': (_typed: string, checkMessage: string) => checkMessage,
  'init.invalid.id': (_typed: string, checkMessage: string) => checkMessage,
  'init.invalid.duration': (_typed: string, checkMessage: string) => checkMessage,
  'init.invalid.availability': (_typed: string, checkMessage: string) => checkMessage,
  'init.contentSummary': (content: { incidents: number; postmortems: number; maintenance: number }) =>
    `${plural(content.incidents, 'incident')}, ${plural(content.postmortems, 'postmortem')} and ${plural(content.maintenance, 'maintenance window')}`,
  'init.replace': (folders: readonly string[], summary: string) => `Replace ${folders.map((folder) => `${folder}/`).join(', ')} (${summary}) with the new site?`,
  'init.keep': 'No, keep them',
  'init.replaceYes': 'Yes, replace them',
} as const;

type Phrase<T> = T extends (...args: infer A) => string ? (...args: A) => string : string;

/** One locale's questions: a string per key, or a function of the same arguments where the text holds values. */
export type CliText = { readonly [K in keyof typeof cliEn]: Phrase<(typeof cliEn)[K]> };
export type CliTextKey = keyof CliText;
