// `npm run build -- --out`: an output folder the build did not make is refused before anything runs; only its own output is replaced.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { treeSnapshot } from '../helpers/commands.ts';
import { INVALID_FIXTURES, PROJECT, runScript, VALID_FIXTURE } from '../helpers/sites.ts';

const NOW = { AFTERMATH_NOW: '2026-11-26T12:00:00Z' };
const EXPECTED = '(expected a new or empty folder, or one an earlier build wrote, which holds a .aftermath-build file; nothing was changed)';

let scratch: string;
let root: string;
let brokenRoot: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'aftermath-out-'));
  root = path.join(scratch, 'site');
  await cp(VALID_FIXTURE, root, { recursive: true });
  await mkdir(path.join(root, 'public', 'images'), { recursive: true });
  // The PNG signature is all the check reads of an image.
  await writeFile(path.join(root, 'public', 'images', 'diagram.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  brokenRoot = path.join(scratch, 'broken-site');
  await cp(VALID_FIXTURE, brokenRoot, { recursive: true });
  await cp(path.join(INVALID_FIXTURES, 'status-not-allowed', 'site'), brokenRoot, { recursive: true });
  await mkdir(path.join(scratch, 'notes'));
  await writeFile(path.join(scratch, 'notes', 'todo.txt'), 'my notes\n');
  await writeFile(path.join(scratch, 'a-file.txt'), 'just a file\n');
  await symlink(root, path.join(scratch, 'link-to-site'));
  await symlink(path.join(scratch, 'missing'), path.join(scratch, 'link-to-nothing'));
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('an --out that is not the build’s to replace', () => {
  const cases: { name: string; out: () => string; found: string }[] = [
    { name: 'the site folder', out: () => root, found: 'is the site folder (--root)' },
    { name: "the site's content/ folder", out: () => path.join(root, 'content'), found: "is the site's content/ folder" },
    { name: "the site's incidents/ folder", out: () => path.join(root, 'incidents'), found: "is the site's incidents/ folder" },
    { name: 'a new folder inside content/', out: () => path.join(root, 'content', 'build'), found: "is inside the site's content/ folder" },
    { name: 'a new folder inside incidents/', out: () => path.join(root, 'incidents', '2026', 'build'), found: "is inside the site's incidents/ folder" },
    { name: "a new folder inside the site's public/", out: () => path.join(root, 'public', 'build'), found: "is inside the site's public/ folder" },
    { name: 'the folder that holds the site', out: () => scratch, found: 'contains the site folder (--root)' },
    { name: 'the project folder', out: () => PROJECT, found: 'is the project folder' },
    { name: 'the root of the file system', out: () => path.parse(scratch).root, found: 'contains the site folder (--root)' },
    { name: 'a folder with files and no build marker', out: () => path.join(scratch, 'notes'), found: 'is not empty and has no .aftermath-build file' },
    { name: 'a symbolic link to the site folder', out: () => path.join(scratch, 'link-to-site'), found: 'is the site folder (--root), through a symbolic link' },
    { name: 'a symbolic link to nothing', out: () => path.join(scratch, 'link-to-nothing'), found: 'is a symbolic link to nothing' },
    { name: 'a file', out: () => path.join(scratch, 'a-file.txt'), found: 'is not a folder' },
  ];

  it.each(cases)('refuses $name with exit 2 and leaves every file in place', async ({ out, found }) => {
    const before = await treeSnapshot(scratch);
    const projectEntries = await readdir(PROJECT);
    const result = runScript('build.ts', ['--root', root, '--out', out()], NOW);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`build: --out ${out()}: ${found} ${EXPECTED}\n`);
    expect(result.stdout).toBe('');
    expect(await treeSnapshot(scratch)).toEqual(before);
    expect(await readdir(PROJECT)).toEqual(projectEntries);
    expect(existsSync(path.join(PROJECT, 'package.json'))).toBe(true);
  });

  it('refuses a folder under a file in one line, with exit 2 and nothing written', async () => {
    const out = path.join(scratch, 'a-file.txt', 'site');
    const before = await treeSnapshot(scratch);
    const result = runScript('build.ts', ['--root', root, '--out', out], NOW);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`build: cannot create the folder ${path.join(scratch, 'a-file.txt')} for --out: EEXIST (expected --out inside a folder that exists or can be made)\nbuild failed: nothing was written\n`);
    expect(await treeSnapshot(scratch)).toEqual(before);
  });

  it('refuses the site folder even when a build marker was copied into it', async () => {
    await writeFile(path.join(root, '.aftermath-build'), '{"generator":"aftermath","version":"0.1.0","built":"2026-11-26T12:00:00.000Z"}\n');
    const before = await treeSnapshot(scratch);
    const result = runScript('build.ts', ['--root', root, '--out', root], NOW);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`build: --out ${root}: is the site folder (--root) ${EXPECTED}\n`);
    expect(await treeSnapshot(scratch)).toEqual(before);
    await rm(path.join(root, '.aftermath-build'));
  });

  it('refuses a folder without a marker before checking a site that fails the check', async () => {
    const before = await treeSnapshot(scratch);
    const out = path.join(scratch, 'notes');
    const result = runScript('build.ts', ['--root', brokenRoot, '--out', out], NOW);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`build: --out ${out}: is not empty and has no .aftermath-build file ${EXPECTED}\n`);
    expect(await readFile(path.join(out, 'todo.txt'), 'utf8')).toBe('my notes\n');
    expect(await treeSnapshot(scratch)).toEqual(before);
  });
});

