// Data loss recorded per service with `resolve --data-loss` on a copy of the valid fixture (Europe/Berlin): the
// file gets `dataLoss:` under that service only, and the incident page judges each service against its own RPO.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOf, runScript, VALID_FIXTURE, type CommandResult } from './helpers/sites.ts';

const ID = 'INC-20261127-001';
const FILE = `incidents/2026/${ID}/index.md`;
const RESOLVED_AT = '2026-11-27T09:30:00Z';

let root: string;
let out: string;
let created: CommandResult;
let unknownService: CommandResult;
let malformed: CommandResult;
let beforeRefusals: string;
let afterRefusals: string;
let resolved: CommandResult;
let written: string;
let build: CommandResult;

const run = (script: string, now: string, args: string[]) => runScript(script, [...args, '--root', root], { AFTERMATH_NOW: now });
const page = async (route: string): Promise<HTMLElement> => parse(await readFile(path.join(out, route, 'index.html'), 'utf8'));
const text = (element: HTMLElement | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const incidentFile = () => readFile(path.join(root, FILE), 'utf8');

beforeAll(async () => {
  root = await copyOf(VALID_FIXTURE);
  out = path.join(root, 'dist');
  created = run('new-incident.ts', '2026-11-27T08:35:00Z', [
    '--title', 'Webhook writes dropped', '--severity', 'P2', '--service', 'rest-api:major_outage', '--service', 'web:degraded',
    '--started', '2026-11-27 09:30', '--status', 'investigating', '--message', 'Webhook deliveries fail.',
  ]);
  beforeRefusals = await incidentFile();
  unknownService = run('resolve.ts', RESOLVED_AT, [ID, '--message', 'Fixed.', '--data-loss', 'queue=10m']);
  malformed = run('resolve.ts', RESOLVED_AT, [ID, '--message', 'Fixed.', '--data-loss', 'rest-api=ten minutes']);
  afterRefusals = await incidentFile();
  resolved = run('resolve.ts', RESOLVED_AT, [ID, '--message', 'Fixed; ten minutes of webhook writes were lost.', '--data-loss', 'rest-api=10m']);
  written = await incidentFile();
  build = runScript('build.ts', ['--root', root, '--out', out], { AFTERMATH_NOW: '2026-11-28T12:00:00Z' });
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('resolve --data-loss', () => {
  it('refuses an unknown service and a malformed duration in one line naming --data-loss, writing nothing', () => {
    expect(created.status, created.stderr).toBe(0);
    expect(unknownService.status).toBe(2);
    expect(unknownService.stderr.split('\n')[0]).toBe(`resolve: --data-loss: "queue" is not affected by ${ID} (expected one of: rest-api, web)`);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr.split('\n')[0]).toBe('resolve: --data-loss: found "ten minutes" for "rest-api" (expected a duration such as 15m, 1h or 2d)');
    expect(afterRefusals).toBe(beforeRefusals);
  });

  it('writes dataLoss: under the service that lost data and nowhere else', () => {
    // Resolved at the recovery instant, so only the monitoring-period note may be said.
    expect(resolved.status, resolved.stderr).toBe(0);
    expect(resolved.stderr).not.toContain('data-loss');
    const lines = written.split('\n');
    const restApi = lines.indexOf('  - id: rest-api');
    const web = lines.indexOf('  - id: web');
    expect(lines.filter((line) => line.includes('dataLoss:'))).toEqual(['    dataLoss: 10m']);
    const at = lines.indexOf('    dataLoss: 10m');
    expect(at > restApi && at < web).toBe(true);
  });

  it('shows each service’s data loss and judges it against that service’s RPO', async () => {
    expect(build.status, build.stderr).toBe(0);
    const incident = await page(`incidents/${ID}`);
    const facts = Object.fromEntries(incident.querySelectorAll('.facts dt').map((dt) => [text(dt), text(dt.nextElementSibling)]));
    expect(facts['Data loss window']).toBe('REST API: 10 min');
    const rows = incident.querySelectorAll('.targets-box tbody tr').map((row) => [text(row.querySelector('th')), ...row.querySelectorAll('td').map(text)]);
    // REST API, RPO 1 min: lost 10 min → 1 - 10 = -9, missed by 9 min.
    expect(rows.find((row) => row[0] === 'Data loss window: REST API')).toEqual(['Data loss window: REST API', '10 min', 'RPO 1 min', '✗ missed (over 9 min)']);
    // Website, RPO 5 min: lost nothing → 5 - 0 = 5 min to spare, met.
    expect(rows.find((row) => row[0] === 'Data loss window: Website')).toEqual(['Data loss window: Website', '0 s', 'RPO 5 min', '✓ met (margin 5 min)']);
  });
});
