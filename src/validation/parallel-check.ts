// Checks many content files at once on every core: a site with years of history has thousands, and checking one
// (YAML, schema, markdown safety) costs about half a millisecond, so 12,000 keep one core busy for several
// seconds. Each worker thread runs check-file.ts, the function the checking process runs for a few files.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkContentFile, publicFileExists } from './check-file.ts';
import type { CheckJob, CheckResult, CheckWorkerData } from './check-worker.ts';

type CheckedOutcome = Extract<CheckResult, { outcome: unknown }>;

/** Below this many files to check, starting workers (about 0.3 s each, to load the schemas) costs more than it saves. */
export const PARALLEL_CHECK_FROM = 1000;
/** Files per message: large enough that messages cost little, small enough that the threads finish together. */
const BATCH = 64;
const FILES_PER_THREAD = 500;

/** The worker's module beside this one; absent when this code runs bundled (Astro's build), where none is started. */
function workerScript(): string | undefined {
  try {
    const script = fileURLToPath(new URL('./check-worker.ts', import.meta.url));
    return existsSync(script) ? script : undefined;
  } catch {
    return undefined;
  }
}

export interface ParallelOptions {
  /** Threads to use, this one included (the machine's cores). */
  threads?: number;
  /** Files per thread worth starting it for. */
  filesPerThread?: number;
  /** Whether this thread checks files too (tests turn it off to see the workers' answers alone). */
  inThisThread?: boolean;
}

/**
 * The outcome of each job checked, by file: this thread checks batches itself from the start, and a worker
 * thread per other core joins once it has loaded (about 0.3-0.7 s). Files missing from the answer (their check
 * threw, or their worker stopped) are for the caller to check again, where any error is reported as usual.
 */
export async function checkInParallel(jobs: readonly CheckJob[], publicFiles: readonly string[], options: ParallelOptions = {}): Promise<{ outcomes: Map<string, CheckedOutcome>; inWorkers: number }> {
  const { threads = availableParallelism(), filesPerThread = FILES_PER_THREAD, inThisThread: checkHereToo = true } = options;
  const results = new Map<string, CheckedOutcome>();
  let inWorkers = 0;
  const filesOnDisk = new Set(publicFiles);
  const script = workerScript();
  const workers = script ? Math.min(threads - 1, Math.ceil(jobs.length / filesPerThread) - 1) : 0;
  let next = 0;
  const takeBatch = () => {
    const batch = jobs.slice(next, next + BATCH);
    next += batch.length;
    return batch;
  };
  const inThisThread = async () => {
    for (let batch = takeBatch(); batch.length > 0; batch = takeBatch()) {
      for (const { file, kind, text } of batch) {
        try {
          const { outcome, keepable } = checkContentFile(file, text, kind, (sitePath) => publicFileExists(filesOnDisk, sitePath));
          results.set(file, { file, outcome, keepable });
        } catch {
          // Left out: the caller checks it again and reports what it throws with the file's name.
        }
      }
      // Lets the workers' answers in, and hands them their next batch.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const inWorker = () =>
    new Promise<void>((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(script!, { workerData: { publicFiles: [...publicFiles] } satisfies CheckWorkerData });
      } catch {
        resolve();
        return;
      }
      const stop = () => {
        void worker.terminate();
        resolve();
      };
      const sendBatch = () => {
        const batch = takeBatch();
        if (batch.length === 0) stop();
        else worker.postMessage(batch);
      };
      worker.on('message', (answers: CheckResult[]) => {
        for (const answer of answers) {
          if ('failed' in answer) continue;
          results.set(answer.file, answer);
          inWorkers += 1;
        }
        sendBatch();
      });
      // A thread that cannot load or dies leaves its batch unanswered; the caller checks those files.
      worker.on('error', stop);
      worker.on('exit', () => resolve());
      // Its first batch waits for it to load; this thread goes on meanwhile.
      worker.once('online', sendBatch);
    });
  await Promise.all([...(checkHereToo || workers <= 0 ? [inThisThread()] : []), ...Array.from({ length: Math.max(0, workers) }, inWorker)]);
  return { outcomes: results, inWorkers };
}
