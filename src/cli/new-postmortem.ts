// `npm run new:postmortem -- <id>`: drafts incidents/YYYY/<id>/postmortem.md from the incident, facts and timeline filled in.
import { postmortemFile } from '../lib/edits/content-paths.ts';
import { postmortemMarkdown } from '../lib/edits/postmortem-scaffold.ts';
import { localDateOf } from '../lib/time/time-zone.ts';
import { commandNow, COMMON_OPTIONS, COMMON_USAGE, DomainError, localeFlag, parseCommandLine, printHelp, runCommand, siteRoot, UsageError, type CommandIO } from './command.ts';
import { given, terminalPrompter } from './prompter.ts';
import { askLocale, findIncident, incidentChoices, incidentsByRelevance } from './site-choices.ts';
import { openSite, writeChecked } from './site-session.ts';

const USAGE = `usage: npm run new:postmortem -- <incident id> [--author <name>] ${COMMON_USAGE}`;
const DESCRIPTION = 'Drafts the postmortem of an incident: basic facts and timeline from the incident, every other section marked TODO, status draft.';

export async function newPostmortem(argv: readonly string[], io: CommandIO): Promise<number> {
  return runCommand('new:postmortem', USAGE, io, async () => {
    const { values, positionals } = parseCommandLine({ args: [...argv], options: { ...COMMON_OPTIONS, author: { type: 'string' } }, allowPositionals: true });
    if (values.help) return printHelp(io, USAGE, DESCRIPTION);
    if (positionals.length > 1) throw new UsageError(`expected one incident id, found ${positionals.length}: ${positionals.join(' ')}`);
    const nowMs = commandNow(values.now, io);
    const lang = localeFlag(values.lang);
    if (values.author !== undefined && values.author.trim() === '') throw new UsageError('--author: empty (expected who writes the report, such as @lisi)');
    const session = await openSite('new:postmortem', siteRoot(values.root, io), nowMs, io);
    const { content } = session;
    const prompter = terminalPrompter(io, content.site.defaultLocale);
    const { words } = prompter;

    let id = positionals[0];
    if (id === undefined) {
      if (!io.interactive) throw new UsageError('missing the incident id (expected it after --, as in npm run new:postmortem -- INC-20261125-001)');
      const candidates = incidentsByRelevance(content.incidents, (entry) => entry.postmortem === undefined);
      if (candidates.length === 0) throw new DomainError('every incident already has a postmortem');
      id = await prompter.choose({ flag: 'id', message: words['incident.choose'], choices: incidentChoices(candidates, prompter) });
    }
    const entry = findIncident(content, id);
    if (entry.postmortem) throw new DomainError(`${id} already has a postmortem: ${entry.postmortem.file} (expected an incident without one; edit that file instead)`);

    const author = await given(values.author, entry.incident.commander, io, () =>
      prompter.text({ flag: 'author', message: words['postmortem.author'], ...(entry.incident.commander ? { default: entry.incident.commander } : {}), validate: (answer) => answer.trim() !== '' || words['postmortem.authorNeeded'] }),
    );
    const locale = await askLocale(prompter, io, lang, content, 'language.placeholders');
    const text = postmortemMarkdown({
      incident: entry.incident,
      services: content.services.services,
      author: author.trim(),
      date: localDateOf(nowMs, content.site.timeZone),
      timeZone: content.site.timeZone,
      locale,
    });
    await writeChecked(session, [{ file: postmortemFile(entry.incident.id), text, before: null }]);
  });
}
