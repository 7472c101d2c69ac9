// The record by severity and by service, in pages of LIST_PAGE_SIZE: which incidents each list holds and where its pages are.
import { beforeAll, describe, expect, it } from 'vitest';
import { facetLists, facetPage, facetPagePath, LIST_PAGE_SIZE } from '../src/lib/status/incident-lists.ts';
import type { SiteModel } from '../src/lib/model/site-model.ts';
import { loadModel } from './helpers/models.ts';
import { EXAMPLE_FIXTURE } from './helpers/sites.ts';

let model: SiteModel;
beforeAll(async () => {
  ({ model } = await loadModel(EXAMPLE_FIXTURE, '2026-11-26T12:00:00Z'));
});

describe('lists by severity and by service', () => {
  it('has one list per level and per service, each incident in its level\'s list and in each affected service\'s', () => {
    const lists = facetLists(model);
    expect(lists.map((list) => `${list.facet}:${list.value}`)).toEqual([...model.levels.map((level) => `severity:${level.id}`), ...model.services.map((service) => `service:${service.id}`)]);
    const bySeverity = lists.filter((list) => list.facet === 'severity');
    expect(bySeverity.reduce((sum, list) => sum + list.incidents.length, 0)).toBe(model.incidents.length);
    expect(lists.find((list) => list.value === 'P0')!.incidents.map((incident) => incident.id)).toEqual(['INC-20260317-001', 'INC-20250718-001']);
    const cache = lists.find((list) => list.value === 'cache')!;
    expect(cache.incidents.every((incident) => incident.services.some((affected) => affected.id === 'cache'))).toBe(true);
  });

  it('pages a long list, newest first, LIST_PAGE_SIZE to a page', () => {
    const template = model.incidents[0]!;
    const many = Array.from({ length: LIST_PAGE_SIZE * 2 + 1 }, (_, index) => ({ ...template, id: `INC-20240101-${String(index).padStart(3, '0')}`, started: new Date(Date.UTC(2024, 0, 1) + index * 60_000) }));
    const [list] = facetLists({ ...model, incidents: many, levels: [model.levels.find((level) => level.id === template.severity)!], services: [] });
    expect(list!.pageCount).toBe(3);
    expect(facetPage(list!, 1)).toHaveLength(LIST_PAGE_SIZE);
    expect(facetPage(list!, 1)[0]!.started.getTime()).toBe(Date.UTC(2024, 0, 1) + LIST_PAGE_SIZE * 2 * 60_000);
    expect(facetPage(list!, 3)).toHaveLength(1);
    expect(() => facetPage(list!, 4)).toThrow(RangeError);
    expect([facetPagePath('severity', 'P1'), facetPagePath('service', 'cache', 2)]).toEqual(['incidents/by/severity/P1/', 'incidents/by/service/cache/page/2/']);
  });
});
