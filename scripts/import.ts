// `npm run import -- --from statuspage|cstate <folder>`: another status page's history as aftermath files (see src/cli/import.ts).
import { processIO } from '../src/cli/command.ts';
import { importHistory } from '../src/cli/import.ts';

// exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it short.
process.exitCode = await importHistory(process.argv.slice(2), processIO());
