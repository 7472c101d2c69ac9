// `npm run new:update -- <id>`: appends a status update to an incident (see src/cli/update-incident.ts).
import { processIO } from '../src/cli/command.ts';
import { newUpdate } from '../src/cli/update-incident.ts';

// exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it short.
process.exitCode = await newUpdate(process.argv.slice(2), processIO());
