// Benchmarks: `check` and `build` wall time on the example content and on generated larger sites, the status
// page's gzipped weight, and Lighthouse's performance score and total blocking time (mobile settings, simulated
// throttling) on every page family of the example in both languages. Prints markdown tables of medians;
// docs/benchmarks.md keeps the results. Usage: npm run bench [-- --runs 5 --sizes 500,2000 --lighthouse-runs 3]
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { launchChromium } from '../test/helpers/browser.ts';
import { FAMILY_ROUTES, freePort } from '../test/helpers/page-families.ts';
import { serveStatic } from '../test/helpers/static-server.ts';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The bundled example as the tests keep it: the root content/ is the adopting team's and may be anything.
const EXAMPLE = path.join(PROJECT, 'test/fixtures/example');
const NOW = '2026-11-26T00:00:00Z';
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, sizes: { type: 'string', default: '500,2000' }, 'build-runs': { type: 'string', default: '3' }, 'lighthouse-runs': { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const buildRuns = Number(values['build-runs']);
// --sizes '' measures the example alone (its Lighthouse scores, say).
const sizes = values.sizes.split(',').filter((size) => size.trim() !== '').map(Number);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function timed(script: string, args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [path.join(PROJECT, 'scripts', script), ...args], { cwd: PROJECT, env: { ...process.env, AFTERMATH_NOW: NOW }, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`);
  return seconds;
}

/** A site with the example configuration and `count` generated incidents, one every 8 hours back from now. */
async function generatedSite(count: number): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'aftermath-bench-'));
  await cp(path.join(EXAMPLE, 'content'), path.join(root, 'content'), { recursive: true });
  const services = ['api-gateway', 'agent-coordinator', 'auth', 'workflow-engine', 'primary-db', 'cache', 'file-storage', 'metrics', 'alerting', 'logging'];
  const impacts = ['degraded', 'partial_outage', 'major_outage'];
  const perDay = new Map<string, number>();
  for (let index = 0; index < count; index += 1) {
    const start = new Date(Date.parse(NOW) - (index + 1) * 8 * 3_600_000);
    const local = new Date(start.getTime() + 8 * 3_600_000).toISOString(); // +08:00 wall clock
    const day = local.slice(0, 10).replaceAll('-', '');
    const number = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, number);
    const id = `INC-${day}-${String(number).padStart(3, '0')}`;
    const at = (minutes: number) => `${new Date(start.getTime() + minutes * 60_000 + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
    const folder = path.join(root, 'incidents', local.slice(0, 4), id);
    await mkdir(folder, { recursive: true });
    await writeFile(
      path.join(folder, 'index.md'),
      `---\nid: ${id}\ntitle: Generated incident ${index + 1}\nseverity: P${index % 4}\nstarted: ${at(0)}\ndetected: ${at(3)}\nresolved: ${at(95)}\nservices:\n  - id: ${services[index % services.length]}\n    impact: ${impacts[index % 3]}\nupdates:\n  - at: ${at(5)}\n    status: investigating\n    message: We are investigating errors.\n  - at: ${at(40)}\n    status: fixing\n    message: A fix is being deployed.\n  - at: ${at(70)}\n    status: monitoring\n    message: The fix is live; we are monitoring.\n  - at: ${at(95)}\n    status: resolved\n    message: Resolved.\n---\nA generated incident for benchmarks.\n`,
    );
  }
  return root;
}

/**
 * Lighthouse's performance score and total blocking time for each page family in both languages, medians of
 * `--lighthouse-runs`, through a local server of the built site and the Chromium the browser tests use.
 */
async function lighthousePerformance(builtSite: string): Promise<string[]> {
  const server = await serveStatic(builtSite);
  const port = await freePort();
  const browser = await launchChromium([`--remote-debugging-port=${port}`]);
  const lines: string[] = [];
  try {
    for (const route of FAMILY_ROUTES) {
      const scores: number[] = [];
      const blocking: number[] = [];
      for (let run = 0; run < Number(values['lighthouse-runs']); run += 1) {
        const result = await lighthouse(`${server.url}${route}`, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
        scores.push(Math.round((result!.lhr.categories.performance!.score ?? 0) * 100));
        blocking.push(result!.lhr.audits['total-blocking-time']!.numericValue ?? 0);
      }
      lines.push(`| \`${route}\` | ${median(scores)} (${Math.min(...scores)}–${Math.max(...scores)}) | ${Math.round(median(blocking))} ms |`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return lines;
}

const rows: string[] = [];
const performanceRows: string[] = [];
const sites: { label: string; root: string; cleanup: boolean }[] = [{ label: 'example content (34 incidents, 7 postmortems)', root: EXAMPLE, cleanup: false }];
for (const size of sizes) sites.push({ label: `generated, ${size} incidents`, root: await generatedSite(size), cleanup: true });

for (const site of sites) {
  const check = Array.from({ length: runs }, () => timed('check.ts', ['--root', site.root]));
  const out = await mkdtemp(path.join(os.tmpdir(), 'aftermath-bench-out-'));
  const build = Array.from({ length: buildRuns }, () => timed('build.ts', ['--root', site.root, '--out', path.join(out, 'site')]));
  const statusPage = gzipSync(await readFile(path.join(out, 'site', 'index.html'))).length;
  if (site.root === EXAMPLE) performanceRows.push(...(await lighthousePerformance(path.join(out, 'site'))));
  rows.push(`| ${site.label} | ${median(check).toFixed(2)} s (${Math.min(...check).toFixed(2)}–${Math.max(...check).toFixed(2)}) | ${median(build).toFixed(1)} s (${Math.min(...build).toFixed(1)}–${Math.max(...build).toFixed(1)}) | ${(statusPage / 1024).toFixed(1)} KB |`);
  await rm(out, { recursive: true, force: true });
  if (site.cleanup) await rm(site.root, { recursive: true, force: true });
}

console.log(`| site | check, median of ${runs} (min–max) | build, median of ${buildRuns} (min–max) | status page HTML, gzipped |`);
console.log('| --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log(`\n| example page | Lighthouse performance, median of ${values['lighthouse-runs']} (min–max) | total blocking time, median |`);
console.log('| --- | ---: | ---: |');
for (const row of performanceRows) console.log(row);
