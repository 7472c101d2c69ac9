// A severity level can say its incidents need no postmortem: they can be closed without one and are never shown
// as overdue, while other levels still need theirs.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOf, runScript, VALID_FIXTURE } from './helpers/sites.ts';

const NOW = '2026-11-26T12:00:00Z';
const INCIDENT = 'incidents/2026/INC-20261120-001/index.md';
let root: string;

beforeAll(async () => {
  root = await copyOf(VALID_FIXTURE);
  const severity = path.join(root, 'content/severity.yaml');
  const text = await readFile(severity, 'utf8');
  // P4 is the last level; its deadline is the last postmortemDue line.
  const lastDue = text.lastIndexOf('postmortemDue: 14d');
  expect(lastDue).toBeGreaterThan(0);
  await writeFile(severity, `${text.slice(0, lastDue)}postmortemDue: none${text.slice(lastDue + 'postmortemDue: 14d'.length)}`);
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a level whose postmortemDue is none', () => {
  it('lets the comms lead close its incident without a postmortem', async () => {
    const resolve = runScript('resolve.ts', ['--root', root, 'INC-20261120-001', '--message', 'Pages are fast again.', '--now', '2026-11-26T10:00:00Z']);
    expect(resolve.status, resolve.stderr).toBe(0);
    const close = runScript('new-update.ts', ['--root', root, 'INC-20261120-001', '--status', 'closed', '--message', 'Closed; no postmortem is needed for a P4.', '--now', NOW]);
    expect(close.status, close.stderr).toBe(0);
    expect(await readFile(path.join(root, INCIDENT), 'utf8')).toContain('status: closed');
    expect(runScript('check.ts', ['--root', root], { AFTERMATH_NOW: NOW }).status).toBe(0);
  });

  it('still refuses to close an incident of a level that needs a postmortem', () => {
    // INC-20261115-001 is a P3, resolved, with no published postmortem.
    const close = runScript('new-update.ts', ['--root', root, 'INC-20261115-001', '--status', 'closed', '--message', 'Closing.', '--now', NOW]);
    expect(close.status).toBe(1);
    expect(close.stderr).toContain('status: "closed" is for when the postmortem is published');
  });
});