describe('a failed check', () => {
  it('leaves an empty folder it did not make where it is and says nothing was written', async () => {
    const out = path.join(scratch, 'empty-out');
    await mkdir(out);
    const result = runScript('build.ts', ['--root', brokenRoot, '--out', out], NOW);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'incidents/2026/INC-20261120-001/index.md:12: updates[0].status: found "solved" (did you mean "resolved"? expected one of: detecting, investigating, fixing, monitoring, resolved, closed, reopened)\n' +
        `1 problem found\nbuild failed: nothing was written to ${out}\n`,
    );
    expect(await readdir(out)).toEqual([]);
    await rm(out, { recursive: true });
  });

  it('says nothing was written when there was no output folder', () => {
    const out = path.join(scratch, 'never-made');
    const result = runScript('build.ts', ['--root', brokenRoot, '--out', out], NOW);
    expect(result.status).toBe(1);
    expect(result.stderr.endsWith(`build failed: nothing was written to ${out}\n`)).toBe(true);
    expect(existsSync(out)).toBe(false);
  });
});

describe('an output folder the build wrote', () => {
  let out: string;
  let firstBuild: ReturnType<typeof runScript>;
  let secondBuild: ReturnType<typeof runScript>;
  let afterFirst: string[];

  beforeAll(async () => {
    // The first build fills an empty folder someone made; the second replaces what the first wrote.
    out = path.join(scratch, 'public-site');
    await mkdir(out);
    firstBuild = runScript('build.ts', ['--root', root, '--out', out], NOW);
    afterFirst = existsSync(out) ? await readdir(out) : [];
    await writeFile(path.join(out, 'left-over.html'), '<p>from an earlier build</p>');
    secondBuild = runScript('build.ts', ['--root', root, '--out', out], NOW);
  });

  it('carries a marker with the version and the time, and nothing else', async () => {
    expect(firstBuild.status, firstBuild.stderr).toBe(0);
    expect(afterFirst).toContain('.aftermath-build');
    const { version } = JSON.parse(await readFile(path.join(PROJECT, 'package.json'), 'utf8')) as { version: string };
    const text = await readFile(path.join(out, '.aftermath-build'), 'utf8');
    expect(text.split('\n')).toHaveLength(2);
    const marker = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(marker)).toEqual(['generator', 'version', 'built']);
    expect(marker.generator).toBe('aftermath');
    expect(marker.version).toBe(version);
    expect(marker.built).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('is replaced by the next build, with nothing of the old one left', async () => {
    expect(secondBuild.status, secondBuild.stderr).toBe(0);
    expect(secondBuild.stdout).toContain(`built ${out}\n`);
    expect(existsSync(path.join(out, 'left-over.html'))).toBe(false);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'images', 'diagram.png'))).toBe(true);
    expect((await readdir(scratch)).filter((name) => name.startsWith('.build-tmp'))).toEqual([]);
  });

  it('is replaced through a symbolic link, which stays a link', async () => {
    const link = path.join(scratch, 'link-to-output');
    await symlink(out, link);
    await writeFile(path.join(out, 'left-over.html'), '<p>from an earlier build</p>');
    const result = runScript('build.ts', ['--root', root, '--out', link], NOW);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(path.join(out, 'left-over.html'))).toBe(false);
    expect(existsSync(path.join(link, 'index.html'))).toBe(true);
    expect((await readdir(scratch, { withFileTypes: true })).find((entry) => entry.name === 'link-to-output')?.isSymbolicLink()).toBe(true);
  });

  it('is removed when the next build fails its check, and the message says so', async () => {
    const result = runScript('build.ts', ['--root', brokenRoot, '--out', out], NOW);
    expect(result.status).toBe(1);
    expect(result.stderr.endsWith(`1 problem found\nbuild failed: removed the earlier build in ${out} so it cannot be deployed as current; nothing new was written\n`)).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(path.join(root, 'content', 'site.yaml'))).toBe(true);
  });
});
