// aftermath beside cState (the closest peer) on the same machine in one run: cold builds alternated at each size,
// medians, ratios and peak memory, and the size of what each aftermath build publishes. docs/benchmarks.md keeps
// the results. Usage: npm run bench:peer [-- --sizes 1000,5000 --runs 2]
// Needs Hugo for cState (apt-get install -y hugo) and GNU time (/usr/bin/time, which cstate-build.sh uses).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { clonedHistorySite } from './cloned-history.ts';
import { runMeasured } from './tree-memory.ts';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = path.join(PROJECT, 'test/fixtures/example');
const CSTATE = path.resolve(PROJECT, '../shared/bench/cstate-build.sh');
const NOW = '2026-11-26T00:00:00Z';
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,5000' }, runs: { type: 'string', default: '2' }, 'no-peer': { type: 'boolean' } } });
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

interface Run {
  seconds: number;
  peakMb: number;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * One aftermath build: wall seconds and the peak of the resident memory of the build and every process it starts
 * together (bench/tree-memory.ts: Astro, Pagefind and the build's own process run side by side). `caches` holds what
 * a build keeps for the next (social cards, check outcomes, Astro's kept pages): a fresh folder makes it a cold
 * build, the previous build's folder a rebuild.
 */
async function aftermathBuild(root: string, out: string, caches: string): Promise<Run> {
  const result = await runMeasured(process.execPath, [path.join(PROJECT, 'scripts/build.ts'), '--root', root, '--out', out], {
    cwd: PROJECT,
    env: {
      ...process.env,
      AFTERMATH_NOW: NOW,
      AFTERMATH_CARD_CACHE: path.join(caches, 'social-cards'),
      AFTERMATH_BUILD_CACHE: path.join(caches, 'astro'),
      AFTERMATH_VALIDATION_CACHE: path.join(caches, 'validation'),
    },
  });
  if (result.status !== 0) throw new Error(`aftermath build failed:\n${result.stderr.slice(-4000)}`);
  return { seconds: result.seconds, peakMb: result.peakMb };
}

function cstateBuild(n: number): Run & { ok: boolean } {
  const result = spawnSync('bash', [CSTATE, String(n)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = /cstate N=\d+ wall_s=([\d.]+) peak_rss_mb=(\d+) html_files=\d+ exit=(\d+)/.exec(result.stdout);
  if (!line) throw new Error(`cstate-build.sh printed no result:\n${result.stdout}\n${result.stderr.slice(-2000)}`);
  return { seconds: Number(line[1]), peakMb: Number(line[2]), ok: line[3] === '0' };
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = async (file: string) => gzipSync(await readFile(file)).length;

/** What a reader and a feed reader download: the pages and feeds that grow with history, and the whole output. */
async function outputSizes(out: string): Promise<string> {
  const historyPages = (await readdir(path.join(out, 'incidents'), { recursive: true })).filter((file) => file === 'index.html' || /^(page|\d{4})\/.*index\.html$/.test(file) || /^\d+\/index\.html$/.test(file));
  let largestHistory = 0;
  for (const page of historyPages) largestHistory = Math.max(largestHistory, await gz(path.join(out, 'incidents', page)));
  const rss = await readFile(path.join(out, 'rss.xml'), 'utf8');
  const items = (rss.match(/<item>/g) ?? []).length;
  return [
    `status page ${kb(await gz(path.join(out, 'index.html')))} gz`,
    `largest history page ${kb(largestHistory)} gz`,
    `rss.xml ${kb(Buffer.byteLength(rss))} (${items} items)`,
    `atom.xml ${kb((await stat(path.join(out, 'atom.xml'))).size)}`,
    `feed.json ${kb((await stat(path.join(out, 'feed.json'))).size)}`,
    `dist ${((await folderBytes(out)) / 1024 / 1024).toFixed(0)} MB`,
  ].join(', ');
}

const rows: string[] = [];
const sizeRows: string[] = [];
const rebuilds: string[] = [];
for (const n of sizes) {
  const root = await clonedHistorySite(EXAMPLE, n);
  const out = await mkdtemp(path.join(os.tmpdir(), 'aftermath-peer-out-'));
  const ours: Run[] = [];
  const theirs: (Run & { ok: boolean })[] = [];
  // Alternating, so a noisy minute on the shared machine falls on both.
  const caches: string[] = [];
  for (let run = 0; run < runs; run += 1) {
    caches.push(await mkdtemp(path.join(os.tmpdir(), 'aftermath-peer-caches-')));
    ours.push(await aftermathBuild(root, path.join(out, 'site'), caches.at(-1)!));
    if (!values['no-peer']) theirs.push(cstateBuild(n));
    console.error(`N=${n} run ${run + 1}: aftermath ${ours.at(-1)!.seconds.toFixed(2)} s${theirs.length ? `, cState ${theirs.at(-1)!.seconds} s` : ''}`);
  }
  // A rebuild after one new update, keeping the last build's caches, as CI keeps them.
  const incident = (await readdir(path.join(root, 'incidents'), { recursive: true })).filter((file) => file.endsWith('index.md')).sort().at(-1)!;
  const incidentFile = path.join(root, 'incidents', incident);
  const text = await readFile(incidentFile, 'utf8');
  const lastUpdate = /\n {2}- at: (\S+)\n {4}status: (\S+)/g;
  let latest = '';
  let status = '';
  for (const match of text.matchAll(lastUpdate)) [latest, status] = [match[1]!, match[2]!];
  // The comms lead's next note at the same stage (statuses only move forward), a minute after the last.
  const next = new Date(Date.parse(latest) + 60_000).toISOString().replace('.000Z', 'Z');
  await writeFile(incidentFile, text.replace(/\n---\n/, `\n  - at: ${/^resolved: /m.test(text) ? latest : next}\n    status: ${status}\n    message: One more note for the benchmark.\n---\n`));
  const rebuild = await aftermathBuild(root, path.join(out, 'site'), caches.at(-1)!);
  rebuilds.push(`| ${n.toLocaleString('en')} | ${rebuild.seconds.toFixed(1)} s | ${theirs.length ? `${(rebuild.seconds / median(theirs.map((run) => run.seconds))).toFixed(2)}×` : '—'} |`);
  for (const folder of caches) await rm(folder, { recursive: true, force: true });
  const oursMedian = median(ours.map((run) => run.seconds));
  const theirsMedian = theirs.length ? median(theirs.map((run) => run.seconds)) : Number.NaN;
  const peak = (list: Run[]) => `${(Math.max(...list.map((run) => run.peakMb)) / 1024).toFixed(2)} GB`;
  rows.push(
    `| ${n.toLocaleString('en')} | ${theirs.length ? `${theirsMedian.toFixed(1)} s${theirs.some((run) => !run.ok) ? ' (failed)' : ''}` : '—'} | ${oursMedian.toFixed(1)} s | ${theirs.length ? `${(oursMedian / theirsMedian).toFixed(2)}×` : '—'} | ${theirs.length ? peak(theirs) : '—'} / ${peak(ours)} |`,
  );
  sizeRows.push(`| ${n.toLocaleString('en')} | ${await outputSizes(path.join(out, 'site'))} |`);
  await rm(out, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
}

console.log(`| N incidents | cState build (median of ${runs}) | aftermath build (median of ${runs}) | aftermath / cState | peak memory cState / aftermath |`);
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
console.log(`\n| N incidents | aftermath rebuild after one update, caches kept | rebuild / cState cold |\n| ---: | ---: | ---: |`);
for (const row of rebuilds) console.log(row);
console.log('\n| N incidents | aftermath outputs |\n| ---: | --- |');
for (const row of sizeRows) console.log(row);
