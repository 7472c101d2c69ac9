// /llms.txt on the example site: the markdown a machine reader gets, read back line by line.
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../src/i18n/index.ts';
import { llmsTxt, LLMS_TXT_LIMIT } from '../src/lib/feeds/llms-txt.ts';
import type { SiteModel } from '../src/lib/model/site-model.ts';
import { loadModel } from './helpers/models.ts';
import { EXAMPLE_FIXTURE } from './helpers/sites.ts';

let model: SiteModel;
let text: string;
beforeAll(async () => {
  ({ model } = await loadModel(EXAMPLE_FIXTURE, '2026-11-26T12:00:00Z'));
  text = llmsTxt(model, translator('en'));
});

describe('/llms.txt', () => {
  it('starts as llmstxt.org asks: the name as a heading, the description as a quote', () => {
    expect(text.split('\n').slice(0, 4)).toEqual(['# Aura Flow Status', '', '> Live status, incident history and postmortems for the Aura Flow platform.', '']);
    expect(text).toContain('State at 2026-11-26T12:00:00Z: Partial outage; 2 active incidents.');
  });

  it('links every service with its state, and the newest incidents and postmortems with absolute links', () => {
    expect(text).toContain('- [API gateway](https://status.example.com/services/api-gateway/): Partial outage; availability target 99.95%');
    expect(text).toContain('- [INC-20261125-001: API gateway returning 502 errors for some requests](https://status.example.com/incidents/INC-20261125-001/): P1, fixing, started 2026-11-25');
    expect(text).toContain('- [INC-20260317-001: Expired wildcard TLS certificate makes Aura Flow unreachable](https://status.example.com/postmortems/INC-20260317-001/): P0');
    const listed = text.split('## Recent incidents')[1]!.split('## Postmortems')[0]!.split('\n').filter((line) => line.startsWith('- ['));
    expect(listed).toHaveLength(Math.min(LLMS_TXT_LIMIT, model.incidents.length));
  });

  it('keeps a title with brackets from ending its link early', () => {
    const bracketed = { ...model, incidents: [{ ...model.incidents[0]!, title: 'Outage [EU] after deploy' }] };
    expect(llmsTxt(bracketed, translator('en'))).toContain(`[${model.incidents[0]!.id}: Outage (EU) after deploy](`);
  });
});
