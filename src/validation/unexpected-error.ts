// An error nobody expected (a bug, not a content problem), told in one line that names the file being read.
/** Carries the content file that was being read when something unexpected was thrown. */
export class CrashWhileReading extends Error {
  readonly file: string;
  constructor(file: string, cause: unknown) {
    super(firstLineOf(cause), { cause });
    this.name = 'CrashWhileReading';
    this.file = file;
  }
}

function firstLineOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}

/** Runs the reading of one file so that anything it throws names that file. */
export async function whileReading<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw error instanceof CrashWhileReading ? error : new CrashWhileReading(file, error);
  }
}

/**
 * The one line a command prints for an unexpected error: which file it was reading, and the reason. Content
 * problems never get here (they are `Problem` lines); set AFTERMATH_DEBUG=1 for the stack as well.
 */
export function unexpectedErrorLine(command: string, error: unknown): string {
  const where = error instanceof CrashWhileReading ? ` while reading ${error.file}` : '';
  return `${command}: stopped on an unexpected error${where}: ${firstLineOf(error)} (a bug in aftermath, not a problem you can fix in the file; please report it with that file)`;
}

/** Prints the one line (and the stack when AFTERMATH_DEBUG is set) for anything thrown past a command's own handling. */
export function reportUnexpectedErrors(command: string): void {
  const report = (error: unknown) => {
    console.error(unexpectedErrorLine(command, error));
    if (process.env.AFTERMATH_DEBUG) console.error(error);
    process.exit(1);
  };
  process.on('uncaughtException', report);
  process.on('unhandledRejection', report);
}
