// What the comms lead's commands share: their streams and clock, argument parsing, exit codes and error output.
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LOCALES, type Locale } from '../schemas/site.ts';
import { resolveNow } from '../validation/load-site.ts';
import { instantText, parsePastInstant, parseTypedInstant, toSecond } from '../lib/time/written-instants.ts';
import { unexpectedErrorLine } from '../validation/unexpected-error.ts';
import { didYouMean, sameIgnoringCase } from '../validation/near-miss.ts';

/** A command's world, passed in so tests can run a command in-process with scripted input and a fixed clock. */
export interface CommandIO {
  stdin: NodeJS.ReadableStream;
  /** Results (`wrote <path>`). */
  stdout: NodeJS.WritableStream;
  /** Prompts and errors, so stdout carries only what was written. */
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  /** True when a person is at a terminal: every value not given as a flag is then asked, defaults pre-selected. */
  interactive: boolean;
  /** The working directory `--root` is resolved against. */
  cwd: string;
  clockMs(): number;
}

export function processIO(): CommandIO {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    interactive: process.stdin.isTTY === true,
    cwd: process.cwd(),
    clockMs: () => Date.now(),
  };
}

/** Bad command line: unknown flag, missing id, malformed value. Exit 2, nothing written. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The request does not fit the site: unknown incident or service, a status going backwards. Exit 1, nothing written. */
export class DomainError extends Error {
  /** Lines printed under the message, such as the check's problems. */
  readonly details: readonly string[];
  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'DomainError';
    this.details = details;
  }
}

/** Ctrl+C (or TERM, HUP) while a command was about to write: it stopped before replacing any file. Exit 130. */
export class InterruptedError extends Error {
  constructor(signal: NodeJS.Signals) {
    super(`interrupted by ${signal}; nothing was written`);
    this.name = 'InterruptedError';
  }
}

export const EXIT = { ok: 0, domain: 1, usage: 2, cancelled: 130 } as const;

function writeLine(stream: NodeJS.WritableStream, text: string): void {
  stream.write(`${text}\n`);
}

/** Runs a command body and turns its errors into the message and exit code the user sees. */
export async function runCommand(name: string, usage: string, io: CommandIO, body: () => Promise<void>): Promise<number> {
  try {
    await body();
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `${name}: ${error.message}\n${usage}`);
      return EXIT.usage;
    }
    if (error instanceof DomainError) {
      writeLine(io.stderr, [`${name}: ${error.message}`, ...error.details].join('\n'));
      return EXIT.domain;
    }
    if (error instanceof InterruptedError) {
      writeLine(io.stderr, `${name}: ${error.message}`);
      return EXIT.cancelled;
    }
    // Inquirer's Ctrl+C: the person changed their mind, which is neither a usage nor a content error.
    if (error instanceof Error && error.name === 'ExitPromptError') {
      writeLine(io.stderr, `${name}: cancelled; nothing was written`);
      return EXIT.cancelled;
    }
    // A bug, not a mistake in the input: one line naming the file being read, never a stack trace.
    writeLine(io.stderr, unexpectedErrorLine(name, error));
    if (process.env.AFTERMATH_DEBUG) writeLine(io.stderr, String((error as Error).stack ?? error));
    return EXIT.domain;
  }
}

