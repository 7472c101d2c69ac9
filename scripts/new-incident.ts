// `npm run new:incident`: creates a new incident file (see src/cli/new-incident.ts).
import { processIO } from '../src/cli/command.ts';
import { newIncident } from '../src/cli/new-incident.ts';

// exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it short.
process.exitCode = await newIncident(process.argv.slice(2), processIO());
