// Status update messages offered when an update is written: the incident notice and resolution notice of the
// incident runbook (seeds 001 and 004), per status and language, filled in from the incident's own facts.
import type { Incident, IncidentStatus } from '../../schemas/incident.ts';
import type { Service } from '../../schemas/service.ts';
import type { SeverityLevel } from '../../schemas/severity.ts';
import type { Locale } from '../../schemas/site.ts';
import { durationWords, translator } from '../../i18n/index.ts';
import { formatDuration } from '../time/durations.ts';
import { messageTime } from '../time/written-instants.ts';
import { serviceNameOf } from '../model/service-names.ts';

export type TemplateField = 'services' | 'severity' | 'started' | 'resolved' | 'duration' | 'commander' | 'impact' | 'nextUpdate' | 'postmortemUrl';
export type TemplateFacts = Partial<Record<TemplateField, string>>;

/**
 * Each message is a list of sentences; a sentence whose placeholder has no value (no commander, no impact
 * statement) is left out rather than published half-filled. The order follows the seeds' notices: what is
 * happening, then level, scope, times, owner, user impact and when the next word comes.
 */
const INCIDENT_NOTICE: Record<Locale, readonly string[]> = {
  en: ['Severity: {severity}.', 'Affected services: {services}.', 'Started: {started}.', 'Incident commander: {commander}.', 'User impact: {impact}', 'Next update by {nextUpdate}.'],
  'zh-CN': ['事故级别：{severity}。', '影响范围：{services}。', '开始时间：{started}。', '负责人：{commander}。', '用户影响：{impact}', '下次更新：{nextUpdate}前。'],
};

const RESOLUTION_NOTICE: Record<Locale, readonly string[]> = {
  en: [
    'This incident has been resolved and service is working normally again.',
    'Severity: {severity}.',
    'Affected services: {services}.',
    'Started: {started}.',
    'Resolved: {resolved}.',
    'Duration: {duration}.',
    'Incident commander: {commander}.',
    'User impact: {impact}',
    'The root cause and our improvements will follow in the postmortem.',
    'We are sorry for the disruption.',
  ],
  'zh-CN': [
    '事故已解决，服务已恢复正常。',
    '事故级别：{severity}。',
    '影响范围：{services}。',
    '开始时间：{started}。',
    '解决时间：{resolved}。',
    '持续时间：{duration}。',
    '负责人：{commander}。',
    '用户影响：{impact}',
    '根因分析和改进措施将在事故复盘报告中公布。',
    '我们为此次服务中断向您道歉。',
  ],
};

const PROGRESS: Record<Locale, Record<Exclude<IncidentStatus, 'resolved' | 'closed'>, string>> = {
  en: {
    detecting: 'We are looking into reports of a problem and confirming its scope.',
    investigating: 'We are investigating a problem and working to restore service as quickly as possible.',
    fixing: 'We have identified the cause and are working on a fix.',
    monitoring: 'A fix is in place and service is recovering; we are monitoring the results.',
    reopened: 'The problem has come back and we are investigating again.',
  },
  'zh-CN': {
    detecting: '我们收到了问题报告，正在确认影响范围。',
    investigating: '我们正在调查此问题，并全力恢复服务。',
    fixing: '我们已定位问题原因，正在修复。',
    monitoring: '修复已生效，服务正在恢复，我们正在持续监控。',
    reopened: '问题再次出现，我们正在重新调查。',
  },
};

const POSTMORTEM_NOTICE: Record<Locale, readonly string[]> = {
  en: ['The postmortem for this incident has been published, with the root cause and what we are changing.', 'Read it at {postmortemUrl}'],
  'zh-CN': ['本次事故的复盘报告已发布，包括根因分析和改进措施。', '详见：{postmortemUrl}'],
};

function templatesIn(locale: Locale): Record<IncidentStatus, readonly string[]> {
  const notice = (progress: string) => [progress, ...INCIDENT_NOTICE[locale]];
  const progress = PROGRESS[locale];
  return {
    detecting: notice(progress.detecting),
    investigating: notice(progress.investigating),
    fixing: notice(progress.fixing),
    monitoring: notice(progress.monitoring),
    reopened: notice(progress.reopened),
    resolved: RESOLUTION_NOTICE[locale],
    closed: POSTMORTEM_NOTICE[locale],
  };
}

/** The message templates by language and status, as data: sentences with `{placeholders}`. */
export const UPDATE_TEMPLATES: Record<Locale, Record<IncidentStatus, readonly string[]>> = { en: templatesIn('en'), 'zh-CN': templatesIn('zh-CN') };

const SENTENCE_END: Record<Locale, RegExp> = { en: /[.!?。！？)]$/, 'zh-CN': /[。！？.!?）)]$/ };

/** Free text from the file (the impact statement) ends its own sentence, in the message's language. */
function asSentence(text: string, locale: Locale): string {
  const trimmed = text.trim();
  return SENTENCE_END[locale].test(trimmed) ? trimmed : `${trimmed}${locale === 'en' ? '.' : '。'}`;
}

/** Fills a template: sentences with a missing value are dropped; English sentences are spaced, Chinese ones are not. */
export function fillTemplate(sentences: readonly string[], facts: TemplateFacts, locale: Locale): string {
  const filled = sentences.flatMap((sentence) => {
    let complete = true;
    const text = sentence.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = facts[name as TemplateField];
      if (value === undefined || value.trim() === '') complete = false;
      return name === 'impact' && value ? asSentence(value, locale) : (value ?? '');
    });
    return complete ? [text] : [];
  });
  if (locale === 'en') return filled.join(' ');
  // Chinese sentences follow each other without a space, except after one that ends in Latin text (an English impact).
  return filled.reduce((text, sentence) => (text === '' ? sentence : /[\x21-\x7e]$/.test(text) ? `${text} ${sentence}` : text + sentence), '');
}

export interface TemplateContext {
  incident: Incident;
  services: readonly Service[];
  level: SeverityLevel | undefined;
  timeZone: string;
  /** When the update is posted. */
  atMs: number;
  /** The resolution instant, for the resolution notice. */
  resolvedMs?: number;
  postmortemUrl?: string;
}

/** The facts a template needs, read off the incident and formatted for the language. */
export function templateFacts(context: TemplateContext, locale: Locale): TemplateFacts {
  const { incident, timeZone, atMs, level } = context;
  const names = incident.services.map((affected) => serviceNameOf(context.services, affected.id));
  const startedMs = incident.started.getTime();
  const resolvedMs = context.resolvedMs ?? incident.resolved?.getTime();
  const facts: TemplateFacts = {
    severity: incident.severity,
    services: names.join(locale === 'en' ? ', ' : '、'),
    started: messageTime(startedMs, timeZone),
  };
  if (incident.commander) facts.commander = incident.commander;
  if (incident.impact) facts.impact = incident.impact;
  if (level) facts.nextUpdate = messageTime(atMs + level.updateCadence, timeZone, atMs);
  if (resolvedMs !== undefined) {
    facts.resolved = messageTime(resolvedMs, timeZone, startedMs);
    facts.duration = formatDuration(resolvedMs - startedMs, durationWords(translator(locale)));
  }
  if (context.postmortemUrl) facts.postmortemUrl = context.postmortemUrl;
  return facts;
}

/** The message offered for an update of `status`, in `locale`. */
export function updateMessage(status: IncidentStatus, context: TemplateContext, locale: Locale): string {
  return fillTemplate(UPDATE_TEMPLATES[locale][status], templateFacts(context, locale), locale);
}
