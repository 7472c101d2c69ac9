// `npm run notify`: sends what content/notifications.yaml routes, once each (see src/cli/notify.ts).
import { processIO } from '../src/cli/command.ts';
import { notify } from '../src/cli/notify.ts';

// `npm run notify -- --dry-run | head`: a reader that stops reading is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it short.
process.exitCode = await notify(process.argv.slice(2), processIO());
