import { describe, expect, it } from 'vitest';
import { translator } from '../src/i18n/index.ts';
import { historyCardText, incidentCardPath, incidentCardText, incidentsWithOwnCard, siteCardText, socialCard, STATE_COLOURS } from '../src/lib/status/social-card.ts';
import { siteSchema } from '../src/schemas/site.ts';
import { incident } from './helpers/records.ts';

const site = siteSchema.parse({ name: 'Example Status', baseUrl: 'https://status.example.org/', timeZone: 'Asia/Shanghai', description: 'Status of the example platform.' });
const services = [
  { id: 'api', name: 'API' },
  { id: 'db', name: 'Database' },
];
const model = { site, services: services as never };
const t = translator('en');

describe('social card text', () => {
  it('names severity, status, services and start, coloured by the worst impact while open', () => {
    const open = incident({
      id: 'INC-20261125-001',
      severity: 'P1',
      started: '2026-11-25T13:10:00Z',
      services: [
        { id: 'api', impact: 'partial_outage' },
        { id: 'db', impact: 'degraded' },
      ],
      updates: [{ at: '2026-11-25T13:14:00Z', status: 'fixing' }],
    });
    expect(incidentCardText(open, model, t)).toEqual({
      siteName: 'Example Status',
      kicker: 'P1 · Fixing',
      title: 'Test incident',
      details: ['API, Database', 'INC-20261125-001 · Nov 25, 2026, 21:10 GMT+8'],
      accent: STATE_COLOURS.partial_outage,
    });
  });

  it('turns green once the incident is resolved', () => {
    const over = incident({ started: '2026-11-25T13:10:00Z', resolved: '2026-11-25T14:00:00Z', services: [{ id: 'api', impact: 'major_outage' }] });
    expect(incidentCardText(over, model, t).accent).toBe(STATE_COLOURS.operational);
  });

  it('gives the site card the banner wording', () => {
    expect(siteCardText('major_outage', model, t)).toMatchObject({ title: 'Major outage', accent: STATE_COLOURS.major_outage });
  });

  it('cuts text of any length before layout, so a pasted log cannot make the card slow to lay out', () => {
    const card = JSON.stringify(socialCard({ siteName: 'S', title: 'x'.repeat(5000), details: ['y'.repeat(5000)], accent: '#000' }));
    expect(card).toContain(`${'x'.repeat(299)}…`);
    expect(card).not.toContain('x'.repeat(300));
    expect(card).not.toContain('y'.repeat(300));
  });
});

describe('which incidents have a card of their own', () => {
  // 150 resolved incidents, one a day from 1 January 2026, each updated an hour after it started.
  const day = (index: number) => new Date(Date.UTC(2026, 0, 1 + index, 9)).toISOString();
  const resolvedOn = (index: number, extra: { at: string; status: 'resolved' | 'investigating' }[] = []) => {
    const id = `INC-${day(index).slice(0, 10).replaceAll('-', '')}-001`;
    const resolvedAt = new Date(Date.parse(day(index)) + 3_600_000).toISOString();
    return incident({ id, started: day(index), resolved: resolvedAt, services: [{ id: 'api', impact: 'degraded' }], updates: [{ at: day(index), status: 'investigating' }, { at: resolvedAt, status: 'resolved' }, ...extra] });
  };

  it('gives the 100 with the latest updates theirs, and the older ones the history card', () => {
    const incidents = Array.from({ length: 150 }, (_, index) => resolvedOn(index));
    const own = incidentsWithOwnCard(incidents);
    expect(own.size).toBe(100);
    // Days 50 to 149 (20 February to 30 May) are the newest hundred.
    expect(own.has('INC-20260530-001')).toBe(true);
    expect(own.has('INC-20260220-001')).toBe(true);
    expect(own.has('INC-20260219-001')).toBe(false);
    expect(incidentCardPath(incidents[0]!, incidents)).toBe('social/history.png');
    expect(incidentCardPath(incidents[149]!, incidents)).toBe('social/INC-20260530-001.png');
  });

  it('always gives an open incident its own, however old, and counts an old incident updated late as news', () => {
    const incidents = Array.from({ length: 150 }, (_, index) => resolvedOn(index));
    const reopened = incident({ id: 'INC-20260102-001', started: day(1), services: [{ id: 'api', impact: 'degraded' }], updates: [{ at: day(1), status: 'investigating' }] });
    const lateNote = resolvedOn(2, [{ at: '2026-06-01T00:00:00Z', status: 'resolved' }]);
    incidents.splice(1, 2, reopened, lateNote);
    const own = incidentsWithOwnCard(incidents);
    expect(own.has('INC-20260102-001')).toBe(true);
    expect(own.has('INC-20260103-001')).toBe(true);
    // The late note pushed the oldest of the hundred out; the open one is on top of the hundred.
    expect(own.has('INC-20260220-001')).toBe(false);
    expect(own.size).toBe(101);
  });

  it('draws the history card with no current state in it', () => {
    expect(historyCardText(model, t)).toEqual({ siteName: 'Example Status', title: 'Incident history', details: ['Status of the example platform.'], accent: '#5b6470' });
  });
});
