// Updates that share an instant (and a status) keep distinct ids in feeds, the API and the page, and no edit to
// their text and no later update changes an id a reader or client already holds.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statuspageSnapshot } from '../../src/lib/api/statuspage-api.ts';
import { statuspageId } from '../../src/lib/api/statuspage-mapping.ts';
import { incidentUpdateItems } from '../../src/lib/feeds/feed-items.ts';
import { NO_BODIES } from '../../src/lib/model/site-model.ts';
import type { Incident } from '../../src/schemas/incident.ts';
import { loadModel } from '../helpers/models.ts';
import { incident } from '../helpers/records.ts';
import { PROJECT, runScript, siteWithCase } from '../helpers/sites.ts';

const CASE = path.join(PROJECT, 'test/security/fixtures/same-instant-updates');
const INCIDENT_ID = 'INC-20261121-001';
const PAGE = `https://status.example.org/incidents/${INCIDENT_ID}/`;

/** Two `fixing` updates and a `monitoring` one at 10:20 Berlin (09:20 UTC), between two updates alone at their instant. */
const sameInstant = (): Incident =>
  incident({
    id: INCIDENT_ID,
    started: '2026-11-21T10:00:00+01:00',
    resolved: '2026-11-21T10:40:00+01:00',
    services: [{ id: 'web', impact: 'partial_outage' }],
    updates: [
      { at: '2026-11-21T10:00:00+01:00', status: 'investigating', message: 'Looking.' },
      { at: '2026-11-21T10:20:00+01:00', status: 'fixing', message: 'Rolling back.' },
      { at: '2026-11-21T10:20:00+01:00', status: 'fixing', message: 'Image servers too.' },
      { at: '2026-11-21T10:20:00+01:00', status: 'monitoring', message: 'Watching.' },
      { at: '2026-11-21T10:40:00+01:00', status: 'resolved', message: 'Fixed.' },
    ],
  });

const BASE = 'https://status.example.org/';

/** The API's update ids, oldest first. */
async function apiIdsOf(record: Incident): Promise<string[]> {
  const { model } = await loadModel(path.join(PROJECT, 'test/fixtures/valid'));
  const snapshot = statuspageSnapshot({ ...model, incidents: [record] }, NO_BODIES);
  return snapshot.incidents[0]!.incident_updates.map((update) => update.id).reverse();
}

/** Guids by the update's message, so the comparison does not depend on how the feed orders equal instants. */
function guidsByMessage(record: Incident): Map<string, { guid: string; url: string }> {
  const items = incidentUpdateItems([record], [], BASE);
  return new Map(items.map((item) => [item.markdown, { guid: item.guid, url: item.url }]));
}

