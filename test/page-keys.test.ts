// A page is copied from the last build only when its key is unchanged, so each key must change with everything
// the page shows and with nothing else: these are the cases a rebuild meets.
import { describe, expect, it } from 'vitest';
import type { SiteModel } from '../src/lib/model/site-model.ts';
import { historyPageKey, incidentPageKey, postmortemPageKey } from '../src/lib/model/page-keys.ts';
import { historyPage } from '../src/lib/status/history.ts';
import { incident } from './helpers/records.ts';
import { loadModel } from './helpers/models.ts';
import { EXAMPLE_FIXTURE } from './helpers/sites.ts';

const NOW = '2026-11-26T00:00:00Z';
const RESOLVED = 'INC-20250115-001';
const OPEN = 'INC-20261125-001';
const { model } = await loadModel(EXAMPLE_FIXTURE, NOW);
const later = (base: SiteModel): SiteModel => ({ ...base, nowMs: base.nowMs + 3_600_000 });
const incidentKey = (of: SiteModel, id: string, locale: 'en' | 'zh-CN' = 'en', preview = false) => incidentPageKey(of, id, 'Body.', locale, preview);

describe("an incident page's key", () => {
  it("stays the same an hour later for a resolved incident, and changes for an open one (its figures run to now)", () => {
    expect(incidentKey(later(model), RESOLVED)).toBe(incidentKey(model, RESOLVED));
    expect(incidentKey(later(model), OPEN)).not.toBe(incidentKey(model, OPEN));
  });

  it('changes with a new update, a renamed service, its postmortem, the language and a preview build', () => {
    const base = incidentKey(model, RESOLVED);
    const withUpdate = { ...model, incidents: model.incidents.map((entry) => (entry.id === RESOLVED ? { ...entry, updates: [...entry.updates, { ...entry.updates.at(-1)!, message: 'One more note.' }] } : entry)) };
    expect(incidentKey(withUpdate, RESOLVED)).not.toBe(base);
    const renamed = { ...model, services: model.services.map((service, index) => (index === 0 ? { ...service, name: `${service.name} (renamed)` } : service)) };
    expect(incidentKey(renamed, RESOLVED)).not.toBe(base);
    const postmortemRetracted = { ...model, postmortems: model.postmortems.map((entry) => (entry.incident === RESOLVED ? { ...entry, status: 'draft' as const } : entry)) };
    expect(incidentKey(postmortemRetracted, RESOLVED)).not.toBe(base);
    expect(incidentKey(model, RESOLVED, 'zh-CN')).not.toBe(base);
    expect(incidentKey(model, RESOLVED, 'en', true)).not.toBe(base);
    expect(incidentPageKey(model, RESOLVED, 'Another body.', 'en', false)).not.toBe(base);
    // Another incident's change is not this page's.
    const otherUpdated = { ...model, incidents: model.incidents.map((entry) => (entry.id === OPEN ? { ...entry, title: 'Renamed' } : entry)) };
    expect(incidentKey(otherUpdated, RESOLVED)).toBe(base);
  });

  it("of a postmortem changes with its incident's record", () => {
    const base = postmortemPageKey(model, RESOLVED, 'Body.', 'en', false);
    const retitled = { ...model, incidents: model.incidents.map((entry) => (entry.id === RESOLVED ? { ...entry, title: 'Retitled' } : entry)) };
    expect(postmortemPageKey(retitled, RESOLVED, 'Body.', 'en', false)).not.toBe(base);
    expect(postmortemPageKey(later(model), RESOLVED, 'Body.', 'en', false)).toBe(base);
  });
});

describe("a history page's key", () => {
  // 250 resolved incidents, one a day, and one still open on the newest day: three pages.
  const day = (index: number) => new Date(Date.UTC(2025, 0, 1 + index, 9)).toISOString();
  const resolved = Array.from({ length: 250 }, (_, index) =>
    incident({ id: `INC-${day(index).slice(0, 10).replaceAll('-', '')}-001`, started: day(index), resolved: new Date(Date.parse(day(index)) + 3_600_000).toISOString(), services: [{ id: 'api-gateway', impact: 'degraded' }] }),
  );
  const open = incident({ id: 'INC-20251001-002', started: '2025-10-01T10:00:00Z', services: [{ id: 'api-gateway', impact: 'degraded' }] });
  const history = { ...model, incidents: [...resolved, open] };
  const keys = (of: SiteModel) => [1, 2, 3].map((number) => historyPageKey(of, historyPage(of.incidents, number), 'en', false));

  it('changes, an hour later, only for the page listing the open incident', () => {
    const [first, second, third] = keys(history);
    expect(keys(later(history))).toEqual([expect.not.stringMatching(first!), second, third]);
  });

  it('changes only for the page of an incident with a new update', () => {
    const [first, second, third] = keys(history);
    const oldOne = resolved[20]!;
    const updated = { ...history, incidents: history.incidents.map((entry) => (entry === oldOne ? { ...entry, updates: [...entry.updates, { ...entry.updates.at(-1)!, message: 'Late note.' }] } : entry)) };
    expect(keys(updated)).toEqual([first, second, expect.not.stringMatching(third!)]);
  });

  it('changes for every page when a new incident shifts them all', () => {
    const before = keys(history);
    const added = { ...history, incidents: [...history.incidents, incident({ id: 'INC-20261120-001', started: '2026-11-20T10:00:00Z', resolved: '2026-11-20T11:00:00Z', services: [{ id: 'api-gateway', impact: 'degraded' }] })] };
    const after = keys(added);
    for (const [index, key] of after.entries()) expect(key).not.toBe(before[index]);
  });
});
