// `npm run dev` on a site with years of history: how long until the first page, and how long an edit to one
// incident takes to show in the page (the comms lead previewing an update). Usage:
//   npm run bench:dev [-- --size 1000 --edits 3]
// The site is the example's history cloned to --size incidents (bench/cloned-history.ts), built at a fixed now.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clonedHistorySite } from './cloned-history.ts';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { size: { type: 'string', default: '1000' }, edits: { type: 'string', default: '3' }, port: { type: 'string', default: '4477' } } });
const root = await clonedHistorySite(path.join(PROJECT, 'test/fixtures/example'), Number(values.size));
const port = Number(values.port);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const dev = spawn(process.execPath, [path.join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--root', PROJECT], {
  cwd: PROJECT,
  env: { ...process.env, AFTERMATH_ROOT: root, AFTERMATH_NOW: '2026-11-26T00:00:00Z', ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: 'ignore',
});

async function body(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

try {
  const year = readdirSync(path.join(root, 'incidents')).filter((name) => /^\d{4}$/.test(name)).sort().at(-1)!;
  const id = readdirSync(path.join(root, 'incidents', year)).sort().at(-3)!;
  const file = path.join(root, 'incidents', year, id, 'index.md');
  const url = `http://localhost:${port}/incidents/${id}/`;
  while ((await body(url)) === undefined) {
    if (Date.now() - started > 300_000) throw new Error('astro dev served no page within 5 minutes');
    await sleep(200);
  }
  console.log(`N=${values.size}: first page ${((Date.now() - started) / 1000).toFixed(1)} s after starting astro dev`);
  const original = readFileSync(file, 'utf8');
  for (let edit = 1; edit <= Number(values.edits); edit += 1) {
    const title = `Edited title ${edit} ${Date.now()}`;
    writeFileSync(file, original.replace(/^title: .*$/m, `title: ${title}`));
    const saved = Date.now();
    while (!(await body(url))?.includes(title)) {
      if (Date.now() - saved > 60_000) throw new Error('the edit did not show within a minute');
      await sleep(50);
    }
    console.log(`edit ${edit}: shown ${((Date.now() - saved) / 1000).toFixed(2)} s after saving the file`);
    writeFileSync(file, original);
    await sleep(3_000);
  }
} finally {
  dev.kill();
  await rm(root, { recursive: true, force: true });
}
