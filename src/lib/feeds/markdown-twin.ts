// The markdown twin of an incident's or a postmortem's page (llmstxt.org: the page's address with `index.html.md`
// appended), for language models and other machine readers: the same facts, figures and text as the page, computed
// by the same functions, as plain markdown. One twin per record, in the site's default language, the language the
// team writes the record in; the pages of every language link it from their head.
import { bracketed, durationWords, type Translate } from '../../i18n/index.ts';
import type { Incident } from '../../schemas/incident.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import type { ActionItem } from '../../schemas/postmortem.ts';
import type { Locale } from '../../schemas/site.ts';
import { dataLossByService } from '../incidents/data-loss.ts';
import { currentStatus, impairedMs, serviceWindows, updatesInOrder } from '../incidents/incident-timeline.ts';
import { headingLevelBelow, markdownWithSiteAddresses, parseMarkdown, withEdits, type SourceEdit } from '../markdown/markdown-html.ts';
import { visit } from 'unist-util-visit';
import type { Heading } from 'mdast';
import { serviceNameOf } from '../model/service-names.ts';
import type { SiteModel } from '../model/site-model.ts';
import { siteUrl } from '../model/site-urls.ts';
import { incidentHasPostmortemPage } from '../postmortems/postmortems.ts';
import { actionPlanAreas, brandImpact, businessImpact } from '../postmortems/postmortem-sections.ts';
import { postmortemPublishedAt } from '../postmortems/publication.ts';
import { incidentTargets, type IncidentTargets } from '../reliability/incident-metrics.ts';
import { actualWords, marginWords, targetRows, targetWords, verdictWords } from '../reliability/target-rows.ts';
import { formatDuration } from '../time/durations.ts';
import { formatInstant, formatLocalDate, isoInstant } from '../time/format.ts';
import { incidentPath, postmortemPath } from './feed-items.ts';

/** The twin of a page at `pagePath` (`incidents/INC-…/`), as a path from the site's root. */
export function markdownTwinPath(pagePath: string): string {
  return `${pagePath}index.html.md`;
}

/** Text on one line: a line break inside a list item or a table cell would end it. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Text the page shows as it is written (a title, a name, a timeline event), on one line, with every character
 * markdown would read as markup escaped: `*slow*` stays two asterisks, `[x](/)` is no link, a closing `#` no
 * heading's end, a `|` no table column.
 */
function plain(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>!|~&#]/g, '\\$&');
}

/** A table cell: on one line, with its pipes escaped (those `plain` escaped already stay as they are). */
function cell(text: string): string {
  return oneLine(text).replace(/(?<!\\)\|/g, '\\|');
}

/**
 * Markdown the team wrote (an update's message, a body), to stand as a block under the twin's own heading of
 * level `under`: its links from the site's root made full addresses, its headings moved below that level, and a
 * code fence it leaves open closed, so it cannot swallow what follows it in the twin.
 */
function block(markdown: string, under: number, baseUrl: string): string {
  return closeFences(headingsBelow(markdownWithSiteAddresses(markdown, baseUrl), under)).trim();
}

/** An impact or summary line the team wrote in markdown, on one line for a list item. */
function inline(markdown: string, baseUrl: string): string {
  return oneLine(closeFences(markdownWithSiteAddresses(markdown, baseUrl)));
}

/** The text with each heading (`#` or underlined) made an ATX heading below `level`, as the pages place them (headingLevelBelow). */
function headingsBelow(text: string, level: number): string {
  if (!/(^|\n) {0,3}#|\n {0,3}(=+|-+)[ \t]*(\n|$)/.test(text)) return text;
  const headings: Heading[] = [];
  visit(parseMarkdown(text), 'heading', (node) => {
    headings.push(node);
  });
  const shallowest = Math.min(...headings.map((node) => node.depth));
  const edits: SourceEdit[] = [];
  for (const node of headings) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const first = node.children[0]?.position?.start.offset;
    const last = node.children.at(-1)?.position?.end.offset;
    const words = first === undefined || last === undefined ? '' : oneLine(text.slice(first, last));
    edits.push({ start, end, replacement: `${'#'.repeat(headingLevelBelow(node.depth, shallowest, level))} ${words}`.trimEnd() });
  }
  return withEdits(text, edits);
}

