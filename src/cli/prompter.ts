// Questions for values not given as flags, asked with Inquirer on the command's own streams, in the site's language.
import { styleText } from 'node:util';
import { checkbox, input, select, Separator } from '@inquirer/prompts';
import { cliText, type CliText } from '../i18n/cli-text.ts';
import { parseTypedInstant, type TypedInstant } from '../lib/time/written-instants.ts';
import type { Locale } from '../schemas/site.ts';
import { UsageError, type CommandIO } from './command.ts';

export interface Choice<T> {
  value: T;
  name: string;
  description?: string;
  /** A heading shown above this choice when it starts a new group. */
  group?: string;
  /** Ticked to begin with, in a question with several answers. */
  checked?: boolean;
}

interface Question {
  /** The flag that gives this value without asking, named when there is no answer. */
  flag: string;
  message: string;
}

export interface Prompter {
  /** The language the questions are asked in. */
  readonly locale: Locale;
  /** The questions, choices and hints in that language. */
  readonly words: CliText;
  /** The same terminal asking in another language: init, once the new site's language is chosen. */
  inLocale(locale: Locale): Prompter;
  text(question: Question & { default?: string; editable?: boolean; validate?: (answer: string) => string | true }): Promise<string>;
  choose<T>(question: Question & { choices: readonly Choice<T>[]; default?: T }): Promise<T>;
  chooseMany<T>(question: Question & { choices: readonly Choice<T>[]; required?: boolean }): Promise<T[]>;
}

/** A flag's value when given; its default without asking when nobody is at a terminal; otherwise the answer. */
export async function given<T>(value: T | undefined, fallback: T | undefined, io: CommandIO, ask: () => Promise<T>): Promise<T> {
  if (value !== undefined) return value;
  if (!io.interactive && fallback !== undefined) return fallback;
  return ask();
}

function withGroups<T>(choices: readonly Choice<T>[]): (Separator | { value: T; name: string; description?: string; checked?: boolean })[] {
  const items: (Separator | { value: T; name: string; description?: string; checked?: boolean })[] = [];
  let group: string | undefined;
  for (const choice of choices) {
    if (choice.group !== undefined && choice.group !== group) items.push(new Separator(`── ${choice.group}`));
    group = choice.group;
    items.push({ value: choice.value, name: choice.name, ...(choice.description ? { description: choice.description } : {}), ...(choice.checked ? { checked: true } : {}) });
  }
  return items;
}

/** The key hints Inquirer draws under a list, drawn as it does, with the actions in the prompter's language. */
function keysHelpTip(words: CliText): (keys: [key: string, action: string][]) => string {
  const actions: Record<string, string> = { navigate: words['keys.navigate'], select: words['keys.select'], all: words['keys.all'], invert: words['keys.invert'], submit: words['keys.submit'] };
  const keyNames: Record<string, string> = { space: words['keys.space'] };
  return (keys) => keys.map(([key, action]) => `${styleText('bold', keyNames[key] ?? key)} ${styleText('dim', actions[action] ?? action)}`).join(styleText('dim', ' • '));
}

/**
 * Inquirer prompts reading `io.stdin` and drawing on `io.stderr`, asking in `locale`. Standard input that ends
 * before an answer (a script with no terminal, `< /dev/null`) is a usage error naming the flag to pass, never a hang.
 */
export function terminalPrompter(io: CommandIO, locale: Locale): Prompter {
  let ended = false;
  let pending: AbortController | undefined;
  io.stdin.once('end', () => {
    ended = true;
    const current = pending;
    // The last answer's keys arrive just before the end; give that prompt a moment to settle before giving up on it.
    setTimeout(() => current?.abort(), 50);
  });

  async function ask<T>(question: Question, run: (context: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal: AbortSignal }) => Promise<T>): Promise<T> {
    const missing = () => new UsageError(`missing --${question.flag} (no answer to "${question.message}" on standard input; pass --${question.flag} or run the command in a terminal)`);
    if (ended) throw missing();
    const controller = new AbortController();
    pending = controller;
    try {
      return await run({ input: io.stdin, output: io.stderr, signal: controller.signal });
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortPromptError') throw missing();
      throw error;
    } finally {
      pending = undefined;
    }
  }

  // Every language shares the one reader of standard input above, so switching language never loses its end.
  function speaking(language: Locale): Prompter {
    const words = cliText(language);
    const theme = { style: { keysHelpTip: keysHelpTip(words) } };
    return {
      locale: language,
      words,
      inLocale: speaking,
      text: (question) =>
        ask(question, (context) =>
          input(
            {
              message: question.message,
              ...(question.default !== undefined && question.default !== '' ? { default: question.default, prefill: question.editable ? 'editable' : 'tab' } : {}),
              ...(question.validate ? { validate: question.validate } : {}),
            },
            context,
          ),
        ),
      choose: (question) =>
        ask(question, (context) =>
          select({ message: question.message, choices: withGroups(question.choices), ...(question.default !== undefined ? { default: question.default } : {}), pageSize: 12, theme }, context),
        ),
      chooseMany: (question) =>
        ask(question, (context) =>
          checkbox(
            {
              message: question.message,
              choices: withGroups(question.choices),
              // Inquirer's own "required" says so in English; this says it in the prompter's language.
              validate: (selected) => !question.required || selected.length > 0 || words['choose.atLeastOne'],
              pageSize: 12,
              theme,
            },
            context,
          ),
        ),
    };
  }

  return speaking(locale);
}

/**
 * Asks for a time as people type it, re-asking until it reads as one and `check` accepts it. `name` says which
 * question a refusal is about (`detection time: …`), since the answer is checked where it is asked, not as a flag.
 */
export async function askInstant(
  prompter: Prompter,
  question: Question & { default?: string; name?: string; check?: (ms: number) => string | true; read?: (text: string) => TypedInstant },
  timeZone: string,
  nowMs: number,
): Promise<number> {
  const read = question.read ?? ((text: string) => parseTypedInstant(text, timeZone, nowMs));
  const refusal = (problem: string) => (question.name ? prompter.words['answer.refused'](question.name, problem) : problem);
  const validate = (text: string): string | true => {
    const parsed = read(text);
    if ('error' in parsed) return refusal(prompter.words['time.unreadable'](text.trim(), parsed.error, parsed.refusal));
    const checked = question.check?.(parsed.ms) ?? true;
    return checked === true ? true : refusal(checked);
  };
  const answer = await prompter.text({ flag: question.flag, message: question.message, ...(question.default !== undefined ? { default: question.default } : {}), validate });
  const parsed = read(answer);
  if ('error' in parsed) throw new UsageError(`--${question.flag}: ${parsed.error}`);
  return parsed.ms;
}

/** Text the command offers (a templated message, notes): the flag's value, else the offer, ready to edit when asked. */
export function askOffered(prompter: Prompter, io: CommandIO, value: string | undefined, question: Question & { offered: string }): Promise<string> {
  return given(value, question.offered, io, () =>
    prompter.text({ flag: question.flag, message: question.message, default: question.offered, editable: true, validate: (answer) => answer.trim() !== '' || prompter.words['answer.needed'] }),
  );
}
