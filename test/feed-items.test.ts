import { describe, expect, it } from 'vitest';
import { incidentUpdateItems, newestItemsFirst, postmortemItems, type FeedItem } from '../src/lib/feeds/feed-items.ts';
import { postmortemPublishedAt } from '../src/lib/postmortems/publication.ts';
import { publishedPostmortems } from '../src/lib/postmortems/postmortems.ts';
import { loadModel } from './helpers/models.ts';
import { EXAMPLE_FIXTURE, VALID_FIXTURE } from './helpers/sites.ts';

const NOW = '2026-11-26T00:00:00Z';

describe('incident update items', () => {
  it('give each update an id from the incident, the instant and the status, and a title naming severity, services and status', async () => {
    const { model } = await loadModel(EXAMPLE_FIXTURE, NOW);
    const items = incidentUpdateItems(model.incidents, model.services, model.site.baseUrl);
    expect(items[0]).toMatchObject({
      guid: 'https://status.example.com/incidents/INC-20261125-001/#update-2026-11-25t143500z-fixing',
      url: 'https://status.example.com/incidents/INC-20261125-001/#update-2026-11-25t143500z',
      title: '[P1] API gateway, Agent coordinator: fixing — API gateway returning 502 errors for some requests',
      dateMs: Date.parse('2026-11-25T14:35:00Z'),
      status: 'fixing',
      serviceIds: ['api-gateway', 'agent-coordinator'],
    });
  });

  it('keep their ids when the message and the title are edited', async () => {
    const { model } = await loadModel(EXAMPLE_FIXTURE, NOW);
    const edited = model.incidents.map((incident) => ({ ...incident, title: `${incident.title} (edited)`, updates: incident.updates.map((update) => ({ ...update, message: 'Rewritten.' })) }));
    const ids = (incidents: typeof model.incidents) => incidentUpdateItems(incidents, model.services, model.site.baseUrl).map((item) => item.guid);
    expect(ids(edited)).toEqual(ids(model.incidents));
  });
});

describe('postmortem publication items', () => {
  it('are dated by the incident’s closed update in a record from before the published field', async () => {
    const { model, bodies } = await loadModel(EXAMPLE_FIXTURE, NOW);
    const items = postmortemItems(publishedPostmortems(model), model.services, model.site.baseUrl, model.site.timeZone, bodies.postmortems);
    const seed = items.find((item) => item.incidentId === 'INC-20250115-001')!;
    expect(seed).toMatchObject({
      guid: 'https://status.example.com/postmortems/INC-20250115-001/#published',
      url: 'https://status.example.com/postmortems/INC-20250115-001/',
      status: 'postmortem',
      severity: 'P1',
      dateMs: Date.parse('2025-01-17T18:00:00+08:00'),
    });
    expect(seed.title).toMatch(/^\[P1\] Agent coordinator, API gateway, Workflow engine: postmortem — /);
    expect(seed.markdown).toBe(bodies.postmortems['INC-20250115-001']);
  });

  it('are dated by the published instant the publish command records, whatever the incident says', async () => {
    const { model } = await loadModel(VALID_FIXTURE);
    const { postmortem, incident } = publishedPostmortems(model)[0]!;
    const published = new Date('2026-11-11T16:20:00+01:00');
    expect(postmortemPublishedAt({ ...postmortem, published }, incident, model.site.timeZone)).toBe(Date.parse('2026-11-11T16:20:00+01:00'));
  });

  it('without a published instant, fall back to the incident’s first closed update, whatever day it falls on', async () => {
    const { model } = await loadModel(VALID_FIXTURE);
    const { postmortem, incident } = publishedPostmortems(model)[0]!;
    // dated 2026-11-11; the incident was closed on the 12th at 10:00 (Berlin, +01:00 in November)
    expect(postmortemPublishedAt(postmortem, incident, model.site.timeZone)).toBe(Date.parse('2026-11-12T10:00:00+01:00'));
  });

  it('without a published instant or a closed update, fall back to the start of the postmortem’s date in the site’s zone', async () => {
    const { model } = await loadModel(VALID_FIXTURE);
    const { postmortem, incident } = publishedPostmortems(model)[0]!;
    const notClosed = { ...incident, updates: incident.updates.filter((update) => update.status !== 'closed') };
    // resolved 2026-11-10 09:50; the postmortem's date 2026-11-11 starts later, at 00:00 in Berlin
    expect(postmortemPublishedAt(postmortem, notClosed, model.site.timeZone)).toBe(Date.parse('2026-11-11T00:00:00+01:00'));
  });

  it('are never dated before the incident was resolved, even when the postmortem’s date is the incident’s day', async () => {
    const { model } = await loadModel(VALID_FIXTURE);
    const { postmortem, incident } = publishedPostmortems(model)[0]!;
    const notClosed = { ...incident, updates: incident.updates.filter((update) => update.status !== 'closed') };
    // 00:00 on 2026-11-10 is before the incident started at 09:00; its resolution at 09:50 is the later one
    expect(postmortemPublishedAt({ ...postmortem, date: '2026-11-10' }, notClosed, model.site.timeZone)).toBe(Date.parse('2026-11-10T09:50:00+01:00'));
  });

  it('use the user-impact sentence when the postmortem has no body', async () => {
    const { model } = await loadModel(VALID_FIXTURE);
    const [item] = postmortemItems(publishedPostmortems(model), model.services, model.site.baseUrl, model.site.timeZone, {});
    expect(item!.markdown).toBe('API calls failed with TLS errors for 40 minutes.');
  });

  it('leave drafts and postmortems in review out', async () => {
    const { model, bodies } = await loadModel(EXAMPLE_FIXTURE, NOW);
    const items = postmortemItems(publishedPostmortems(model), model.services, model.site.baseUrl, model.site.timeZone, bodies.postmortems);
    expect(items.map((item) => item.incidentId)).not.toContain('INC-20261119-001');
    expect(items).toHaveLength(model.postmortems.filter((postmortem) => postmortem.status === 'published').length);
  });
});

describe('the order of items', () => {
  it('is newest first, equal instants by id so rebuilds never reshuffle them', () => {
    const item = (guid: string, dateMs: number) => ({ guid, dateMs }) as FeedItem;
    expect(newestItemsFirst([item('b', 1), item('c', 2), item('a', 1)]).map((entry) => entry.guid)).toEqual(['c', 'a', 'b']);
  });
});
