// The memory a command really takes: the largest total resident size of it and every process it starts, sampled
// while it runs. GNU time's %M reports only the single largest process that was waited for, and misses a
// grandchild its parent kills and never waits for: the build's Pagefind process, 2.7 GB at 10,000 incidents
// while `/usr/bin/time` said 1.1 GB.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** The resident size (KB) of `root` and all its descendants now, from /proc. */
function treeRssKb(root: number): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (in parentheses) may hold spaces: the fields after it are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      rss.set(Number(entry), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // Gone between the listing and the read.
    }
  }
  let total = 0;
  for (const [pid, kb] of rss) {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = parents.get(at)) {
      if (at === root) {
        total += kb;
        break;
      }
    }
  }
  return total;
}

export interface MeasuredRun {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** The largest total resident memory of the command and its descendants, sampled every 100 ms. */
  peakMb: number;
}

export function runMeasured(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const sampler = setInterval(() => {
      if (child.pid) peakKb = Math.max(peakKb, treeRssKb(child.pid));
    }, 100);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(sampler);
      resolve({ status, stdout, stderr, seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024 });
    });
  });
}
