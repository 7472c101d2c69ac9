// `npm run import` as a team migrating to aftermath runs it: a Statuspage dump written from the documented API
// fields and cState's own example site, each into a new site that passes the check and builds, read back as a
// reader and an API client would; into a site that already has services; twice; and with every kind of bad input.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { treeSnapshot } from './helpers/commands.ts';
import { PROJECT, runScript, type CommandResult } from './helpers/sites.ts';

const DUMP = path.join(PROJECT, 'test/fixtures/import/statuspage');
/** cState's own example site (config.yml and content/issues/ at commit 1fb3e0d), kept in the fixtures. */
const CSTATE_EXAMPLE = path.join(PROJECT, 'test/fixtures/import/cstate-example');
const NOW = '2024-06-01T00:00:00Z';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'aftermath-import-'));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function importInto(root: string, args: readonly string[], env: Record<string, string> = {}): CommandResult {
  return runScript('import.ts', [...args, '--root', root], env);
}

/** The page's main text as a reader reads it, a space between elements. */
const textOf = (html: string) =>
  parse(html.replace(/</g, ' <'))
    .querySelector('main')!
    .text.replace(/\s+/g, ' ')
    .trim();

async function frontmatter(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8');
  return parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;
}

describe('a Statuspage dump into a new site', () => {
  let root: string;
  let out: string;
  let first: CommandResult;
  let build: CommandResult;
  beforeAll(async () => {
    root = path.join(scratch, 'from-statuspage');
    out = path.join(scratch, 'from-statuspage-dist');
    first = importInto(root, ['--from', 'statuspage', DUMP, '--now', NOW]);
    build = runScript('build.ts', ['--root', root, '--out', out], { AFTERMATH_NOW: NOW });
  }, 300_000);

  it('reports what it wrote and everything it left out, changed or assumed', () => {
    expect(first.status, first.stderr).toBe(0);
    const lines = first.stdout.split('\n');
    expect(lines).toContain('  services: 5 added (api, website, database, email-notifications, legacy-cdn), 0 already in the site; groups: 3 added');
    expect(lines).toContain('  incidents: 5 written, 0 already imported, 1 not imported');
    expect(lines).toContain('  maintenance windows: 2 written, 0 already imported, 1 not imported');
    expect(first.stdout).toContain('"Some users could not log in" (incd00000001): names no affected service (an aftermath incident needs at least one); not imported');
    expect(first.stdout).toContain('"Network work" (mnt000000003): names no service (an aftermath maintenance window needs at least one); not imported');
    expect(first.stdout).toContain('update "investigating" at 2024-03-10T04:00:00-07:00 follows "resolved"; recorded as "reopened"');
    expect(first.stdout).toContain('goes back from "monitoring" to "investigating"; recorded as "monitoring"');
    expect(first.stdout).toContain('raw HTML shown as text');
    // What the dump's reader noticed names the file it became, as every other line about an incident does.
    expect(lines).toContain('  incidents.json: "Website slow to load" (incb00000001) → INC-20240520-002: "Website": no status changes recorded in the updates; impaired for the whole incident at the incident\'s impact "minor" (degraded)');
    expect(first.stdout).toContain('set rto 1h, rpo 15m, availability 99.9%');
  });

  it('takes the page\'s name, address and time zone for the new site', async () => {
    const site = parseYaml(await readFile(path.join(root, 'content/site.yaml'), 'utf8')) as Record<string, unknown>;
    expect(site).toMatchObject({ name: 'Acme Status', baseUrl: 'https://status.acme.example', timeZone: 'America/Tijuana', defaultLocale: 'en' });
  });

  it('keeps groups, descriptions and the start of each component\'s record', async () => {
    const services = parseYaml(await readFile(path.join(root, 'content/services.yaml'), 'utf8')) as { groups: { id: string; name: string }[]; services: Record<string, unknown>[] };
    expect(services.groups.map((group) => [group.id, group.name])).toEqual([
      ['core', 'Core'],
      ['data', 'Data'],
      ['services', 'Services'],
    ]);
    expect(services.services.map((service) => [service.id, service.group])).toEqual([
      ['api', 'core'],
      ['website', 'core'],
      ['database', 'data'],
      ['email-notifications', 'services'],
      ['legacy-cdn', 'services'],
    ]);
    expect(services.services[0]).toMatchObject({ name: 'API', description: 'REST API and webhooks.', since: '2023-01-01', rto: '1h', rpo: '15m', availability: '99.9%' });
    // Statuspage's only_show_if_degraded.
    expect(services.services[3]).toMatchObject({ id: 'email-notifications', showOnlyWhenImpaired: true });
  });

  it('keeps a maintenance window\'s updates, its end where it completed', async () => {
    const upgrade = await frontmatter(path.join(root, 'content/maintenance/2024-04-14-database-upgrade.md'));
    expect(upgrade).toMatchObject({ start: '2024-04-14T01:00:00-07:00', end: '2024-04-14T02:50:00-07:00', services: ['database'], importedFrom: 'statuspage:mnt000000001' });
    expect((upgrade.updates as { status: string }[]).map((update) => update.status)).toEqual(['scheduled', 'in_progress', 'verifying', 'completed']);
  });

  it('numbers incidents by their local start day and keeps each component\'s outage times', async () => {
    // 20:00 on April 30 in Tijuana is May 1 in UTC: the id and year folder follow the site's zone.
    expect(existsSync(path.join(root, 'incidents/2024/INC-20240430-001/index.md'))).toBe(true);
    // Two incidents on May 20, local time, numbered in start order.
    const api = await frontmatter(path.join(root, 'incidents/2024/INC-20240520-001/index.md'));
    expect(api).toMatchObject({ title: 'Elevated API errors', severity: 'P1', started: '2024-05-20T10:00:00-07:00', detected: '2024-05-20T10:05:00-07:00', resolved: '2024-05-20T11:30:00-07:00', importedFrom: 'statuspage:inca00000001' });
    // The API went partial_outage at the first update and operational at the resolution.
    expect(api.services).toEqual([{ id: 'api', impact: 'partial_outage', start: '2024-05-20T10:05:00-07:00' }]);
    expect((api.updates as { status: string }[]).map((update) => update.status)).toEqual(['investigating', 'fixing', 'monitoring', 'resolved']);
    const website = await frontmatter(path.join(root, 'incidents/2024/INC-20240520-002/index.md'));
    expect(website).toMatchObject({ severity: 'P2', resolved: '2024-05-20T19:00:00-07:00', services: [{ id: 'website', impact: 'degraded' }] });
    // Statuspage's postmortem update closes the incident.
    expect((website.updates as { status: string }[]).map((update) => update.status)).toEqual(['investigating', 'resolved', 'closed']);
  });

  it('keeps a reopened outage across the DST change as two windows, figures worked by hand', async () => {
    const failover = await frontmatter(path.join(root, 'incidents/2024/INC-20240310-001/index.md'));
    expect(failover.services).toEqual([
      {
        id: 'database',
        impact: 'major_outage',
        windows: [{ start: '2024-03-10T01:30:00-08:00', end: '2024-03-10T03:30:00-07:00' }, { start: '2024-03-10T04:00:00-07:00' }],
      },
    ]);
    expect(build.status, build.stderr).toBe(0);
    const page = textOf(await readFile(path.join(out, 'incidents/INC-20240310-001/index.html'), 'utf8'));
    // 01:30 PST (09:30 UTC) to 03:30 PDT (10:30 UTC) is one hour, 04:00 to 05:00 PDT another: 2 h down;
    // started 09:30 UTC, resolved 12:00 UTC: 2 h 30 min to resolve.
    expect(page).toContain('Database Major outage Mar 10, 2024, 01:30 PST – Mar 10, 2024, 03:30 PDT Mar 10, 2024, 04:00 PDT – Mar 10, 2024, 05:00 PDT 2 h');
    expect(page).toContain('Time to resolve 2 h 30 min');
    expect(page).toContain('Reopened Mar 10, 2024, 04:00 PDT The failover did not hold; the database is down again.');
  });

  it('builds a site whose pages and API show the imported record', async () => {
    expect(build.status, build.stderr).toBe(0);
    const status = textOf(await readFile(path.join(out, 'index.html'), 'utf8'));
    expect(status).toContain('Email notifications delayed');
    expect(status).toContain('Website maintenance');
    const api = JSON.parse(await readFile(path.join(out, 'api/v2/incidents.json'), 'utf8')) as { incidents: { name: string; status: string }[] };
    expect(api.incidents.map((incident) => [incident.name, incident.status]).sort()).toEqual([
      ['Database failover', 'resolved'],
      ['Elevated API errors', 'resolved'],
      ['Email notifications delayed', 'investigating'],
      ['Legacy CDN errors', 'resolved'],
      ['Website slow to load', 'resolved'],
    ]);
    const maintenance = JSON.parse(await readFile(path.join(out, 'api/v2/scheduled-maintenances.json'), 'utf8')) as { scheduled_maintenances: { name: string; status: string; incident_updates: { status: string; body: string; display_at: string }[] }[] };
    expect(maintenance.scheduled_maintenances.map((window) => [window.name, window.status])).toEqual([
      ['Website maintenance', 'scheduled'],
      ['Database upgrade', 'completed'],
    ]);
    // The window's own updates, newest first, at the times Statuspage showed them (its announcement is its first).
    expect(maintenance.scheduled_maintenances[1]!.incident_updates.slice(0, 4).map((update) => [update.status, update.display_at, update.body])).toEqual([
      ['completed', '2024-04-14T02:50:00-07:00', 'The upgrade is complete.'],
      ['verifying', '2024-04-14T02:40:00-07:00', 'The upgrade is done; we are verifying.'],
      ['in_progress', '2024-04-14T01:00:00-07:00', 'The upgrade has started.'],
      ['scheduled', '2024-04-07T10:00:00-07:00', 'We will upgrade the database. Writes pause for up to two minutes.'],
    ]);
    // The raw <br> is text on the page, never an element.
    const identified = await readFile(path.join(out, 'incidents/INC-20240520-001/index.html'), 'utf8');
    expect(parse(identified).querySelectorAll('.timeline-message').map((message) => message.text.trim())).toContain('A bad deploy is the cause.<br>We are rolling it back.');
    expect(parse(identified).querySelectorAll('main br')).toHaveLength(0);
    // The image from another host is a link to it, not something the page loads.
    const cdn = parse(await readFile(path.join(out, 'incidents/INC-20240430-001/index.html'), 'utf8'));
    expect(cdn.querySelectorAll('main img')).toHaveLength(0);
    expect(cdn.querySelector('main a[href="https://cdn.acme.example/graph.png"]')?.text).toBe('graph');
  });

  it('writes nothing the second time, and says why', async () => {
    const before = await treeSnapshot(root);
    const again = importInto(root, ['--from', 'statuspage', DUMP, '--now', NOW]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('  incidents: 0 written, 5 already imported, 1 not imported');
    expect(again.stdout).toContain('  maintenance windows: 0 written, 2 already imported, 1 not imported');
    expect(again.stdout).toContain('  services: 0 added, 5 already in the site; groups: 0 added');
    expect(again.stdout).toContain('nothing to write: everything in the source is already in the site');
    expect(await treeSnapshot(root)).toEqual(before);
  });
});

describe('cState\'s own example site into a new site', () => {
  let cstate: string;
  let root: string;
  let out: string;
  let result: CommandResult;
  let build: CommandResult;
  beforeAll(async () => {
    cstate = CSTATE_EXAMPLE;
    root = path.join(scratch, 'from-cstate');
    out = path.join(scratch, 'from-cstate-dist');
    result = importInto(root, ['--from', 'cstate', cstate, '--now', '2026-11-28T00:00:00Z']);
    build = runScript('build.ts', ['--root', root, '--out', out], { AFTERMATH_NOW: '2026-11-28T00:00:00Z' });
  }, 300_000);

  it('imports its eight incidents and lists the three informational posts it leaves out', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('  services: 5 added (gateway, backup-gateway, website, api, media-proxy), 0 already in the site; groups: 2 added');
    expect(result.stdout).toContain('  incidents: 8 written, 0 already imported, 3 not imported');
    for (const file of ['2023-04-16-formatting-testing.md', '2024-05-23-planning-meeting.md', 'i-testing-cstate-functions.md']) {
      expect(result.stdout).toMatch(new RegExp(`content/issues/${file.replace('.', '\\.')}: ".*" is an informational post`));
    }
    // The example's update times contradict its front matter: each move is said.
    expect(result.stdout).toContain('update "Resolved" is timed 2018-05-25T05:54:00Z, after the incident resolved 2018-04-25T04:13:59Z; placed at 2018-04-25T04:13:59Z');
    expect(result.stdout).toContain('no timeZone: times written without an offset read in UTC');
  });

  it('maps severity, affected systems and the track-timed updates', async () => {
    const guilds = await frontmatter(path.join(root, 'incidents/2018/INC-20180413-001/index.md'));
    expect(guilds).toMatchObject({
      title: 'Unavailable Guilds & Connection Issues',
      started: '2018-04-13T15:54:00Z',
      resolved: '2018-04-13T17:30:00Z',
      services: [
        { id: 'api', impact: 'major_outage' },
        { id: 'media-proxy', impact: 'major_outage' },
      ],
      importedFrom: 'cstate:2018-04-13-unavailable-guilds-connection-issues.md',
    });
    expect((guilds.updates as { at: string; status: string }[]).map((update) => [update.at, update.status])).toEqual([
      ['2018-04-13T15:54:00Z', 'investigating'],
      ['2018-04-13T16:50:00Z', 'monitoring'],
      ['2018-04-13T17:30:00Z', 'monitoring'],
      ['2018-04-13T17:30:00Z', 'resolved'],
    ]);
    // "down" is the second most severe level of P0-P3 (Statuspage's major); "disrupted" the first minor one.
    expect(guilds.severity).toBe('P1');
    expect((await frontmatter(path.join(root, 'incidents/2024/INC-20241224-001/index.md'))).severity).toBe('P2');
    // The text outside the updates is the incident's summary.
    expect(await readFile(path.join(root, 'incidents/2018/INC-20180413-001/index.md'), 'utf8')).toContain('At approximately 14:01, a Redis instance');
  });

  it('builds, with the unresolved issue open on the status page', async () => {
    expect(build.status, build.stderr).toBe(0);
    const status = textOf(await readFile(path.join(out, 'index.html'), 'utf8'));
    expect(status).toContain('API DNS resolution error!');
    const history = await readFile(path.join(out, 'incidents/index.html'), 'utf8');
    expect(parse(history).querySelectorAll('main a[href*="/incidents/INC-"]').map((link) => link.getAttribute('href'))).toHaveLength(8);
  });
});

