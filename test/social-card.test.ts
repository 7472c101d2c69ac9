import { describe, expect, it } from 'vitest';
import { translator } from '../src/i18n/index.ts';
import { incidentCardText, siteCardText, socialCard, STATE_COLOURS } from '../src/lib/status/social-card.ts';
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

  it('clamps very long titles to keep the card readable', () => {
    const card = socialCard({ siteName: 'S', title: 'x'.repeat(200), details: [], accent: '#000' });
    expect(JSON.stringify(card)).toContain(`${'x'.repeat(107)}…`);
  });
});
