// A further note on a resolved incident: new:update without --status keeps the status, so after a resolution it
// adds another "resolved" update (the root cause found, a postmortem to follow), and the resolution stays the
// instant the incident ended, for the check, the figures and the notices.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationEvents } from '../src/lib/notify/notification-events.ts';
import { loadSite } from '../src/validation/load-site.ts';
import { exampleSiteCopy } from './helpers/commands.ts';
import { runScript } from './helpers/sites.ts';

let root: string;
const FILE = 'incidents/2026/INC-20261126-001/index.md';

beforeAll(async () => {
  root = await exampleSiteCopy();
  const open = runScript('new-incident.ts', ['--root', root, '--title', 'Search slow', '--severity', 'P3', '--service', 'cache:degraded', '--impact', '', '--commander', '', '--status', 'investigating', '--lang', 'en', '--started', 'now', '--detected', 'now', '--message', 'Searches are slow.'], { AFTERMATH_NOW: '2026-11-26T03:00:00Z' });
  expect(open.status, open.stderr).toBe(0);
  const resolved = runScript('resolve.ts', ['INC-20261126-001', '--root', root, '--lang', 'en', '--message', 'Searches are fast again.'], { AFTERMATH_NOW: '2026-11-26T04:00:00Z' });
  expect(resolved.status, resolved.stderr).toBe(0);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a further note on a resolved incident', () => {
  it('is written as a resolved update after the resolution, which stays where it was', async () => {
    const note = runScript('new-update.ts', ['INC-20261126-001', '--root', root, '--lang', 'en', '--message', 'Root cause: a bad index. A postmortem follows.'], { AFTERMATH_NOW: '2026-11-26T05:00:00Z' });
    expect(note.status, note.stderr).toBe(0);
    const text = await readFile(path.join(root, FILE), 'utf8');
    expect(text).toContain('\nresolved: 2026-11-26T12:00:00+08:00\n');
    expect(text).toContain('  - at: 2026-11-26T12:00:00+08:00\n    status: resolved\n    message: Searches are fast again.\n  - at: 2026-11-26T13:00:00+08:00\n    status: resolved\n    message: "Root cause: a bad index. A postmortem follows."\n');
    const loaded = await loadSite(root, { AFTERMATH_NOW: '2026-11-26T05:00:00Z' });
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    // Told to subscribers as an update, not a second resolution.
    const incident = loaded.ok ? loaded.content.incidents.find((entry) => entry.incident.id === 'INC-20261126-001')!.incident : undefined;
    expect(notificationEvents({ incidents: [incident!], postmortems: [], maintenance: [], baseUrl: 'https://status.example.com/' }).map((event) => event.kind)).toEqual(['incident.created', 'incident.resolved', 'incident.updated']);
  });
});