/**
 * node:util parseArgs, with flags taken in any case (`--Message`) and its complaints turned into usage errors in
 * the user's words: an unknown flag with the one it most likely meant, a flag without its value, a stray word.
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T) {
  const names = Object.keys(config.options ?? {});
  const args = normaliseFlagCase(config.args ?? [], names);
  try {
    return parseArgs({ ...config, args, strict: true });
  } catch (error) {
    throw new UsageError(argumentProblem(error as Error & { code?: string }, names));
  }
}

function normaliseFlagCase(args: readonly string[], names: readonly string[]): string[] {
  const end = args.indexOf('--');
  return args.map((arg, index) => {
    if ((end !== -1 && index >= end) || !arg.startsWith('--')) return arg;
    const [flag = '', ...value] = arg.slice(2).split('=');
    const name = sameIgnoringCase(flag, names);
    return name === undefined ? arg : ['--' + name, ...value].join('=');
  });
}

function argumentProblem(error: Error & { code?: string }, names: readonly string[]): string {
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'(-[^']*)'/.exec(error.message)?.[1] ?? '';
    const typed = flag.replace(/^-+/, '').split('=')[0] ?? '';
    const suggestion = didYouMean(typed, names, (name) => `--${name}`);
    return `unknown flag ${flag} (${suggestion}expected one of: ${names.map((name) => `--${name}`).join(', ')})`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /'(--[\w-]+)/.exec(error.message)?.[1] ?? '';
    return /does not take an argument/.test(error.message) ? `${flag} takes no value (expected ${flag} alone)` : `${flag}: missing its value (expected ${flag} <value>; quote a value with spaces)`;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const word = /'([^']*)'/.exec(error.message)?.[1] ?? '';
    const example = names.find((name) => !(name in COMMON_OPTIONS)) ?? 'help';
    return `unexpected "${word}" (expected only flags, such as --${example} <value>; quote a value with spaces)`;
  }
  return error.message;
}

/** The options every content command takes. */
export const COMMON_OPTIONS = {
  root: { type: 'string', default: '.' },
  now: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const COMMON_USAGE = '[--lang en|zh-CN] [--root <site folder>] [--now <instant>]';

/** "Now" for the command: --now, else AFTERMATH_NOW, else the clock; to the second, the precision files keep. */
export function commandNow(flag: string | undefined, io: CommandIO): number {
  const fromEnv = flag === undefined;
  const name = fromEnv ? 'AFTERMATH_NOW' : '--now';
  const now = resolveNow(undefined, { AFTERMATH_NOW: flag ?? io.env.AFTERMATH_NOW }, io.clockMs());
  if ('error' in now) throw new UsageError(`${name}: ${now.error}`);
  // A "now" replays a past moment; one far ahead of the clock would write updates the check refuses as future.
  if (now.ms > io.clockMs() + LATEST_NOW_AHEAD_MS || now.ms < 0) {
    throw new UsageError(`${name}: found ${JSON.stringify(flag ?? io.env.AFTERMATH_NOW)} (expected an instant after 1970 and at most a day after this machine's clock, ${new Date(io.clockMs()).toISOString().replace(/\.\d+Z$/, 'Z')})`);
  }
  return toSecond(now.ms);
}

/** How far ahead of the machine's clock a given "now" may be: a day covers clocks set a time zone wrong. */
const LATEST_NOW_AHEAD_MS = 86_400_000;

export function siteRoot(flag: string, io: CommandIO): string {
  return path.resolve(io.cwd, flag);
}

export function localeFlag(flag: string | undefined): Locale | undefined {
  if (flag === undefined) return undefined;
  const match = LOCALES.find((locale) => locale.toLowerCase() === flag.toLowerCase());
  if (!match) throw new UsageError(`--lang: found "${flag}" (expected one of: ${LOCALES.join(', ')})`);
  return match;
}

/** A time flag as people type it (`21:10`, `2026-11-25 21:10`, a full instant); malformed is a usage error. */
export function typedInstantFlag(flag: string, text: string | undefined, timeZone: string, nowMs: number): number | undefined {
  if (text === undefined) return undefined;
  const parsed = parseTypedInstant(text, timeZone, nowMs);
  if ('error' in parsed) throw new UsageError(`--${flag}: ${parsed.error}`);
  return parsed.ms;
}

/**
 * A time flag for something that has already happened (`--started`, `--detected`, `--at`): malformed or a date
 * that does not exist is a usage error; after now contradicts the clock (exit 1), whatever the record says.
 */
export function pastInstantFlag(flag: string, text: string | undefined, timeZone: string, nowMs: number): number | undefined {
  if (text === undefined) return undefined;
  const parsed = parsePastInstant(text, timeZone, nowMs);
  if ('error' in parsed) throw new UsageError(`--${flag}: ${parsed.error}`);
  const ms = parsed.ms;
  if (ms > nowMs) throw new DomainError(`--${flag}: ${instantText(ms, timeZone)} is after now ${instantText(nowMs, timeZone)} (expected an instant that has already happened)`);
  return toSecond(ms);
}

/** Repeated or comma-separated list flags (`--service a --service b,c`) as one list. */
export function listFlag(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

export function printHelp(io: CommandIO, usage: string, description: string): void {
  writeLine(io.stdout, `${description}\n${usage}`);
}
