// Checks many content files at once on every core: a site with years of history has thousands, and checking one
// (YAML, schema, markdown safety) costs about 0.4 ms, so 12,000 keep one core busy for about five seconds. Each
// worker thread runs check-file.ts, the function this thread runs for a few files.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkContentFile, publicFileExists } from './check-file.ts';
import type { CheckJob, CheckResult, CheckWorkerData } from './check-worker.ts';

export type CheckedOutcome = Extract<CheckResult, { outcome: unknown }>;

/**
 * Below this many files to check, the workers are not worth starting: each takes about 0.5-0.7 s to load the
 * schemas and the markdown and YAML libraries, in which this thread checks over a thousand files itself.
 */
export const PARALLEL_CHECK_FROM = 1000;
/** Files per message: large enough that messages cost little, small enough that the threads finish together. */
const BATCH = 64;

/** The worker's module beside this one; absent when this code runs bundled (Astro's build), where none is started. */
function workerScript(): string | undefined {
  try {
    const script = fileURLToPath(new URL('./check-worker.ts', import.meta.url));
    return existsSync(script) ? script : undefined;
  } catch {
    return undefined;
  }
}

export interface PoolOptions {
  /** Threads to use, this one included (the machine's cores). */
  threads?: number;
  /** Whether this thread checks files too (tests turn it off to see the workers' answers alone). */
  inThisThread?: boolean;
}

interface PoolWorker {
  worker: Worker;
  /** Called with each answer; replaced by every check() that hands the worker batches. */
  onAnswers?: (answers: CheckResult[]) => void;
  /** Set once the thread stopped or failed: it takes no more batches. */
  gone: boolean;
}

/**
 * Worker threads started ahead of the files they will check, so their loading overlaps with reading and hashing
 * the site; one per core besides this one. close() stops them.
 */
export class CheckPool {
  readonly #workers: PoolWorker[] = [];
  readonly #publicFiles: Set<string>;
  readonly #inThisThread: boolean;

  private constructor(publicFiles: readonly string[], options: PoolOptions) {
    this.#publicFiles = new Set(publicFiles);
    this.#inThisThread = options.inThisThread ?? true;
    const script = workerScript();
    const count = script ? (options.threads ?? availableParallelism()) - 1 : 0;
    for (let index = 0; index < count; index += 1) {
      try {
        const entry: PoolWorker = { worker: new Worker(script!, { workerData: { publicFiles: [...publicFiles] } satisfies CheckWorkerData }), gone: false };
        entry.worker.on('message', (answers: CheckResult[]) => entry.onAnswers?.(answers));
        // A thread that cannot load or dies leaves its batch unanswered; the caller checks those files.
        entry.worker.on('error', () => (entry.gone = true));
        entry.worker.on('exit', () => {
          entry.gone = true;
          entry.onAnswers?.([]);
        });
        this.#workers.push(entry);
      } catch {
        // Fewer threads: the others and this one check the files.
      }
    }
  }

  static start(publicFiles: readonly string[], options: PoolOptions = {}): CheckPool {
    return new CheckPool(publicFiles, options);
  }

  /**
   * The outcome of each job checked, by file: this thread checks batches from the start, and each worker joins
   * once loaded. Files missing from the answer (their check threw, or their worker stopped) are for the caller
   * to check again, where any error is reported as usual.
   */
  async check(jobs: readonly CheckJob[]): Promise<{ outcomes: Map<string, CheckedOutcome>; inWorkers: number }> {
    const outcomes = new Map<string, CheckedOutcome>();
    let inWorkers = 0;
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
            const { outcome, keepable } = checkContentFile(file, text, kind, (sitePath) => publicFileExists(this.#publicFiles, sitePath));
            outcomes.set(file, { file, outcome, keepable });
          } catch {
            // Left out: the caller checks it again and reports what it throws with the file's name.
          }
        }
        // Lets the workers' answers in, and hands them their next batch.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const inWorker = (entry: PoolWorker) =>
      new Promise<void>((resolve) => {
        const sendBatch = () => {
          const batch = entry.gone ? [] : takeBatch();
          if (batch.length === 0) {
            delete entry.onAnswers;
            resolve();
          } else {
            entry.worker.postMessage(batch);
          }
        };
        entry.onAnswers = (answers) => {
          for (const answer of answers) {
            if ('failed' in answer) continue;
            outcomes.set(answer.file, answer);
            inWorkers += 1;
          }
          sendBatch();
        };
        sendBatch();
      });
    const working = this.#workers.filter((entry) => !entry.gone);
    await Promise.all([...(this.#inThisThread || working.length === 0 ? [inThisThread()] : []), ...working.map(inWorker)]);
    return { outcomes, inWorkers };
  }

  close(): void {
    for (const { worker } of this.#workers) void worker.terminate();
  }
}
