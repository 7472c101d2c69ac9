// `npm run resolve -- <id>`: resolves an incident (see src/cli/update-incident.ts).
import { processIO } from '../src/cli/command.ts';
import { resolve } from '../src/cli/update-incident.ts';

// exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it short.
process.exitCode = await resolve(process.argv.slice(2), processIO());
