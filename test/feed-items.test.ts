import { describe, expect, it } from 'vitest';
import { incidentUpdateItems, newestItemsFirst, postmortemItems, postmortemPublishedAt, type FeedItem } from '../src/lib/feeds/feed-items.ts';
import { publishedPostmortems } from '../src/lib/postmortems/postmortems.ts';
import { loadModel } from './helpers/models.ts';
import { PROJECT, VALID_FIXTURE } from './helpers/sites.ts';

const NOW = '2026-11-26T00:00:00Z';

describe('incident update items', () => {
  it('give each update an id from the incident, the instant and the status, and a title naming severity, services and status', async () => {
    const { model } = await loadModel(PROJECT, NOW);
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
    const { model } = await loadModel(PROJECT, NOW);
    const edited = model.incidents.map((incident) => ({ ...incident, title: `${incident.title} (edited)`, updates: incident.updates.map((update) => ({ ...update, message: 'Rewritten.' })) }));
    const ids = (incidents: typeof model.incidents) => incidentUpdateItems(incidents, model.services, model.site.baseUrl).map((item) => item.guid);
    expect(ids(edited)).toEqual(ids(model.incidents));
  });
});

describe('postmortem publication items', () => {
  it('are dated by the incident’s closed update on the postmortem’s date', async () => {
    const { model, bodies } = await loadModel(PROJECT, NOW);
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

  it('fall back to the start of the postmortem’s date in the site’s time zone without a closed update that day', async () => {
    const { model } = await loadModel(VALID_FIXTURE);
    const { postmortem, incident } = publishedPostmortems(model)[0]!;
    // dated 2026-11-11; the incident was closed on the 12th; Berlin is at +01:00 in November
    expect(postmortemPublishedAt(postmortem, incident, model.site.timeZone)).toBe(Date.parse('2026-11-11T00:00:00+01:00'));
  });

  it('use the user-impact sentence when the postmortem has no body', async () => {
    const { model } = await loadModel(VALID_FIXTURE);
    const [item] = postmortemItems(publishedPostmortems(model), model.services, model.site.baseUrl, model.site.timeZone, {});
    expect(item!.markdown).toBe('API calls failed with TLS errors for 40 minutes.');
  });

  it('leave drafts and postmortems in review out', async () => {
    const { model, bodies } = await loadModel(PROJECT, NOW);
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
