// Hostile or impossible input is refused by the check with one line naming the file, line and field, never
// followed, skipped without a word or crashed on; the build stops on the same lines and writes nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/validation/load-site.ts';
import { formatProblem } from '../../src/validation/problem.ts';
import { copyOf, runScript, siteWithCase, VALID_FIXTURE } from '../helpers/sites.ts';

const NOW = { AFTERMATH_NOW: '2026-11-26T12:00:00Z' };
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/refused-input');
const INCIDENT = 'incidents/2026/INC-20261120-001/index.md';
const LINK_REFUSED = 'is a symbolic link, which the check and the build never follow (expected the file or folder itself, committed in the repository)';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

async function caseSite(name: string): Promise<string> {
  const root = await siteWithCase(path.join(FIXTURES, name));
  roots.push(root);
  return root;
}

async function validSite(): Promise<string> {
  const root = await copyOf(VALID_FIXTURE);
  roots.push(root);
  return root;
}

async function problemLines(root: string): Promise<string[]> {
  const result = await loadSite(root, NOW);
  return result.ok ? [] : result.problems.map(formatProblem);
}

function expectedOf(name: string): string[] {
  return readFileSync(path.join(FIXTURES, name, 'expected.txt'), 'utf8').trim().split('\n');
}

/** Builds the site and asserts the build printed the lines and left no output and no scratch folder behind. */
async function expectBuildRefuses(root: string, lines: readonly string[]): Promise<string> {
  const out = path.join(root, 'dist');
  const build = runScript('build.ts', ['--root', root, '--out', out], NOW);
  expect(build.status).toBe(1);
  for (const line of lines) expect(build.stderr).toContain(line);
  expect(build.stderr).toContain('nothing was written');
  expect(build.stderr).not.toMatch(/^\s+at /m);
  expect(existsSync(out)).toBe(false);
  expect((await readdir(root)).filter((entry) => entry.startsWith('.build-tmp'))).toEqual([]);
  return build.stderr;
}

const cases = readdirSync(FIXTURES)
  .filter((name) => existsSync(path.join(FIXTURES, name, 'expected.txt')))
  .sort();

describe('the refused-input corpus', () => {
  it('covers every kind of hostile or impossible input', () => {
    expect(cases.length).toBeGreaterThanOrEqual(24);
  });

  describe.concurrent.each(cases)('%s', (name) => {
    it('is reported by the check with the exact file, line, field and expectation', async () => {
      expect(await problemLines(await caseSite(name))).toEqual(expectedOf(name));
    });
  });

  // A build takes seconds; one per kind of refusal (YAML, URL, control character, body) keeps the suite fast.
  describe.each(['yaml-alias-bomb', 'base-url-javascript', 'control-character-in-title', 'second-frontmatter-block-script'])('%s', (name) => {
    it('fails the build, which prints the same lines and writes nothing', async () => {
      await expectBuildRefuses(await caseSite(name), expectedOf(name));
    });
  });
});

