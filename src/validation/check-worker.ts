// A worker thread of the parallel check (parallel-check.ts): checks the batches of content files it is sent, one
// at a time, with the same function the checking process uses, and sends back what the validation cache keeps.
import { parentPort, workerData } from 'node:worker_threads';
import { checkContentFile, publicFileExists, type ContentFileKind } from './check-file.ts';
import type { FileOutcome } from './validation-cache.ts';

export interface CheckJob {
  file: string;
  kind: ContentFileKind;
  text: string;
}

/** A file's outcome, or `failed` when checking it threw: the checking process then checks it itself and reports. */
export type CheckResult = { file: string; outcome: FileOutcome; keepable: boolean } | { file: string; failed: true };

export interface CheckWorkerData {
  /** The site's files under public/, for the images a file shows. */
  publicFiles: string[];
}

if (parentPort) {
  const port = parentPort;
  const filesOnDisk = new Set((workerData as CheckWorkerData).publicFiles);
  port.on('message', (batch: CheckJob[]) => {
    const results = batch.map(({ file, kind, text }): CheckResult => {
      try {
        const { outcome, keepable } = checkContentFile(file, text, kind, (sitePath) => publicFileExists(filesOnDisk, sitePath));
        return { file, outcome, keepable };
      } catch {
        return { file, failed: true };
      }
    });
    port.postMessage(results);
  });
}
