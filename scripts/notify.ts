// `npm run notify`: sends what content/notifications.yaml routes, once each (see src/cli/notify.ts).
import { processIO } from '../src/cli/command.ts';
import { notify } from '../src/cli/notify.ts';

// exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it short.
process.exitCode = await notify(process.argv.slice(2), processIO());
