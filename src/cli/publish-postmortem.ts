// `npm run publish:postmortem -- <id>`: marks a finished postmortem published and records the instant it went out.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FrontmatterEditError, setTopLevelScalar } from '../lib/edits/frontmatter-edit.ts';
import { holdsPlaceholder, placeholdersIn } from '../lib/postmortems/placeholders.ts';
import { firstResolution } from '../lib/postmortems/publication.ts';
import { instantText } from '../lib/time/written-instants.ts';
import { fieldPath, formatProblem, type Problem } from '../validation/problem.ts';
import { parseMarkdownFile } from '../validation/yaml-source.ts';
import { commandNow, COMMON_OPTIONS, DomainError, parseCommandLine, pastInstantFlag, printHelp, runCommand, siteRoot, UsageError, type CommandIO } from './command.ts';
import { terminalPrompter } from './prompter.ts';
import { findIncident, incidentChoices, incidentsByRelevance } from './site-choices.ts';
import { openSite, writeChecked } from './site-session.ts';

const USAGE = 'usage: npm run publish:postmortem -- <incident id> [--at <time>] [--root <site folder>] [--now <instant>]';
const DESCRIPTION = 'Publishes an incident\'s postmortem: status published and the instant it went out (now, or --at), refused while a scaffold placeholder remains.';

const EXPECTED = '(expected the section written before publishing)';

/** Every placeholder left in the file, frontmatter and body, one problem per field or body line. */
function placeholderProblems(file: string, text: string): Problem[] {
  const parsed = parseMarkdownFile(file, text);
  // The site passed the check a moment ago, so the file parses; a file that does not is the check's to explain.
  if (!parsed.ok) return parsed.problems;
  const { source } = parsed;
  const inFrontmatter = placeholdersIn(source.data).map(([fieldParts, value]) => ({ file, line: source.lineOf(fieldParts), field: fieldPath(fieldParts), message: `still reads ${JSON.stringify(value.slice(0, 60))} ${EXPECTED}` }));
  const inBody = source.body.split('\n').flatMap((line, index) =>
    holdsPlaceholder(line) ? [{ file, line: source.bodyLine + index, field: 'body', message: `still reads ${JSON.stringify(line.trim().slice(0, 60))} ${EXPECTED}` }] : [],
  );
  return [...inFrontmatter, ...inBody];
}

export async function publishPostmortem(argv: readonly string[], io: CommandIO): Promise<number> {
  return runCommand('publish:postmortem', USAGE, io, async () => {
    const { values, positionals } = parseCommandLine({ args: [...argv], options: { root: COMMON_OPTIONS.root, now: COMMON_OPTIONS.now, help: COMMON_OPTIONS.help, at: { type: 'string' } }, allowPositionals: true });
    if (values.help) return printHelp(io, USAGE, DESCRIPTION);
    if (positionals.length > 1) throw new UsageError(`expected one incident id, found ${positionals.length}: ${positionals.join(' ')}`);
    const nowMs = commandNow(values.now, io);
    const session = await openSite('publish:postmortem', siteRoot(values.root, io), nowMs, io);
    const { content } = session;
    const timeZone = content.site.timeZone;
    const atGiven = pastInstantFlag('at', values.at, timeZone, nowMs);

    let id = positionals[0];
    if (id === undefined) {
      if (!io.interactive) throw new UsageError('missing the incident id (expected it after --, as in npm run publish:postmortem -- INC-20261125-001)');
      const candidates = incidentsByRelevance(content.incidents, (entry) => entry.postmortem !== undefined && entry.postmortem.postmortem.published === undefined);
      if (candidates.length === 0) throw new DomainError('no postmortem is waiting to be published (expected one drafted with npm run new:postmortem)');
      const prompter = terminalPrompter(io, content.site.defaultLocale);
      id = await prompter.choose({ flag: 'id', message: prompter.words['incident.choose'], choices: incidentChoices(candidates, prompter) });
    }
    const { incident, postmortem: entry } = findIncident(content, id);
    if (!entry) throw new DomainError(`${incident.id} has no postmortem (expected a draft first: npm run new:postmortem -- ${incident.id})`);
    if (entry.postmortem.published) {
      throw new DomainError(`${entry.file}: already published at ${instantText(entry.postmortem.published.getTime(), timeZone)} (expected a postmortem not yet published; to correct the instant, edit published: in the file)`);
    }

    const before = await readFile(path.join(session.root, ...entry.file.split('/')), 'utf8');
    const placeholders = placeholderProblems(entry.file, before);
    if (placeholders.length > 0) {
      const count = placeholders.length;
      throw new DomainError(`${entry.file} still holds ${count} scaffold placeholder${count === 1 ? '' : 's'}; write ${count === 1 ? 'that section' : 'those sections'} first; nothing was written`, placeholders.map(formatProblem));
    }
    // A postmortem explains an outage that is over: it goes out after the incident's first resolution.
    const resolution = firstResolution(incident);
    if (!resolution) throw new DomainError(`${incident.id} is not resolved yet (expected a resolved incident: npm run resolve -- ${incident.id} first); nothing was written`);
    const atMs = atGiven ?? nowMs;
    if (atMs < resolution.getTime()) {
      throw new DomainError(`--at: ${instantText(atMs, timeZone)} is before ${incident.id} was resolved, ${instantText(resolution.getTime(), timeZone)} (expected an instant from the resolution to now)`);
    }

    let text: string;
    try {
      text = setTopLevelScalar(before, 'status', 'published', 'status');
      text = setTopLevelScalar(text, 'published', instantText(atMs, timeZone), 'status');
    } catch (error) {
      if (!(error instanceof FrontmatterEditError)) throw error;
      throw new DomainError(`${entry.file}: cannot set the status: ${error.message} (expected the layout new:postmortem writes; set status: published and published: by hand)`);
    }
    await writeChecked(session, [{ file: entry.file, text, before }]);
  });
}
