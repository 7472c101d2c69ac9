// What checking one incident, postmortem or maintenance file found, kept between runs by a hash of the file's
// text and of the code that checks it. Checking a file alone is a pure function of those two (the one outside
// input, whether an image it shows exists in public/, is kept with the answer and asked again), so a kept outcome
// is exactly what checking the file again would give. A site with years of history rechecks only what changed:
// `npm run check`, the build's check and the build's own load read the same outcomes. Cross-file rules always run.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Problem } from './problem.ts';
import { codeFingerprint, projectFolder } from '../lib/files/code-fingerprint.ts';
import { removeUnusedEntries, replaceFile } from '../lib/files/kept-files.ts';

/** One file's outcome: its problems, and the validated record when it has none of its own. */
export interface FileOutcome {
  problems: Problem[];
  record?: {
    /** What the schema returned (Dates and all). */
    data: unknown;
    /** The frontmatter as YAML read it, before the schema, where rules read it on every run (postmortems). */
    rawData?: unknown;
    /** The body is the end of the file's text: kept as its length, not a second copy. */
    bodyLength: number;
    bodyLine: number;
  };
  /** Each `/images/...` path the file shows, and whether it existed when the file was checked. */
  siteFiles: [string, boolean][];
}

/**
 * What this process last kept in each cache file, with the file's modification time then: `astro dev` checks the
 * whole site again after every edit, and reading the outcomes back from disk each time would cost as much as
 * keeping them. A file another process has written since is read again.
 */
const keptInThisProcess = new Map<string, { mtimeMs: number; outcomes: Map<string, FileOutcome> }>();

export class ValidationCache {
  /** Where the outcomes are kept between runs; undefined for a cache of this run only. */
  readonly #file: string | undefined;
  readonly #fingerprint: string;
  readonly #previous: Map<string, FileOutcome>;
  readonly #used = new Map<string, FileOutcome>();
  #changed = false;

  private constructor(file: string | undefined, fingerprint: string, previous: Map<string, FileOutcome>) {
    this.#file = file;
    this.#fingerprint = fingerprint;
    this.#previous = previous;
  }

  /**
   * The kept outcomes for the site at `root`, in AFTERMATH_VALIDATION_CACHE or node_modules/.cache/aftermath/validation;
   * undefined when there is no project to fingerprint or no folder to keep them in (every file is then checked).
   */
  static open(root: string, env: Record<string, string | undefined> = process.env): ValidationCache | undefined {
    if (env.AFTERMATH_VALIDATION_CACHE === 'off') return undefined;
    try {
      const project = projectFolder();
      if (!project) return undefined;
      const folder = env.AFTERMATH_VALIDATION_CACHE || path.join(project, 'node_modules', '.cache', 'aftermath', 'validation');
      mkdirSync(folder, { recursive: true });
      // Outcomes of sites nobody checked for a month go.
      removeUnusedEntries(folder);
      // One file per site folder, so two sites never trade outcomes (their keys would differ anyway).
      const file = path.join(folder, `${createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 32)}.v8`);
      let previous = new Map<string, FileOutcome>();
      const inMemory = keptInThisProcess.get(file);
      try {
        if (inMemory && statSync(file).mtimeMs === inMemory.mtimeMs) {
          previous = inMemory.outcomes;
        } else {
          const read = deserialize(readFileSync(file)) as unknown;
          if (read instanceof Map) previous = read as Map<string, FileOutcome>;
        }
      } catch {
        // None kept yet, or unreadable: every file is checked and the kept outcomes are written anew.
      }
      return new ValidationCache(file, codeFingerprint(project), previous);
    } catch {
      return undefined;
    }
  }

  /** Outcomes kept for this run only, when none may be kept between runs (AFTERMATH_VALIDATION_CACHE=off). */
  static forThisRun(): ValidationCache {
    return new ValidationCache(undefined, '', new Map());
  }

  /** How many outcomes the last run kept. */
  get keptCount(): number {
    return this.#previous.size;
  }

  keyOf(kind: string, file: string, text: string): string {
    return createHash('sha256').update(this.#fingerprint).update('\0').update(kind).update('\0').update(file).update('\0').update(text).digest('hex');
  }

  /** The outcome kept under `key`, if every image it showed still exists or is still missing as it was. */
  get(key: string, siteFileExists: (sitePath: string) => boolean): FileOutcome | undefined {
    const kept = this.#previous.get(key) ?? this.#used.get(key);
    if (!kept || !kept.siteFiles.every(([sitePath, existed]) => siteFileExists(sitePath) === existed)) return undefined;
    this.#used.set(key, kept);
    return kept;
  }

  set(key: string, outcome: FileOutcome): void {
    this.#used.set(key, outcome);
    this.#changed = true;
  }

  /** Keeps the outcomes of this run's files only, so the kept file never grows past the site. */
  save(): void {
    if (this.#file === undefined) return;
    try {
      if (this.#changed || this.#used.size !== this.#previous.size) {
        // Renamed into place, so a run at the same time reads the old outcomes or the new, never half of them.
        replaceFile(this.#file, serialize(this.#used));
      } else {
        // Nothing new and nothing gone: the kept file already says exactly this; it was used, so it stays.
        const now = new Date();
        utimesSync(this.#file, now, now);
      }
      keptInThisProcess.set(this.#file, { mtimeMs: statSync(this.#file).mtimeMs, outcomes: this.#used });
    } catch {
      keptInThisProcess.delete(this.#file);
    }
  }
}
