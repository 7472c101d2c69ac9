// The process of src/cli/build-check.ts: checks the site and does, while it still holds the checked site, everything
// the build needs it for; sends one BuildCheckOutcome and ends.
import { loadSite } from '../validation/load-site.ts';
import { handOverCheckedSite } from '../validation/checked-site-handover.ts';
import { problemLines } from '../validation/problem.ts';
import { recordWarnings } from '../validation/record-warnings.ts';
import { unexpectedErrorLine } from '../validation/unexpected-error.ts';
import { fieldLinesIn, warningLines } from '../validation/warning-lines.ts';
import { previewNote } from './build-preview.ts';
import { twinFileName, type BuildCheckOutcome, type BuildCheckRequest } from './build-check.ts';
import { writeMarkdownTwins } from './markdown-twins.ts';
import { searchedPagePaths } from './search-index.ts';

async function check({ root, preview, checkedSiteFile, twinsDir }: BuildCheckRequest): Promise<BuildCheckOutcome> {
  const checked = await loadSite(root);
  if (!checked.ok) {
    const count = checked.problems.length;
    return { kind: 'problems', message: `${problemLines(checked.problems).join('\n')}\n${count} problem${count === 1 ? '' : 's'} found` };
  }
  const { content } = checked;
  const twinPaths = await writeMarkdownTwins(content, preview, (index) => `${twinsDir}/${twinFileName(index)}`);
  const warnings = recordWarnings(content);
  const outcome: BuildCheckOutcome = {
    kind: 'checked',
    defaultLocale: content.site.defaultLocale,
    searchedPages: searchedPagePaths(content, preview),
    twinPaths,
    warningCount: warnings.length,
    // Placing 9,000 warnings on their lines reads the files again: done before the hand-over, like everything else.
    warningLines: warningLines(warnings, fieldLinesIn(root), 'text'),
    previewNote: preview ? previewNote(content.incidents) : '',
  };
  // Last: Astro waits for this file, and reading it takes it as much memory again as this process holds, which ends
  // right after (done first, the twins kept this process's 0.55 GB alive beside Astro's 1 GB at 10,000 incidents).
  // Handing a small site over first does not help it either: at 1,000 incidents Astro then read the site while this
  // process wrote the twins on the same two cores, and started its content 0.15-0.2 s later (three alternating pairs).
  handOverCheckedSite(checkedSiteFile, content);
  return outcome;
}

function send(outcome: BuildCheckOutcome): void {
  // Ends once the outcome is out, whatever else is still open.
  process.send!(outcome, () => process.exit(0));
}

check(JSON.parse(process.argv[2]!) as BuildCheckRequest).then(send, (error: unknown) => send({ kind: 'crashed', message: unexpectedErrorLine('build', error) }));