describe('links, hidden and special files under content/ and incidents/', () => {
  it('refuses a symbolic link to an incident file and does not read it', async () => {
    const root = await validSite();
    const outside = await mkdtemp(path.join(os.tmpdir(), 'aftermath-outside-'));
    roots.push(outside);
    await writeFile(path.join(outside, 'index.md'), await readFile(path.join(root, INCIDENT), 'utf8'));
    await rm(path.join(root, INCIDENT));
    await symlink(path.join(outside, 'index.md'), path.join(root, INCIDENT));
    expect(await problemLines(root)).toEqual([`${INCIDENT}:1: file: ${LINK_REFUSED}`]);
  });

  describe('a folder linked to /etc', () => {
    let root: string;
    beforeAll(async () => {
      root = await validSite();
      await symlink('/etc', path.join(root, 'incidents/2026/INC-20261125-001'));
    });

    it('is one problem naming the link, never a file behind it', async () => {
      const lines = await problemLines(root);
      expect(lines).toEqual([`incidents/2026/INC-20261125-001:1: file: ${LINK_REFUSED}`]);
      expect(lines.join('\n')).not.toMatch(/passwd|hosts|\/etc/);
    });

    it('is annotated the same way for CI', () => {
      const check = runScript('check.ts', ['--root', root, '--format', 'github'], NOW);
      expect(check.status).toBe(1);
      expect(check.stdout).toBe(`::error file=incidents/2026/INC-20261125-001,line=1,title=file::file: ${LINK_REFUSED}\n`);
    });

    it('fails the build, which publishes nothing from behind the link', async () => {
      const stderr = await expectBuildRefuses(root, [`incidents/2026/INC-20261125-001:1: file: ${LINK_REFUSED}`]);
      expect(stderr).not.toMatch(/passwd/);
    });
  });

  it('refuses a linked content/site.yaml without reading it or calling it missing', async () => {
    const root = await validSite();
    const outside = await mkdtemp(path.join(os.tmpdir(), 'aftermath-outside-'));
    roots.push(outside);
    await writeFile(path.join(outside, 'site.yaml'), await readFile(path.join(root, 'content/site.yaml'), 'utf8'));
    await rm(path.join(root, 'content/site.yaml'));
    await symlink(path.join(outside, 'site.yaml'), path.join(root, 'content/site.yaml'));
    expect(await problemLines(root)).toEqual([`content/site.yaml:1: file: ${LINK_REFUSED}`]);
  });

  it('refuses an image in public/ that is a link to a file outside the repository, and a linked public/ folder', async () => {
    const root = await validSite();
    const outside = await mkdtemp(path.join(os.tmpdir(), 'aftermath-outside-'));
    roots.push(outside);
    await mkdir(path.join(root, 'public/images'), { recursive: true });
    await symlink('/etc/hostname', path.join(root, 'public/images/logo.png'));
    expect(await problemLines(root)).toEqual([`public/images/logo.png:1: file: ${LINK_REFUSED}`]);
    await rm(path.join(root, 'public'), { recursive: true });
    await symlink(outside, path.join(root, 'public'));
    expect(await problemLines(root)).toEqual([
      'public:1: file: is a symbolic link, which the check and the build never follow (expected the folder itself, committed in the repository)',
    ]);
  });

  it('refuses a content file over 128 KB unread, so crafted markdown cannot stall the check', async () => {
    const root = await validSite();
    const file = path.join(root, INCIDENT);
    // 130 KB of emphasis openers: the kind of body a markdown parser spends minutes on.
    await writeFile(file, `${await readFile(file, 'utf8')}\n${'*a_b'.repeat(130 * 256)}\n`);
    expect(await problemLines(root)).toEqual([`${INCIDENT}:1: file: is 131 KB (expected at most 128 KB; move long logs to a linked page)`]);
  });

  it('refuses a linked incidents/ folder', async () => {
    const root = await validSite();
    const outside = await mkdtemp(path.join(os.tmpdir(), 'aftermath-outside-'));
    roots.push(outside);
    await rm(path.join(root, 'incidents'), { recursive: true });
    await symlink(outside, path.join(root, 'incidents'));
    expect(await problemLines(root)).toEqual([
      'incidents:1: file: is a symbolic link, which the check and the build never follow (expected the folder itself, committed in the repository)',
    ]);
  });

  it('refuses a named pipe instead of waiting on it', async () => {
    const root = await validSite();
    execFileSync('mkfifo', [path.join(root, 'incidents/2026/INC-20261120-001/notes')]);
    expect(await problemLines(root)).toEqual(['incidents/2026/INC-20261120-001/notes:1: file: is a named pipe (expected a regular file or folder)']);
  });

  it('allows an empty .gitkeep, the one hidden name, and README notes', async () => {
    const root = await validSite();
    await mkdir(path.join(root, 'incidents/2027'));
    await writeFile(path.join(root, 'incidents/2027/.gitkeep'), '');
    await writeFile(path.join(root, 'incidents/README.md'), '# Incidents\n\nOne folder per incident.\n');
    expect(await problemLines(root)).toEqual([]);
  });
});

describe('input that is fine', () => {
  it('accepts a UTF-8 byte order mark at the start of a data file and of an incident', async () => {
    const root = await validSite();
    for (const file of ['content/site.yaml', INCIDENT]) {
      const full = path.join(root, file);
      await writeFile(full, `\uFEFF${await readFile(full, 'utf8')}`);
    }
    expect(await problemLines(root)).toEqual([]);
  });

  it('accepts February 29 in a leap year and mailto contacts', async () => {
    const root = await validSite();
    const postmortem = path.join(root, 'incidents/2026/INC-20261110-001/postmortem.md');
    await writeFile(postmortem, (await readFile(postmortem, 'utf8')).replace('due: 2026-12-31', 'due: 2028-02-29'));
    const site = path.join(root, 'content/site.yaml');
    await writeFile(site, (await readFile(site, 'utf8')).replace('url: https://support.example.org/', 'url: mailto:support@example.org'));
    expect(await problemLines(root)).toEqual([]);
  });

  it('keeps tabs and Windows line ends', async () => {
    const root = await validSite();
    const full = path.join(root, INCIDENT);
    await writeFile(full, `${(await readFile(full, 'utf8')).replaceAll('\n', '\r\n')}Pages\tload slowly.\r\n`);
    expect(await problemLines(root)).toEqual([]);
  });
});

describe('the comms commands', () => {
  it('refuse a --now that does not exist in one line', async () => {
    const root = await validSite();
    const result = runScript('new-update.ts', ['INC-20261120-001', '--root', root, '--now', '2026-02-30T00:00:00Z'], {});
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('new:update: --now: found "2026-02-30T00:00:00Z", a date that does not exist: February 2026 has 28 days (expected an instant with an offset such as 2026-11-26T12:00:00Z)');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuse an absurd --duration in one line', async () => {
    const root = await validSite();
    const result = runScript('new-maintenance.ts', ['--root', root, '--duration', '99999999d', '--title', 'Upgrade', '--service', 'web', '--start', '2026-12-01 02:00'], NOW);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('new:maintenance: --duration: found "99999999d", longer than 10 years (expected a maintenance window such as 30m, 2h or 1d)');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
