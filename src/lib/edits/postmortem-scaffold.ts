// The text of a new postmortem drafted from its incident: basic facts and timeline filled in, the rest marked to do.
import { stringify } from 'yaml';
import type { Incident } from '../../schemas/incident.ts';
import type { Service } from '../../schemas/service.ts';
import type { Locale } from '../../schemas/site.ts';
import { translator } from '../../i18n/index.ts';
import { formatCompactDuration } from '../time/durations.ts';
import { declaredWindows, updatesInOrder } from '../incidents/incident-timeline.ts';
import { largestDataLossMs } from '../incidents/data-loss.ts';
import { instantText } from '../time/written-instants.ts';
import { serviceNameOf } from '../model/service-names.ts';

export interface PostmortemDraft {
  incident: Incident;
  services: readonly Service[];
  author: string;
  /** The report's date, `YYYY-MM-DD` in the site's zone. */
  date: string;
  timeZone: string;
  locale: Locale;
}

/** What the author still has to write; text, so the draft passes the check, and easy to search for. */
const TODO: Record<Locale, Record<'direct' | 'root' | 'users' | 'affectedUsers' | 'actions' | 'fix' | 'verification' | 'wentWell' | 'wentBadly' | 'summary', string>> = {
  en: {
    direct: 'TODO: the direct cause',
    root: 'TODO: the root cause (ask why until the answer is a process or a design, not a person)',
    users: 'TODO: which users, how many',
    affectedUsers: 'TODO: number or share of affected users',
    actions: 'TODO: the actions taken, in order',
    fix: 'TODO: the fix',
    verification: 'TODO: how we know it is fixed',
    wentWell: 'TODO: what went well',
    wentBadly: 'TODO: what went badly',
    summary: 'TODO: a short summary for readers: what happened, who was affected, what we are changing.',
  },
  'zh-CN': {
    direct: '待填写：直接原因',
    root: '待填写：根本原因（追问“为什么”，直到答案是流程或设计，而不是某个人）',
    users: '待填写：受影响的用户及数量',
    affectedUsers: '待填写：受影响用户数或比例',
    actions: '待填写：按顺序列出采取的措施',
    fix: '待填写：修复方案',
    verification: '待填写：验证结果',
    wentWell: '待填写：做得好的地方',
    wentBadly: '待填写：做得不好的地方',
    summary: '待填写：给读者的简短总结：发生了什么、影响了谁、我们将做哪些改进。',
  },
};

const EVENT: Record<Locale, { started: string; detected: string; recovered: (name: string) => string; impairedAgain: (name: string) => string }> = {
  en: { started: 'Users first affected', detected: 'Problem detected', recovered: (name) => `${name} recovered`, impairedAgain: (name) => `${name} impaired again` },
  'zh-CN': { started: '用户开始受到影响', detected: '发现问题', recovered: (name) => `${name}恢复`, impairedAgain: (name) => `${name}再次受到影响` },
};

interface TimelineRow {
  at: string;
  event: string;
  owner?: string;
  sortMs: number;
}

/** Start, detection, each service's recovery and every published update, oldest first. */
export function draftTimeline(incident: Incident, services: readonly Service[], timeZone: string, locale: Locale): Omit<TimelineRow, 'sortMs'>[] {
  const t = translator(locale);
  const nameOf = (id: string) => serviceNameOf(services, id);
  const rows: TimelineRow[] = [
    { at: instantText(incident.started.getTime(), timeZone), event: EVENT[locale].started, sortMs: incident.started.getTime() },
    { at: instantText(incident.detected.getTime(), timeZone), event: EVENT[locale].detected, sortMs: incident.detected.getTime() },
    ...incident.services.flatMap((affected) =>
      declaredWindows(affected).flatMap((window, position) => [
        ...(position > 0 && window.start ? [{ at: instantText(window.start.getTime(), timeZone), event: EVENT[locale].impairedAgain(nameOf(affected.id)), sortMs: window.start.getTime() }] : []),
        ...(window.end ? [{ at: instantText(window.end.getTime(), timeZone), event: EVENT[locale].recovered(nameOf(affected.id)), sortMs: window.end.getTime() }] : []),
      ]),
    ),
    ...updatesInOrder(incident).map((update) => ({
      at: instantText(update.at.getTime(), timeZone),
      event: `${t(`status.${update.status}`)}${locale === 'en' ? ': ' : '：'}${firstSentence(update.message)}`,
      ...(incident.commander ? { owner: incident.commander } : {}),
      sortMs: update.at.getTime(),
    })),
  ];
  // A stable sort keeps start before detection and a recovery before the update that announced it.
  return rows.sort((a, b) => a.sortMs - b.sortMs).map(({ sortMs: _sortMs, ...row }) => row);
}

/** A message's first sentence: the timeline records what happened, the full notice stays on the incident page. */
export function firstSentence(message: string): string {
  // Latin full stops end a sentence only before a space (not in 99.9% or v1.2); CJK ones always do.
  const match = /^.+?(?:[.!?](?=\s|$)|[。！？])/su.exec(message.trim());
  return (match ? match[0] : message.trim()).replace(/\s+/g, ' ');
}

function section(comment: string, data: Record<string, unknown>): string {
  return `# ${comment}\n${stringify(data, { lineWidth: 0 })}`;
}

export function postmortemMarkdown(draft: PostmortemDraft): string {
  const { incident, locale } = draft;
  const todo = TODO[locale];
  const nameOf = (id: string) => serviceNameOf(draft.services, id);
  const dataLostMs = largestDataLossMs(incident);
  const sections = [
    section('Basic facts (基本信息). Set status to in_review, then published, when the sections below are written.', {
      incident: incident.id,
      title: incident.title,
      severity: incident.severity,
      commander: incident.commander ?? draft.author,
      // Which users (a region, a plan, a share): the incident's impact says what they saw, and goes to userImpact.
      scope: { features: incident.services.map((affected) => nameOf(affected.id)), users: todo.users },
      userImpact: incident.impact ?? todo.users,
      author: draft.author,
      date: draft.date,
      reviewers: [],
      status: 'draft',
    }),
    section('Timeline (事故时间线), drafted from the incident updates: add severity confirmed, team formed, mitigation started.', {
      timeline: draftTimeline(incident, draft.services, draft.timeZone, locale),
    }),
    section('Root cause analysis (根因分析): direct cause, root cause, 5 whys, contributing factors (people, machines, materials, methods, environment, measurement).', {
      rootCause: { direct: todo.direct, root: todo.root, fiveWhys: [], contributingFactors: [] },
    }),
    section('Impact (影响评估)', {
      impact: {
        business: { affectedUsers: todo.affectedUsers },
        technical: {
          services: incident.services.map((affected) => affected.id),
          dataLoss: dataLostMs > 0 ? { lost: true, window: formatCompactDuration(dataLostMs) } : { lost: false },
        },
      },
    }),
    section('Response (处理过程)', { response: { actions: [todo.actions], fix: todo.fix, verification: todo.verification } }),
    section('Lessons (经验教训)', { lessons: { wentWell: [todo.wentWell], wentBadly: [todo.wentBadly], gotLucky: [] } }),
    section('Action items (改进措施): id (AI-001, LI-001), description, owner, due, status, priority, acceptance, optional link.', {
      actionItems: { immediate: [], longTerm: [] },
    }),
    section('Action plan by area (行动计划) and appendix (附录) links', {
      actionPlan: { technical: [], process: [], tooling: [], training: [] },
      appendix: [],
    }),
  ];
  return `---\n${sections.join('')}---\n${todo.summary}\n`;
}
