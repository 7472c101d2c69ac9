// `npm run init` as a new team runs it: on a clone of the example (a git repository), with flags and at a
// terminal; what it refuses, and that the new site checks and builds right after.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { init } from '../../src/cli/init.ts';
import { KEY, scriptedTerminal, treeSnapshot as fullSnapshot } from '../helpers/commands.ts';
import { EXAMPLE_FIXTURE, runScript } from '../helpers/sites.ts';

// 10:00 in Shanghai on 27 November 2026.
const NOW = '2026-11-27T02:00:00Z';
const roots: string[] = [];

/** The site's files, without git's own (git status refreshes its index, which is no change to the site). */
async function treeSnapshot(root: string): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await fullSnapshot(root)).filter(([file]) => file !== '.git' && !file.startsWith('.git/')));
}

const git = (root: string, ...args: string[]) => spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: root, encoding: 'utf8' });

/** A clone of the example as a team has it: content committed in a git repository. */
async function exampleRepository(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'aftermath-init-'));
  roots.push(root);
  await cp(EXAMPLE_FIXTURE, root, { recursive: true });
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-qm', 'example');
  return root;
}

const FLAGS = [
  '--name', 'Acme 状态',
  '--base-url', 'https://acme.github.io/status/',
  '--locale', 'zh-CN',
  '--time-zone', 'Asia/Shanghai',
  '--severity', 'P1-P4',
  '--group', 'core:核心服务',
  '--group', 'data:数据服务',
  '--service', 'api:公开接口:core:15m:5m:99.9%',
  '--service', 'db:数据库:data:1h:15m:99.95%',
];

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('npm run init with flags on the example', () => {
  let root: string;
  let result: ReturnType<typeof runScript>;

  beforeAll(async () => {
    root = await exampleRepository();
    result = runScript('init.ts', [...FLAGS, '--yes', '--root', root], { AFTERMATH_NOW: NOW });
  });

  it('replaces the example content with the new site and says what to do next', async () => {
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('wrote content/maintenance/README.md\nwrote content/services.yaml\nwrote content/severity.yaml\nwrote content/site.yaml\nwrote incidents/README.md\n');
    expect(result.stderr).toContain('init: next: npm run check && npm run build');
    expect(Object.keys(await treeSnapshot(root)).filter((file) => /^(content|incidents|public)\//.test(file) && !file.endsWith('/'))).toEqual(
      expect.arrayContaining(['content/site.yaml', 'content/services.yaml', 'content/severity.yaml', 'content/maintenance/README.md', 'incidents/README.md']),
    );
    const site = await readFile(path.join(root, 'content/site.yaml'), 'utf8');
    expect(site).toContain('name: Acme 状态\nbaseUrl: https://acme.github.io/status/\ndefaultLocale: zh-CN\ntimeZone: Asia/Shanghai\nseverityScheme: P1-P4\n');
    const services = await readFile(path.join(root, 'content/services.yaml'), 'utf8');
    // Tracked from today in Shanghai, so the 89 days before show "no data", not 100%.
    expect(services).toContain('  - id: db\n    name: 数据库\n    group: data\n    rto: 1h\n    rpo: 15m\n    availability: 99.95%\n    since: 2026-11-27\n');
    const severity = await readFile(path.join(root, 'content/severity.yaml'), 'utf8');
    // The emergency response manual's P1: respond and recover (RTO) within 15 minutes, update every 15.
    expect(severity).toContain('  - id: P1\n    name: 紧急事故\n    names:\n      en: Critical\n');
    expect(severity).toMatch(/- id: P1\n(?: {4}.*\n)*? {4}resolutionTime: 15m\n {4}updateCadence: 15m\n/);
    expect(git(root, 'status', '--porcelain', '--', 'incidents').stdout).toContain(' D incidents/2026/INC-20261125-001/index.md');
  });

  it('leaves a site that passes the check and builds: every service operational, no incident', async () => {
    const check = runScript('check.ts', ['--root', root], { AFTERMATH_NOW: NOW });
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toBe('ok: 0 incidents, 0 postmortems, 0 maintenance windows, 2 services checked\n');
    const out = path.join(root, 'dist');
    const build = runScript('build.ts', ['--root', root, '--out', out], { AFTERMATH_NOW: NOW });
    expect(build.status, build.stderr).toBe(0);
    const home = parse(await readFile(path.join(out, 'index.html'), 'utf8'));
    expect(home.querySelector('html')?.getAttribute('lang')).toBe('zh-CN');
    expect(home.querySelector('#overall-status')?.textContent.trim()).toBe('所有系统运行正常');
    expect(home.querySelectorAll('.service .service-name').map((element) => element.textContent)).toEqual(['公开接口', '数据库']);
    expect(parse(await readFile(path.join(out, 'services/api/index.html'), 'utf8')).querySelectorAll('.day-no-data')).toHaveLength(89);
    // Nothing to search yet: the search page says so and loads nothing, and the index holds no page (not the
    // action items page, which an index with no marked page would otherwise take whole).
    for (const page of ['search/index.html', 'en/search/index.html']) {
      const search = parse(await readFile(path.join(out, page), 'utf8'));
      expect(search.querySelector('main p:not(.muted)')?.textContent, page).toBe(page.startsWith('en/') ? 'No incidents recorded.' : '暂无事故记录。');
      expect(search.querySelector('#search'), page).toBeNull();
      expect(search.querySelectorAll('main script'), page).toHaveLength(0);
      expect(search.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content'), page).not.toContain('wasm-unsafe-eval');
    }
    const index = JSON.parse(await readFile(path.join(out, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
    expect(index.languages).toEqual({});
  }, 180_000);
});

describe('what init refuses, writing nothing', () => {
  it('uncommitted work in the content folders', async () => {
    const root = await exampleRepository();
    await writeFile(path.join(root, 'content/maintenance/2026-12-24-freeze.md'), 'draft\n');
    const before = await treeSnapshot(root);
    const result = runScript('init.ts', [...FLAGS, '--yes', '--root', root], { AFTERMATH_NOW: NOW });
    expect([result.status, result.stderr.trim()]).toEqual([1, 'init: 1 uncommitted change under content/, incidents/, public/ (content/maintenance/2026-12-24-freeze.md); commit or stash them first, or pass --force to lose them; nothing was changed']);
    expect(await treeSnapshot(root)).toEqual(before);
  });

  it('a folder git cannot speak for, unless --force', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'aftermath-init-'));
    roots.push(root);
    await cp(EXAMPLE_FIXTURE, root, { recursive: true });
    const before = await treeSnapshot(root);
    const result = runScript('init.ts', [...FLAGS, '--yes', '--root', root], { AFTERMATH_NOW: NOW });
    expect([result.status, result.stderr.trim()]).toEqual([1, 'init: cannot tell whether content/, incidents/, public/ hold uncommitted work (not a git repository, or git is missing); pass --force to replace them anyway']);
    expect(await treeSnapshot(root)).toEqual(before);
    const forced = runScript('init.ts', [...FLAGS, '--yes', '--force', '--root', root], { AFTERMATH_NOW: NOW });
    expect(forced.status, forced.stderr).toBe(0);
  });

  it('replacing content without --yes when nobody is at a terminal', async () => {
    const root = await exampleRepository();
    const before = await treeSnapshot(root);
    const result = runScript('init.ts', [...FLAGS, '--root', root], { AFTERMATH_NOW: NOW });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('init: content/, incidents/, public/ hold 34 incidents, 7 postmortems and 2 maintenance windows, which init replaces (expected --yes to confirm)');
    expect(await treeSnapshot(root)).toEqual(before);
  });

  it('values the check would refuse, each named by its flag', async () => {
    const root = await exampleRepository();
    const before = await treeSnapshot(root);
    const cases: [string[], string][] = [
      [['--service', 'api:API:core:fast:5m:99.9%'], 'init: --service: found "fast" (expected a duration such as 15m, 1h or 2d)'],
      [['--service', 'api:API:ops:15m:5m:99.9%'], 'init: --service: group "ops" of "api" is not given with --group (expected one of: core)'],
      [['--service', 'api:API:core:15m:5m:80%'], 'init: --service: found "80%" (expected a percentage between 90 and 100 such as 99.95%)'],
      [['--service', 'API:API:core:15m:5m:99.9%'], 'init: --service: found "API" (expected an id of lower-case letters, digits and dashes)'],
      [['--time-zone', 'Shanghai'], 'init: --time-zone: found "Shanghai" (expected an IANA time zone such as Asia/Shanghai or Europe/Berlin)'],
      [['--severity', 'P1-P5'], 'init: --severity: found "P1-P5" (expected one of: P0-P3, P1-P4)'],
      [['--base-url', 'status.acme.com'], 'init: --base-url: found "status.acme.com"'],
    ];
    for (const [flags, message] of cases) {
      const base = ['--name', 'Acme', '--base-url', 'https://status.acme.com/', '--group', 'core:Core', '--service', 'web:Website:core:1h:15m:99.5%', '--yes'];
      const result = runScript('init.ts', [...base, ...flags, '--root', root], { AFTERMATH_NOW: NOW });
      expect(result.status, message).toBe(2);
      expect(result.stderr.split('\n')[0]).toContain(message);
    }
    expect(await treeSnapshot(root)).toEqual(before);
  });
});

describe('npm run init at a terminal', () => {
  it('asks for everything, offers ids made from the names, and asks before replacing', async () => {
    const root = await exampleRepository();
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: NOW } });
    const done = init(['--root', root], terminal.io);
    await terminal.answer('Site name', `Acme Status${KEY.enter}`);
    await terminal.answer('Address the site is served at', `https://status.acme.com/${KEY.enter}`);
    await terminal.answer('Default language', KEY.enter); // English
    await terminal.answer('Time zone pages are shown in', `${KEY.clearLine}Europe/Berlin${KEY.enter}`);
    await terminal.answer('Severity levels', `${KEY.down}${KEY.enter}`); // P1–P4
    await terminal.answer('First service group', `Core services${KEY.enter}`);
    await terminal.answer('Id for "Core services"', KEY.enter); // core-services, offered
    await terminal.answer('Another group', KEY.enter);
    await terminal.answer('First service', `Public API${KEY.enter}`);
    await terminal.answer('Id for "Public API"', KEY.enter); // public-api
    await terminal.answer('RTO of "Public API"', `${KEY.clearLine}15m${KEY.enter}`);
    await terminal.answer('RPO of "Public API"', KEY.enter); // 15m, offered
    await terminal.answer('Availability target of "Public API"', `${KEY.clearLine}99.95%${KEY.enter}`);
    await terminal.answer('Another service', KEY.enter);
    await terminal.answer('Replace content/, incidents/, public/ (34 incidents, 7 postmortems', `${KEY.down}${KEY.enter}`); // yes
    expect(await done, terminal.screen()).toBe(0);
    const services = await readFile(path.join(root, 'content/services.yaml'), 'utf8');
    expect(services).toContain('groups:\n  - id: core-services\n    name: Core services\nservices:\n  - id: public-api\n    name: Public API\n    group: core-services\n    rto: 15m\n    rpo: 15m\n    availability: 99.95%\n    since: 2026-11-27\n');
    expect(await readFile(path.join(root, 'content/severity.yaml'), 'utf8')).toContain('scheme: P1-P4\n');
    expect(runScript('check.ts', ['--root', root], { AFTERMATH_NOW: NOW }).status).toBe(0);
  }, 60_000);

  it('keeps everything when the answer to replacing is no', async () => {
    const root = await exampleRepository();
    const before = await treeSnapshot(root);
    const terminal = scriptedTerminal({ env: { AFTERMATH_NOW: NOW } });
    const done = init(['--root', root, '--name', 'Acme', '--base-url', 'https://status.acme.com/', '--locale', 'en', '--time-zone', 'UTC', '--severity', 'P0-P3', '--group', 'core:Core', '--service', 'web:Website:core:1h:15m:99.5%'], terminal.io);
    await terminal.answer('Replace content/', KEY.enter); // No, offered
    expect(await done).toBe(1);
    expect(terminal.screen()).toContain('init: kept the content as it was; nothing was changed');
    expect(await treeSnapshot(root)).toEqual(before);
  });
});
