// A bug reached while reading content is told in one line naming the file, by the check, the build and the
// commands alike; never a stack trace, never blamed on the person's file format.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCommand, type CommandIO } from '../../src/cli/command.ts';
import { unexpectedErrorLine, whileReading } from '../../src/validation/unexpected-error.ts';

const FILE = 'incidents/2026/INC-20261120-001/index.md';

function ioCollecting(): { io: CommandIO; stderr: () => string } {
  const stderr = new PassThrough();
  let written = '';
  stderr.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr, env: {}, interactive: false, cwd: '/', clockMs: () => 0 } as unknown as CommandIO;
  return { io, stderr: () => written };
}

describe('an unexpected error while reading a file', () => {
  it('names the file and gives the first line of the reason', async () => {
    const error = await whileReading(FILE, async () => {
      throw new TypeError('Cannot read properties of undefined (reading "at")\n    at somewhere (file.ts:1:1)');
    }).catch((caught: unknown) => caught);
    expect(unexpectedErrorLine('check', error)).toBe(
      `check: stopped on an unexpected error while reading ${FILE}: Cannot read properties of undefined (reading "at") (a bug in aftermath, not a problem you can fix in the file; please report it with that file)`,
    );
  });

  it('keeps the innermost file when readings nest', async () => {
    const error = await whileReading('content/site.yaml', () => whileReading(FILE, async () => Promise.reject(new Error('boom')))).catch((caught: unknown) => caught);
    expect(unexpectedErrorLine('build', error)).toContain(`while reading ${FILE}: boom`);
  });

  it('is one line and exit 1 from a comms command, with no stack', async () => {
    const { io, stderr } = ioCollecting();
    const code = await runCommand('new:update', 'usage: …', io, () => whileReading(FILE, async () => Promise.reject(new RangeError('Invalid time value\n    at Date.toISOString'))));
    expect(code).toBe(1);
    expect(stderr()).toBe(`new:update: stopped on an unexpected error while reading ${FILE}: Invalid time value (a bug in aftermath, not a problem you can fix in the file; please report it with that file)\n`);
  });
});