describe('updates at the same instant', () => {
  it('get distinct guids and links; the first of them keeps the id it had before', () => {
    const ids = guidsByMessage(sameInstant());
    expect(Object.fromEntries(ids)).toEqual({
      'Looking.': { guid: `${PAGE}#update-2026-11-21t090000z-investigating`, url: `${PAGE}#update-2026-11-21t090000z` },
      'Rolling back.': { guid: `${PAGE}#update-2026-11-21t092000z-fixing`, url: `${PAGE}#update-2026-11-21t092000z` },
      'Image servers too.': { guid: `${PAGE}#update-2026-11-21t092000z-fixing-2`, url: `${PAGE}#update-2026-11-21t092000z-2` },
      'Watching.': { guid: `${PAGE}#update-2026-11-21t092000z-monitoring`, url: `${PAGE}#update-2026-11-21t092000z-3` },
      'Fixed.': { guid: `${PAGE}#update-2026-11-21t094000z-resolved`, url: `${PAGE}#update-2026-11-21t094000z` },
    });
  });

  it('get distinct API ids; the first of them keeps the id it had before', async () => {
    expect(await apiIdsOf(sameInstant())).toEqual([
      statuspageId('update', `${INCIDENT_ID}@2026-11-21T09:00:00Z/investigating`),
      statuspageId('update', `${INCIDENT_ID}@2026-11-21T09:20:00Z/fixing`),
      statuspageId('update', `${INCIDENT_ID}@2026-11-21T09:20:00Z/fixing-2`),
      statuspageId('update', `${INCIDENT_ID}@2026-11-21T09:20:00Z/monitoring`),
      statuspageId('update', `${INCIDENT_ID}@2026-11-21T09:40:00Z/resolved`),
    ]);
  });

  it('keep every id when a message is edited', async () => {
    const original = sameInstant();
    const edited: Incident = { ...original, title: 'Edited', updates: original.updates.map((update, index) => (index === 1 ? { ...update, message: 'Rolling back the deploy of 10:05.' } : update)) };
    const ids = (record: Incident) => incidentUpdateItems([record], [], BASE).map(({ guid, url }) => ({ guid, url }));
    expect(ids(edited)).toEqual(ids(original));
    expect(await apiIdsOf(edited)).toEqual(await apiIdsOf(original));
  });

  it('keep every id when a third update at that instant and status is added, which gets one new id', async () => {
    const original = sameInstant();
    const third = { at: original.updates[1]!.at, status: 'fixing' as const, message: 'And the CDN.' };
    const added: Incident = { ...original, updates: [...original.updates.slice(0, 4), third, original.updates[4]!] };
    const before = guidsByMessage(original);
    const after = guidsByMessage(added);
    for (const [message, ids] of before) expect(after.get(message), message).toEqual(ids);
    expect(after.get('And the CDN.')).toEqual({ guid: `${PAGE}#update-2026-11-21t092000z-fixing-3`, url: `${PAGE}#update-2026-11-21t092000z-4` });
    const apiBefore = await apiIdsOf(original);
    const apiAfter = await apiIdsOf(added);
    expect(apiAfter.filter((id) => !apiBefore.includes(id))).toEqual([statuspageId('update', `${INCIDENT_ID}@2026-11-21T09:20:00Z/fixing-3`)]);
    expect(apiBefore.every((id) => apiAfter.includes(id))).toBe(true);
  });
});

describe('a built site with updates at the same instant', () => {
  let root: string;
  let out: string;

  beforeAll(async () => {
    root = await siteWithCase(CASE);
    out = path.join(root, 'built');
    const build = runScript('build.ts', ['--root', root, '--out', out], { AFTERMATH_NOW: '2026-11-26T12:00:00Z' });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  }, 300_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const read = (file: string) => readFile(path.join(out, file), 'utf8');

  it('gives each update on the incident page its own anchor, and every feed links each item to one of them', async () => {
    const page = parse(await read(`incidents/${INCIDENT_ID}/index.html`));
    const anchors = page.querySelectorAll('.timeline > li').map((entry) => entry.id);
    // Newest first, as the page lists them.
    expect(anchors).toEqual(['update-2026-11-21t094000z', 'update-2026-11-21t092000z-3', 'update-2026-11-21t092000z-2', 'update-2026-11-21t092000z', 'update-2026-11-21t090000z']);
    for (const file of ['rss.xml', 'atom.xml', 'services/web/rss.xml']) {
      const items = parseFeed(await read(file)).items.filter((item) => item.url?.startsWith(PAGE));
      expect(items.map((item) => item.url!.slice(PAGE.length + 1)).sort(), file).toEqual([...anchors].sort());
      expect(new Set(items.map((item) => item.id)).size, file).toBe(5);
    }
    const feed = JSON.parse(await read('feed.json')) as { items: { id: string; url: string }[] };
    const items = feed.items.filter((item) => item.url.startsWith(PAGE));
    expect(items.map((item) => item.url.slice(PAGE.length + 1)).sort()).toEqual([...anchors].sort());
    expect(new Set(items.map((item) => item.id)).size).toBe(5);
  });

  it('lists each update in the API with its own id', async () => {
    const { incidents } = JSON.parse(await read('api/v2/incidents.json')) as { incidents: { name: string; incident_updates: { id: string; body: string }[] }[] };
    const updates = incidents.find((entry) => entry.name === 'Website errors after a deploy')!.incident_updates;
    expect(updates.map((update) => update.body)).toEqual([
      'Every page loads again.',
      'The rollback is done in one region; we are watching the error rate.',
      'The rollback covers the image servers too.',
      'We are rolling back the deploy.',
      'Some pages fail to load; we are looking into it.',
    ]);
    expect(new Set(updates.map((update) => update.id)).size).toBe(5);
  });
});
