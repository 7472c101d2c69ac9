// `npm run publish:postmortem -- <id>`: publishes an incident's postmortem (see src/cli/publish-postmortem.ts).
import { processIO } from '../src/cli/command.ts';
import { publishPostmortem } from '../src/cli/publish-postmortem.ts';

// exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it short.
process.exitCode = await publishPostmortem(process.argv.slice(2), processIO());