/** The text with a code fence it opens and never closes closed at its end. */
function closeFences(text: string): string {
  let open: { mark: string; length: number } | undefined;
  for (const line of text.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!fence) continue;
    const [, marks = '', rest = ''] = fence;
    if (!open) {
      // A backtick fence's info string may not hold a backtick (it would be inline code, not a fence).
      if (!(marks[0] === '`' && rest.includes('`'))) open = { mark: marks[0]!, length: marks.length };
    } else if (marks[0] === open.mark && marks.length >= open.length && rest.trim() === '') {
      open = undefined;
    }
  }
  return open ? `${text.replace(/\s+$/, '')}\n${open.mark.repeat(open.length)}` : text;
}

/** A link's target as markdown reads it whole: in angle brackets when it holds a space or a parenthesis. */
function linkTarget(url: string): string {
  return /[\s()]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
}

interface TwinContext {
  model: SiteModel;
  t: Translate;
  locale: Locale;
}

function instant(at: Date | number, { model, locale }: TwinContext): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  // The site's wall clock as the page shows it, and the instant itself for a machine.
  return `${formatInstant(ms, model.site.timeZone, locale)} (${isoInstant(ms)})`;
}

function duration(ms: number, t: Translate): string {
  return formatDuration(ms, durationWords(t));
}

/** The targets box of the incident's and the postmortem's pages (src/components/IncidentTargetsBox.astro), as a table. */
function targetsTable(targets: IncidentTargets, severity: string, { model, t }: TwinContext): string[] {
  return table(
    [t('targets.measure'), t('targets.actual'), t('targets.target'), t('targets.result')],
    targetRows(targets).map((row) => [
      `${t(row.measure)}${row.serviceId !== undefined ? `${t('punct.colon')}${plain(serviceNameOf(model.services, row.serviceId))}` : ''}${row.windows > 1 ? ` (${t('targets.worstWindow')}${bracketed(t, String(row.windows))})` : ''}`,
      actualWords(row.comparison, t),
      targetWords(row, plain(severity), t),
      `${verdictWords(row.comparison, t)}${marginWords(row.comparison, t) ?? ''}`,
    ]),
  );
}

/** The page's address and what the twin is, first, so a reader that has only the twin can find the page. */
function header(title: string, pagePath: string, { model, t }: TwinContext): string[] {
  return [`# ${title}`, '', `> ${t('twin.of')} ${siteUrl(model.site.baseUrl, pagePath)} · ${t('twin.zone')} ${model.site.timeZone}`, ''];
}

/** The twin of an incident's page; `body` is the incident file's markdown body. */
export function incidentMarkdown(incident: Incident, body: string, model: SiteModel, t: Translate, locale: Locale, previewBuild: boolean): string {
  const context = { model, t, locale };
  const level = model.levels.find((candidate) => candidate.id === incident.severity)!;
  const targets = incidentTargets(incident, level, model.services, model.nowMs);
  const { durations } = targets;
  const lines = header(`${incident.id}${t('punct.colon')}${plain(incident.title)}`, incidentPath(incident.id), context);
  const fact = (label: string, value: string) => `- **${label}**${t('punct.colon')}${value}`;
  lines.push(
    fact(t('incident.status'), t(`status.${currentStatus(incident)}`)),
    fact(t('incident.severity'), `${plain(level.id)} — ${plain(level.name)}`),
    fact(t('incident.started'), instant(incident.started, context)),
    fact(t('incident.detected'), instant(incident.detected, context)),
    fact(t('incident.resolved'), incident.resolved ? instant(incident.resolved, context) : t('incident.ongoing')),
    fact(t('incident.timeToDetect'), duration(durations.toDetectMs, t)),
    fact(t('incident.timeToRespond'), durations.toFirstResponseMs !== undefined ? duration(durations.toFirstResponseMs, t) : '—'),
    fact(t('incident.timeToMitigate'), durations.toMitigateMs !== undefined ? duration(durations.toMitigateMs, t) : '—'),
    fact(t('incident.timeToResolve'), durations.toResolveMs !== undefined ? duration(durations.toResolveMs, t) : t('incident.ongoing')),
  );
  const losses = dataLossByService(incident);
  if (losses.length > 0) lines.push(fact(t('incident.dataLoss'), losses.map((loss) => `${plain(serviceNameOf(model.services, loss.serviceId))}${t('punct.colon')}${duration(loss.lostMs, t)}`).join(t('punct.list'))));
  if (incident.commander) lines.push(fact(t('incident.commander'), plain(incident.commander)));
  if (incident.impact) lines.push(fact(t('incident.impact'), inline(incident.impact, model.site.baseUrl)));

  lines.push('', `## ${t('incident.services')}`, '');
  lines.push(
    ...table(
      [t('targets.service'), t('incident.impact'), t('incident.window'), t('incident.duration')],
      incident.services.map((affected) => {
        const windows = serviceWindows(incident, affected, model.nowMs);
        const ongoing = windows.some((window) => window.ongoing);
        return [
          plain(serviceNameOf(model.services, affected.id)),
          t(`impact.${affected.impact}`),
          windows.map((window) => `${instant(window.start, context)} – ${window.ongoing ? t('incident.ongoing') : instant(window.end, context)}`).join('; '),
          `${duration(impairedMs(windows), t)}${ongoing ? bracketed(t, t('incident.ongoing')) : ''}`,
        ];
      }),
    ),
  );

  lines.push('', `## ${t('incident.targets')}`, '', ...targetsTable(targets, incident.severity, context));

  lines.push('', `## ${t('incident.updates')}`);
  for (const update of updatesInOrder(incident).reverse()) {
    lines.push('', `### ${t(`status.${update.status}`)} · ${instant(update.at, context)}`, '', block(update.message, 3, model.site.baseUrl));
  }

  if (body.trim()) lines.push('', `## ${t('incident.summary')}`, '', block(body, 2, model.site.baseUrl));

  lines.push('', incidentHasPostmortemPage(model, incident.id, previewBuild) ? `${t('incident.postmortem')}: ${siteUrl(model.site.baseUrl, postmortemPath(incident.id))}` : t('incident.noPostmortem'));
  return `${lines.join('\n')}\n`;
}

