// `npm run new:maintenance`: schedules a maintenance window (see src/cli/new-maintenance.ts).
import { processIO } from '../src/cli/command.ts';
import { newMaintenance } from '../src/cli/new-maintenance.ts';

// exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it short.
process.exitCode = await newMaintenance(process.argv.slice(2), processIO());
