// `npm run build`: validates everything (while Astro starts, which renders nothing until the check passed), builds
// into a scratch folder, and only then swaps it in as the output.
// It writes only where it may (see src/cli/build-output.ts): a new or empty folder, or the output of an earlier build,
// which a failed build removes so nothing half-built or stale can be deployed. Anything else is never touched.
// --preview builds what a pull request's reviewers see: drafts and postmortems in review get pages behind a banner,
// and every page is marked noindex. The deployed site is always built without it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUILD_MARKER, buildMarkerText, canonicalPath, isEarlierBuild, OUTPUT_EXPECTED, outputFolderRefusal, removeTree } from '../src/cli/build-output.ts';
import { checkApart, moveMarkdownTwins, type CheckApart } from '../src/cli/build-check.ts';
import { acquireLock, type HeldLock } from '../src/cli/file-lock.ts';
import { buildCacheFolder } from '../src/cli/build-cache.ts';
import { indexPagesAsWritten, type SearchIndexer } from '../src/cli/search-index.ts';

const USAGE = 'usage: npm run build -- [--root <site folder>] [--out <output folder>] [--preview] [--help]';
const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let root: string;
let outGiven: string;
let preview: boolean;
try {
  const { values } = parseArgs({ options: { root: { type: 'string', default: '.' }, out: { type: 'string', default: 'dist' }, preview: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    console.log(`Checks the site, then builds it into a folder of static files (dist/ unless --out); --preview also renders drafts and postmortems in review, for pull requests.\n${USAGE}`);
    process.exit(0);
  }
  root = path.resolve(values.root);
  outGiven = values.out;
  preview = values.preview;
} catch (error) {
  console.error(`build: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

const refusal = outputFolderRefusal(outGiven, { root, projectDir });
if (refusal !== undefined) {
  console.error(`build: --out ${outGiven}: ${refusal} (${OUTPUT_EXPECTED})`);
  process.exit(2);
}
// Every later step works on the folder a link points to, so the link itself is never replaced.
const outDir = canonicalPath(outGiven);
// Messages name the folder as it was typed.
const shownOut = outGiven;

let lock: HeldLock | undefined;
let scratch: string | undefined;
let astro: ChildProcess | undefined;
let searchIndexer: SearchIndexer | undefined;
let check: CheckApart | undefined;
let interrupted: NodeJS.Signals | undefined;

function cleanUp(): void {
  // The check stops before the scratch folder it writes into goes.
  check?.stop();
  // Pagefind's process stops writing into the scratch folder (it is killed at once; the removal retries while a
  // file it was writing goes).
  void searchIndexer?.abort();
  if (scratch) rmSync(scratch, { recursive: true, force: true, maxRetries: 5 });
  scratch = undefined;
  lock?.release();
}

/** After Ctrl+C or a TERM, once Astro is stopped: the scratch folder and the lock go, the output stays as it was. */
function exitInterrupted(): never {
  cleanUp();
  console.error(`build: interrupted; ${shownOut} was left as it was`);
  process.exit(130);
}

// Ctrl+C or a TERM from CI: stop astro, remove the scratch folder, free the lock; the output stays as it was.
// The swap at the end is synchronous, so a signal is handled before it starts or after it is complete.
function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) return;
  interrupted = signal;
  if (astro && astro.exitCode === null && astro.signalCode === null) {
    astro.kill(signal);
    return;
  }
  exitInterrupted();
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

function fail(message: string): never {
  cleanUp();
  // Only an earlier build's output is removed, so what a failed build leaves can never be deployed as current.
  if (isEarlierBuild(outDir) && outputFolderRefusal(outDir, { root, projectDir }) === undefined) {
    rmSync(outDir, { recursive: true, force: true });
    console.error(`${message}\nbuild failed: removed the earlier build in ${shownOut} so it cannot be deployed as current; nothing new was written`);
  } else {
    console.error(`${message}\nbuild failed: nothing was written to ${shownOut}`);
  }
  process.exit(1);
}

try {
  mkdirSync(path.dirname(outDir), { recursive: true });
} catch (error) {
  // A parent that is a file, or a folder we may not write: say which, in one line, before anything is built.
  console.error(`build: cannot create the folder ${path.dirname(outDir)} for --out: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message} (expected --out inside a folder that exists or can be made)\nbuild failed: nothing was written`);
  process.exit(2);
}
// Astro keeps its prerender chunks and content cache in the project's .astro/ whatever the output folder, so two
// builds at once (two terminals, parallel tests) would overwrite each other's chunks: one build at a time.
lock = await acquireLock(path.join(projectDir, '.astro', 'build.lock'), {
  label: '.astro/build.lock',
  holderIs: 'another build',
  report: (line) => console.error(`build: ${line}`),
});
const siteBuildCache = buildCacheFolder(root, preview);
const scratchDir = mkdtempSync(path.join(path.dirname(outDir), `.build-tmp-${path.basename(outDir)}-`));
scratch = scratchDir;
const builtSite = path.join(scratchDir, 'site');
const checkedSiteFile = path.join(scratchDir, 'checked-site.v8');
// Astro starts while the site is checked (each on its own core); its content loader waits for the checked site,
// so nothing is rendered from content that has not passed, and a failed check stops Astro before any page.
const astroExit = new Promise<number>((resolve) => {
  astro = spawn(process.execPath, [path.join(projectDir, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', projectDir], {
    cwd: projectDir,
    stdio: 'inherit',
    env: {
      ...process.env,
      AFTERMATH_ROOT: root,
      AFTERMATH_OUT_DIR: builtSite,
      AFTERMATH_CHECKED_SITE: checkedSiteFile,
      // Each site (and its preview) has its own content cache and kept pages, so builds of different sites never
      // read each other's; kept between builds, so a rebuild renders only what changed.
      AFTERMATH_CACHE_DIR: siteBuildCache,
      // Set from the flag alone, never inherited, so a stray variable cannot turn the deployed build into a preview.
      AFTERMATH_PREVIEW: preview ? '1' : '',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  astro.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});

// Ctrl+C or TERM while the check still runs: onSignal stops Astro, and once it is gone nothing is left to wait for.
void astroExit.then(() => {
  if (interrupted) exitInterrupted();
});

/** Stops Astro and waits until it has, so nothing writes into the scratch folder once it is being removed. */
async function stopAstro(): Promise<void> {
  if (astro && astro.exitCode === null && astro.signalCode === null) astro.kill('SIGTERM');
  await astroExit;
}

// The check, the copy handed to Astro, the warnings and the markdown twins run in a process that ends once they are
// done, taking the checked site's memory with it (src/cli/build-check.ts).
const twinsDir = path.join(scratchDir, 'twins');
mkdirSync(twinsDir);
check = checkApart({ root, preview, checkedSiteFile, twinsDir });
const checked = await check.outcome;
if (interrupted) {
  await stopAstro();
  exitInterrupted();
}
if (checked.kind !== 'checked') {
  await stopAstro();
  fail(checked.message);
}
// The search index takes the default language's incident and postmortem pages once Astro has written them: a small
// site's while Astro renders the rest, on the core it leaves free; a large one's after it (src/cli/search-index.ts).
searchIndexer = indexPagesAsWritten(builtSite, checked.defaultLocale, checked.searchedPages);
// The markdown twins go beside those pages once they are there, also while Astro renders the rest.
const twinsMoved = searchIndexer.pagesWritten.then((written) => (written ? moveMarkdownTwins(twinsDir, builtSite, checked.twinPaths).then(() => true) : false));
twinsMoved.catch(() => undefined);
const exitCode = await astroExit;
if (interrupted) exitInterrupted();
if (exitCode !== 0 || !existsSync(path.join(builtSite, 'index.html'))) fail(`astro build exited with ${exitCode}`);

// The search index, built in the scratch folder from the pages just written, is swapped in with them.
try {
  await searchIndexer.finish();
} catch (error) {
  fail(`build: the search index could not be written: ${(error as Error).message}`);
}
if (interrupted) exitInterrupted();
try {
  // Moved after the pages when they could not be moved beside them (the indexer never saw them all).
  if (!(await twinsMoved)) await moveMarkdownTwins(twinsDir, builtSite, checked.twinPaths);
} catch (error) {
  fail(`build: the markdown twins could not be written: ${(error as Error).message}`);
}

const { version } = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as { version: string };
writeFileSync(path.join(builtSite, BUILD_MARKER), buildMarkerText(version, Date.now(), preview));
// Something may have been put in the output folder while astro ran: look again right before replacing it.
const refusedNow = outputFolderRefusal(outDir, { root, projectDir });
if (refusedNow !== undefined) {
  cleanUp();
  console.error(`build: --out ${outGiven}: ${refusedNow}, which it was not when the build started (${OUTPUT_EXPECTED})`);
  process.exit(1);
}
const previous = path.join(scratchDir, 'previous');
try {
  if (!existsSync(outDir)) {
    renameSync(builtSite, outDir);
  } else if (isEarlierBuild(outDir)) {
    // Moved aside, not removed first, so the output is never missing for longer than two renames.
    renameSync(outDir, previous);
    renameSync(builtSite, outDir);
  } else {
    // An empty folder someone made (perhaps a mount point) is kept and filled.
    for (const entry of readdirSync(builtSite)) renameSync(path.join(builtSite, entry), path.join(outDir, entry));
  }
} catch (error) {
  if (existsSync(previous) && !existsSync(outDir)) renameSync(previous, outDir);
  cleanUp();
  console.error(`build: could not move the build into ${shownOut}: ${(error as Error).message}; ${shownOut} was left as it was`);
  process.exit(1);
}
// The earlier build, moved aside, goes many entries at a time (the scratch folder holds nothing else by now).
try {
  await removeTree(scratchDir);
} catch {
  // Whatever is left, cleanUp removes the slow way.
}
// Released only now: two builds into the same folder must not swap it at the same time either.
cleanUp();
console.log(`built ${shownOut}`);
if (checked.warningCount > 0) console.log(`${checked.warningLines.join('\n')}\n${checked.warningCount} warning${checked.warningCount === 1 ? '' : 's'} about the record (they do not stop a build; see npm run check)`);
if (preview) console.log(checked.previewNote);