function actionItemsTable(items: readonly ActionItem[], caption: string, { t, locale }: TwinContext): string[] {
  if (items.length === 0) return [`${caption}${t('punct.colon')}${t('pm.none')}`];
  return [
    `**${caption}**`,
    '',
    ...table(
      [t('pm.id'), t('pm.description'), t('pm.owner'), t('pm.due'), t('incident.status'), t('pm.priority'), t('pm.acceptance')],
      items.map((item) => [item.link ? `[${plain(item.id)}](${linkTarget(item.link)})` : plain(item.id), plain(item.description), plain(item.owner), formatLocalDate(item.due, locale), t(`ai.status.${item.status}`), t(`priority.${item.priority}`), plain(item.acceptance)]),
    ),
  ];
}

function list(items: readonly string[], ordered = false): string[] {
  return items.map((item, index) => `${ordered ? `${index + 1}.` : '-'} ${plain(item)}`);
}

/** The twin of a postmortem's page; `body` is the postmortem file's markdown body. */
export function postmortemMarkdown(postmortem: Postmortem, incident: Incident, body: string, model: SiteModel, t: Translate, locale: Locale): string {
  const context = { model, t, locale };
  const zone = model.site.timeZone;
  const level = model.levels.find((candidate) => candidate.id === incident.severity)!;
  const targets = incidentTargets(incident, level, model.services, model.nowMs);
  const pm = postmortem;
  const fact = (label: string, value: string) => `- **${label}**${t('punct.colon')}${value}`;
  const lines = header(`${pm.incident}${t('punct.colon')}${plain(pm.title)}`, postmortemPath(pm.incident), context);
  if (pm.status !== 'published') lines.push(`**${t('pm.draft.banner')}** ${t('pm.draft.notice')}`, '');
  lines.push(
    `## ${t('pm.basics')}`,
    '',
    fact(t('pm.incident'), `${pm.incident} (${siteUrl(model.site.baseUrl, incidentPath(pm.incident))})`),
    fact(t('incident.severity'), plain(pm.severity)),
    fact(t('incident.started'), instant(incident.started, context)),
    fact(t('incident.resolved'), incident.resolved ? instant(incident.resolved, context) : t('incident.ongoing')),
  );
  if (incident.resolved) lines.push(fact(t('incident.duration'), duration(incident.resolved.getTime() - incident.started.getTime(), t)));
  lines.push(
    fact(t('pm.commander'), plain(pm.commander)),
    fact(t('pm.scope'), plain(pm.scope.features.join(', '))),
    fact(t('pm.users'), plain(pm.scope.users)),
    fact(t('pm.userImpact'), inline(pm.userImpact, model.site.baseUrl)),
    fact(t('pm.author'), plain(pm.author)),
    fact(t('pm.date'), formatLocalDate(pm.date, locale)),
    fact(t('pm.reviewers'), pm.reviewers.length > 0 ? plain(pm.reviewers.join(t('punct.list'))) : '—'),
    fact(t('pm.status'), t(`pm.status.${pm.status}`)),
  );
  if (pm.status === 'published') lines.push(fact(t('pm.published'), instant(postmortemPublishedAt(pm, incident, zone), context)));

  lines.push('', `## ${t('incident.targets')}`, '', ...targetsTable(targets, incident.severity, context));
  if (body.trim()) lines.push('', `## ${t('pm.narrative')}`, '', block(body, 2, model.site.baseUrl));

  lines.push('', `## ${t('pm.timeline')}`, '', ...table([t('pm.time'), t('pm.event'), t('pm.owner')], pm.timeline.map((row) => [instant(row.at, context), plain(row.event), row.owner ? plain(row.owner) : '—'])));

  lines.push('', `## ${t('pm.rootCause')}`, '', `### ${t('pm.directCause')}`, '', plain(pm.rootCause.direct), '', `### ${t('pm.root')}`, '', plain(pm.rootCause.root));
  if (pm.rootCause.fiveWhys.length > 0) lines.push('', `### ${t('pm.fiveWhys')}`, '', ...pm.rootCause.fiveWhys.map((why, index) => `${index + 1}. **${plain(why.question)}** ${plain(why.answer)}`));
  if (pm.rootCause.contributingFactors.length > 0) {
    lines.push('', `### ${t('pm.factors')}`, '', ...pm.rootCause.contributingFactors.map((factor) => `- ${factor.category ? `**${t(`factor.${factor.category}`)}${t('punct.colon')}**` : ''}${plain(factor.factor)}`));
  }

  const { dataLoss } = pm.impact.technical;
  lines.push(
    '',
    `## ${t('pm.impact')}`,
    '',
    `### ${t('pm.business')}`,
    '',
    ...businessImpact(pm).flatMap(([key, value]) => (value ? [fact(t(key), plain(value))] : [])),
    '',
    `### ${t('pm.technical')}`,
    '',
    fact(t('pm.services'), pm.impact.technical.services.map((id) => plain(serviceNameOf(model.services, id))).join(t('punct.list'))),
    fact(t('pm.dataLoss'), `${dataLoss.lost ? t('pm.dataLost') : t('pm.noDataLost')}${dataLoss.window !== undefined ? bracketed(t, duration(dataLoss.window, t)) : ''}${dataLoss.notes ? `${t('punct.sentenceEnd')}${plain(dataLoss.notes)}` : ''}`),
  );
  if (pm.impact.brand) lines.push('', `### ${t('pm.brand')}`, '', ...brandImpact(pm).flatMap(([key, value]) => (value ? [fact(t(key), plain(value))] : [])));

  lines.push(
    '',
    `## ${t('pm.response')}`,
    '',
    `### ${t('pm.actions')}`,
    '',
    ...list(pm.response.actions, true),
    '',
    `### ${t('pm.fix')}`,
    '',
    plain(pm.response.fix),
    '',
    `### ${t('pm.verification')}`,
    '',
    plain(pm.response.verification),
  );

  lines.push('', `## ${t('pm.lessons')}`, '', `### ${t('pm.wentWell')}`, '', ...list(pm.lessons.wentWell), '', `### ${t('pm.wentBadly')}`, '', ...list(pm.lessons.wentBadly));
  if (pm.lessons.gotLucky.length > 0) lines.push('', `### ${t('pm.gotLucky')}`, '', ...list(pm.lessons.gotLucky));

  lines.push('', `## ${t('pm.actionItems')}`, '', ...actionItemsTable(pm.actionItems.immediate, t('pm.immediate'), context), '', ...actionItemsTable(pm.actionItems.longTerm, t('pm.longTerm'), context));

  const plan = actionPlanAreas(pm);
  if (plan.some(([, items]) => items.length > 0)) {
    lines.push('', `## ${t('pm.actionPlan')}`);
    for (const [key, items] of plan) if (items.length > 0) lines.push('', `### ${t(key)}`, '', ...list(items));
  }
  if (pm.appendix.length > 0) lines.push('', `## ${t('pm.appendix')}`, '', ...pm.appendix.map((item) => `- [${plain(item.label)}](${linkTarget(item.url)})`));
  return `${lines.join('\n')}\n`;
}
