// `npm run init`: replaces the example content with the team's own empty site (see src/cli/init.ts).
import { processIO } from '../src/cli/command.ts';
import { init } from '../src/cli/init.ts';

// exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it short.
process.exitCode = await init(process.argv.slice(2), processIO());