describe('into a site that already has services', () => {
  const SITE_NOW = '2026-11-26T12:00:00Z';
  let root: string;
  beforeAll(async () => {
    root = path.join(scratch, 'existing');
    await cp(path.join(PROJECT, 'test/fixtures/empty-site'), root, { recursive: true });
  });

  it('reuses a service of the same name, appends the rest below the file\'s own and maps severity as asked', async () => {
    const before = await readFile(path.join(root, 'content/services.yaml'), 'utf8');
    // The site's own "now" (its web service is tracked since 2025): the dump's history is older, which is fine.
    const result = importInto(root, ['--from', 'statuspage', DUMP, '--now', SITE_NOW, '--severity', 'major=P1,critical=P1', '--availability', '99.5%']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('  services: 4 added (api, database, email-notifications, legacy-cdn), 1 already in the site; groups: 3 added');
    const after = await readFile(path.join(root, 'content/services.yaml'), 'utf8');
    expect(after.startsWith(before.trimEnd().split('\nservices:')[0]!)).toBe(true);
    const services = parseYaml(after) as { services: { id: string; availability?: string }[] };
    expect(services.services.map((service) => service.id)).toEqual(['web', 'rest-api', 'api', 'database', 'email-notifications', 'legacy-cdn']);
    expect(services.services[2]!.availability).toBe('99.5%');
    // "Website" is the site's own `web`; 18:00 in Tijuana on May 20 is 03:00 on May 21 in this site's Berlin.
    expect((await frontmatter(path.join(root, 'incidents/2024/INC-20240521-001/index.md')))).toMatchObject({ started: '2024-05-21T03:00:00+02:00', services: [{ id: 'web', impact: 'degraded' }] });
    expect((await frontmatter(path.join(root, 'incidents/2024/INC-20240520-001/index.md'))).severity).toBe('P1');
    expect((await frontmatter(path.join(root, 'incidents/2024/INC-20240310-001/index.md'))).severity).toBe('P1');
    const check = runScript('check.ts', ['--root', root], { AFTERMATH_NOW: SITE_NOW });
    expect(check.stdout).toContain('ok: 5 incidents, 0 postmortems, 2 maintenance windows, 6 services checked');
  });

  it('refuses new-site settings on a site that has its own', () => {
    const result = importInto(root, ['--from', 'statuspage', DUMP, '--now', SITE_NOW, '--time-zone', 'UTC']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('import: --time-zone: only for a new site');
  });
});

describe('bad input', () => {
  async function dumpWith(files: Record<string, string>): Promise<string> {
    const folder = await mkdtemp(path.join(scratch, 'dump-'));
    await cp(DUMP, folder, { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
    return folder;
  }

  async function expectRefused(args: readonly string[], status: number, message: string | RegExp): Promise<void> {
    const root = path.join(await mkdtemp(path.join(scratch, 'refused-')), 'site');
    const result = importInto(root, [...args, '--now', NOW]);
    expect(result.status, result.stdout).toBe(status);
    expect(result.stderr).toMatch(message);
    expect(existsSync(root), 'nothing written').toBe(false);
  }

  it('a dump file that is not JSON', async () => {
    await expectRefused(['--from', 'statuspage', await dumpWith({ 'incidents.json': '{"incidents": [' })], 1, /^import: incidents\.json: not JSON \(.*\); nothing was written$/m);
  });

  it('an incident without the documented created_at', async () => {
    const incidents = JSON.parse(await readFile(path.join(DUMP, 'incidents.json'), 'utf8')) as { incidents: Record<string, unknown>[] };
    delete incidents.incidents[1]!.created_at;
    await expectRefused(['--from', 'statuspage', await dumpWith({ 'incidents.json': JSON.stringify(incidents) })], 1, 'import: incidents.json: incidents[1].created_at: missing; nothing was written');
  });

  it('an instant without an offset', async () => {
    const text = (await readFile(path.join(DUMP, 'incidents.json'), 'utf8')).replace('"2024-05-25T09:00:00.000-07:00"', '"2024-05-25 09:00"');
    await expectRefused(['--from', 'statuspage', await dumpWith({ 'incidents.json': text })], 1, /incidents\.json: incidents\[1\]\.created_at: found "2024-05-25 09:00" \(expected an ISO 8601 instant with an offset/);
  });

  it('a folder that is no dump', async () => {
    await expectRefused(['--from', 'statuspage', scratch], 1, `import: no components.json in ${scratch}`);
  });

  it('a cState site without its config, or with TOML', async () => {
    const folder = await mkdtemp(path.join(scratch, 'cstate-'));
    await expectRefused(['--from', 'cstate', folder], 1, /no config\.yml in .*expected a cState site/);
    await writeFile(path.join(folder, 'config.toml'), 'title = "x"\n');
    await expectRefused(['--from', 'cstate', folder], 1, /config\.toml: TOML configuration is not read/);
    await writeFile(path.join(folder, 'config.yml'), 'title: x\nparams: {}\n');
    await expectRefused(['--from', 'cstate', folder], 1, 'import: config.yml: params.systems: missing');
  });

  it('command-line mistakes', async () => {
    await expectRefused(['--from', 'upptime', DUMP], 2, 'import: --from: found "upptime" (expected one of: statuspage, cstate)');
    await expectRefused(['--from', 'statuspage'], 2, 'missing the folder to import from');
    await expectRefused(['--from', 'statuspage', DUMP, '--severity', 'down=P1'], 2, '--severity: found "down=P1" (expected <statuspage severity>=<level>, the severity one of: critical, major, minor, none)');
    await expectRefused(['--from', 'statuspage', DUMP, '--severity', 'major=SEV1'], 2, '--severity: level "SEV1" in "major=SEV1" is not in content/severity.yaml (expected one of: P0, P1, P2, P3)');
    await expectRefused(['--from', 'statuspage', DUMP, '--availability', '80%'], 2, '--availability: found "80%" (expected a percentage between 90 and 100');
    await expectRefused(['--from', 'statuspage', DUMP, '--base-url', 'status.acme.example'], 2, '--base-url:');
  });

  it('a record the check refuses: the message names where in the source it came from, and no folder is left', async () => {
    const incidents = JSON.parse(await readFile(path.join(DUMP, 'incidents.json'), 'utf8')) as { incidents: { incident_updates: { body: string }[] }[] };
    // 200 KB of text in one update: the check refuses files over 128 KB.
    incidents.incidents[3]!.incident_updates[0]!.body = 'x'.repeat(200_000);
    const dump = await dumpWith({ 'incidents.json': JSON.stringify(incidents) });
    const root = path.join(scratch, 'refused-by-check');
    const dry = importInto(root, ['--from', 'statuspage', dump, '--now', NOW, '--dry-run']);
    expect(dry.status).toBe(1);
    expect(dry.stderr).toMatch(/^incidents\/2024\/INC-20240520-001\/index\.md:1: file: is \d+ KB \(expected at most 128 KB.*\) \[from incidents\.json: "Elevated API errors" \(inca00000001\)\]$/m);
    await expectRefused(['--from', 'statuspage', dump], 1, /the result would not pass the check \(1 problem\); nothing was changed\n.*\[from incidents\.json: "Elevated API errors" \(inca00000001\)\]/);
  });

  it('--dry-run reports and writes nothing', async () => {
    const root = path.join(scratch, 'dry');
    const result = importInto(root, ['--from', 'statuspage', DUMP, '--now', NOW, '--dry-run']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('  incidents: 5 would be written, 0 already imported, 1 not imported');
    expect(result.stdout).toContain('the result passes the check; nothing was written (--dry-run)');
    expect(existsSync(root)).toBe(false);
  });
});
