// `npm run maintenance:update -- <window id> --action …`: an update to a maintenance window (see src/cli/update-maintenance.ts).
import { processIO } from '../src/cli/command.ts';
import { updateMaintenance } from '../src/cli/update-maintenance.ts';

// exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it short.
process.exitCode = await updateMaintenance(process.argv.slice(2), processIO());
