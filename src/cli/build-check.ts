// The build's check, in a process of its own. Everything the build needs the checked site for is done there while
// Astro starts: the check itself, the copy handed to Astro, the warnings, the markdown twins (into a folder the build
// moves them from once Astro has written the pages beside them) and the list of pages the search index takes. The
// process then ends, and with it the memory the checked site took (0.55 GB at 10,000 incidents), which the build's own
// process would otherwise hold beside Astro's and Pagefind's until the end. (A worker thread would not do: the
// memory of a thread that ended stays with the process, measured at 0.45 GB after the thread's exit.)
import { fork } from 'node:child_process';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { eachAtMost } from '../lib/files/at-most-at-once.ts';
import type { Locale } from '../schemas/site.ts';
import { FILES_AT_ONCE } from './markdown-twins.ts';

export interface BuildCheckRequest {
  root: string;
  preview: boolean;
  /** Where the checked site is handed to Astro (src/validation/checked-site-handover.ts). */
  checkedSiteFile: string;
  /** An empty folder for the markdown twins until their pages exist. */
  twinsDir: string;
}

export type BuildCheckOutcome =
  /** The site has problems: the lines to print, nothing handed over. */
  | { kind: 'problems'; message: string }
  /** Something nobody expected was thrown (a bug): its one line. */
  | { kind: 'crashed'; message: string }
  | {
      kind: 'checked';
      defaultLocale: Locale;
      /** The pages the search index takes, as paths in the built site (src/cli/search-index.ts). */
      searchedPages: string[];
      /** Each twin's path in the built site, in the order of the files in `twinsDir` (`0.md`, `1.md`, …). */
      twinPaths: string[];
      warningCount: number;
      /** What the record still owes, as npm run check prints it. */
      warningLines: string[];
      /** For a preview build, the line that says which pages it adds. */
      previewNote: string;
    };

/** The file of twin `index` in the twins' folder. */
export function twinFileName(index: number): string {
  return `${index}.md`;
}

export interface CheckApart {
  /** Settles once the process has ended. */
  outcome: Promise<BuildCheckOutcome>;
  /** The build stops (a signal, a failure): the check goes too, writing nothing more. */
  stop(): void;
}

/** Checks the site in a child process (src/cli/build-check-process.ts). */
export function checkApart(request: BuildCheckRequest): CheckApart {
  const child = fork(new URL('./build-check-process.ts', import.meta.url), [JSON.stringify(request)], { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const outcome = new Promise<BuildCheckOutcome>((resolve) => {
    let said: BuildCheckOutcome | undefined;
    child.on('message', (message: BuildCheckOutcome) => (said = message));
    child.on('error', (error) => (said ??= { kind: 'crashed', message: `build: the check could not start: ${error.message}` }));
    child.on('exit', (code, signal) => resolve(said ?? { kind: 'crashed', message: `build: the check stopped (${signal ?? `exit code ${code}`}) before it said anything` }));
  });
  return {
    outcome,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** Moves the twins the check wrote into the built site, beside their pages. */
export async function moveMarkdownTwins(twinsDir: string, siteDir: string, twinPaths: readonly string[]): Promise<void> {
  await eachAtMost(twinPaths, FILES_AT_ONCE, (twinPath, index) => rename(path.join(twinsDir, twinFileName(index)), path.join(siteDir, twinPath)));
}
