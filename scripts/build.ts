// `npm run build`: validates everything first, builds into a scratch folder, and only then swaps it in as the output.
// A failed build leaves no output folder at all, so nothing half-built or stale can be deployed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatProblem } from '../src/validation/problem.ts';
import { loadSite } from '../src/validation/load-site.ts';

const USAGE = 'usage: npm run build -- [--root <site folder>] [--out <output folder>]';
const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let root: string;
let outDir: string;
try {
  const { values } = parseArgs({ options: { root: { type: 'string', default: '.' }, out: { type: 'string', default: 'dist' } }, strict: true });
  root = path.resolve(values.root);
  outDir = path.resolve(values.out);
} catch (error) {
  console.error(`build: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

async function acquireBuildLock(lockDir: string): Promise<() => void> {
  await mkdir(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      const release = () => rmSync(lockDir, { recursive: true, force: true });
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a build that died is taken over; a live one is waited for.
      const holder = Number(readFileSync(path.join(lockDir, 'pid'), { encoding: 'utf8', flag: 'a+' }));
      if (holder > 0 && !isAlive(holder)) rmSync(lockDir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function fail(message: string): Promise<never> {
  await rm(outDir, { recursive: true, force: true });
  console.error(`${message}\nbuild failed: nothing was written to ${path.relative(process.cwd(), outDir) || outDir}`);
  process.exit(1);
}

const checked = await loadSite(root);
if (!checked.ok) {
  await fail(`${checked.problems.map(formatProblem).join('\n')}\n${checked.problems.length} problem${checked.problems.length === 1 ? '' : 's'} found`);
}

await mkdir(path.dirname(outDir), { recursive: true });
// Astro keeps its prerender chunks and content cache in the project's .astro/ whatever the output folder, so two
// builds at once (two terminals, parallel tests) would overwrite each other's chunks: one build at a time.
const releaseLock = await acquireBuildLock(path.join(projectDir, '.astro', 'build.lock'));
const scratch = await mkdtemp(path.join(path.dirname(outDir), `.build-tmp-${path.basename(outDir)}-`));
const exitCode = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, [path.join(projectDir, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', projectDir], {
    cwd: projectDir,
    stdio: 'inherit',
    env: {
      ...process.env,
      AFTERMATH_ROOT: root,
      AFTERMATH_OUT_DIR: path.join(scratch, 'site'),
      // Each output gets its own content cache, so builds of different sites never read each other's entries.
      AFTERMATH_CACHE_DIR: path.join(scratch, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});
releaseLock();
if (exitCode !== 0 || !existsSync(path.join(scratch, 'site', 'index.html'))) {
  await rm(scratch, { recursive: true, force: true });
  await fail(`astro build exited with ${exitCode}`);
}
await rm(outDir, { recursive: true, force: true });
await rename(path.join(scratch, 'site'), outDir);
await rm(scratch, { recursive: true, force: true });
console.log(`built ${path.relative(process.cwd(), outDir) || outDir}`);
