// `npm run new:postmortem -- <id>`: drafts the postmortem of an incident (see src/cli/new-postmortem.ts).
import { processIO } from '../src/cli/command.ts';
import { newPostmortem } from '../src/cli/new-postmortem.ts';

// exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it short.
process.exitCode = await newPostmortem(process.argv.slice(2), processIO());
