// Feed and API ids survive edits to the text, and a new update adds exactly one item at the top: builds edited
// copies of the example site and compares them with the example as built unchanged.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyOf, EXAMPLE_FIXTURE, runScript } from './helpers/sites.ts';

const INCIDENT = 'incidents/2026/INC-20261125-001/index.md';
const POSTMORTEM = 'incidents/2026/INC-20261014-001/postmortem.md';
const copies: string[] = [];
let original: string;
let edited: string;
let added: string;

/** A copy of the example site with `change` applied to its files, built at the example's now. */
async function buildChanged(change: (root: string) => Promise<void>): Promise<string> {
  const root = await copyOf(EXAMPLE_FIXTURE);
  copies.push(root);
  await change(root);
  const out = path.join(root, 'built');
  const build = runScript('build.ts', ['--root', root, '--out', out], { AFTERMATH_NOW: inject('exampleNow') });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  return out;
}

async function rewrite(root: string, file: string, edit: (text: string) => string): Promise<void> {
  const full = path.join(root, file);
  const before = await readFile(full, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  await writeFile(full, after);
}

beforeAll(async () => {
  original = inject('exampleSite');
  // Text edits only: the incident's title, an update's message and the summary; a postmortem's title and summary.
  edited = await buildChanged(async (root) => {
    await rewrite(root, INCIDENT, (text) =>
      text
        .replace('title: API gateway returning 502 errors for some requests', 'title: API gateway returning HTTP 502 for some requests in Shanghai')
        .replace('We are moving traffic away from the affected availability zone.', 'Traffic is being moved away from the affected availability zone.')
        .replace('We are working on this incident.', 'We are still working on this incident.'),
    );
    await rewrite(root, POSTMORTEM, (text) => text.replace('title: Coordinator scale-out exhausts primary database connections', 'title: Agent coordinator scale-out exhausted database connections').replace("One workspace's", 'A single workspace’s'));
  });
  // One new update at the end of the open incident's list.
  added = await buildChanged((root) =>
    rewrite(root, INCIDENT, (text) =>
      text.replace(
        /(\n---\n)(?=We are working on this incident)/,
        '\n  - at: 2026-11-25T23:30:00+08:00\n    status: monitoring\n    message: Traffic has moved to the healthy zones and the error rate is back to normal. We are monitoring.$1',
      ),
    ),
  );
}, 240_000);

afterAll(async () => {
  await Promise.all(copies.map((root) => rm(root, { recursive: true, force: true })));
});

const FEEDS = ['rss.xml', 'atom.xml', 'postmortems/rss.xml', 'services/api-gateway/atom.xml'];

async function feedItems(site: string, file: string) {
  return parseFeed(await readFile(path.join(site, file), 'utf8')).items;
}

async function jsonFeedIds(site: string): Promise<string[]> {
  const feed = JSON.parse(await readFile(path.join(site, 'feed.json'), 'utf8')) as { items: { id: string }[] };
  return feed.items.map((item) => item.id);
}

async function apiUpdateIds(site: string): Promise<string[]> {
  const { incidents } = JSON.parse(await readFile(path.join(site, 'api/v2/incidents.json'), 'utf8')) as { incidents: { id: string; incident_updates: { id: string }[] }[] };
  return incidents.flatMap((incident) => [incident.id, ...incident.incident_updates.map((update) => update.id)]);
}

describe('editing the text of an incident and a postmortem', () => {
  it('changes no feed id, in any feed or format', async () => {
    for (const file of FEEDS) {
      const before = await feedItems(original, file);
      const after = await feedItems(edited, file);
      expect(after.map((item) => item.id), file).toEqual(before.map((item) => item.id));
    }
    expect(await jsonFeedIds(edited)).toEqual(await jsonFeedIds(original));
  });

  it('does change the text the items carry', async () => {
    const [before, after] = [await feedItems(original, 'atom.xml'), await feedItems(edited, 'atom.xml')];
    expect(before[0]!.title).toContain('API gateway returning 502 errors for some requests');
    expect(after[0]!.title).toContain('API gateway returning HTTP 502 for some requests in Shanghai');
    expect(after[0]!.content).toContain('Traffic is being moved away');
    const postmortem = (await feedItems(edited, 'postmortems/rss.xml')).find((item) => item.id?.includes('INC-20261014-001'))!;
    expect(postmortem.title).toContain('Agent coordinator scale-out exhausted database connections');
  });

  it('changes no id in the Statuspage API', async () => {
    expect(await apiUpdateIds(edited)).toEqual(await apiUpdateIds(original));
  });
});

describe('adding an update', () => {
  it('adds exactly one item, at the top, to every feed of the incident, and leaves the others as they were', async () => {
    for (const file of ['rss.xml', 'atom.xml', 'services/api-gateway/atom.xml', 'services/agent-coordinator/rss.xml']) {
      const before = (await feedItems(original, file)).map((item) => item.id);
      const after = await feedItems(added, file);
      // A full feed (50 entries) stays full: the new item comes in at the top and the oldest goes.
      expect(after, file).toHaveLength(Math.min(50, before.length + 1));
      expect(after[0]!.id).toBe('https://status.example.com/incidents/INC-20261125-001/#update-2026-11-25t153000z-monitoring');
      expect(after[0]!.title).toBe('[P1] API gateway, Agent coordinator: monitoring — API gateway returning 502 errors for some requests');
      expect(after.slice(1).map((item) => item.id), file).toEqual(before.slice(0, after.length - 1));
    }
    const jsonBefore = await jsonFeedIds(original);
    expect(await jsonFeedIds(added)).toEqual(['https://status.example.com/incidents/INC-20261125-001/#update-2026-11-25t153000z-monitoring', ...jsonBefore.slice(0, 49)]);
  });

  it('leaves the feeds of other services and the postmortem feed alone', async () => {
    for (const file of ['services/cache/rss.xml', 'postmortems/atom.xml']) {
      expect((await feedItems(added, file)).map((item) => item.id), file).toEqual((await feedItems(original, file)).map((item) => item.id));
    }
  });

  it('adds one update to the incident in the Statuspage API, which now reads "monitoring"', async () => {
    const before = await apiUpdateIds(original);
    const after = await apiUpdateIds(added);
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((id) => !before.includes(id))).toHaveLength(1);
    const { incidents } = JSON.parse(await readFile(path.join(added, 'api/v2/incidents/unresolved.json'), 'utf8')) as { incidents: { name: string; status: string; monitoring_at: string | null }[] };
    expect(incidents[0]).toMatchObject({ name: 'API gateway returning 502 errors for some requests', status: 'monitoring', monitoring_at: '2026-11-25T23:30:00+08:00' });
  });
});
