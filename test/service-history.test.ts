// A service's months and incidents on the example site (Asia/Shanghai, UTC+8), figures worked by hand from its
// incident files.
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceIncidents, serviceMonths, type ServiceMonth } from '../src/lib/status/service-history.ts';
import type { SiteModel } from '../src/lib/model/site-model.ts';
import { loadModel } from './helpers/models.ts';
import { EXAMPLE_FIXTURE } from './helpers/sites.ts';

// 20:00 on 26 November in Shanghai.
const NOW = '2026-11-26T12:00:00Z';
let model: SiteModel;
let months: ServiceMonth[];

beforeAll(async () => {
  ({ model } = await loadModel(EXAMPLE_FIXTURE, NOW));
  months = serviceMonths(model, model.services.find((service) => service.id === 'api-gateway')!);
});

describe('twelve months of a service', () => {
  it('runs from December 2025 to the current month, oldest first', () => {
    expect(months.map((month) => month.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
  });

  it('measures a whole past month against the target, with its error budget', () => {
    // INC-20260317-001: the API gateway fully down for 52 minutes. March has 31 days, 44,640 minutes:
    // 1 - 52 / 44,640 = 99.8835%; the 99.95% target allows 0.05% of it, 22.32 minutes, so 52 minutes use 233%.
    const march = months[3]!;
    expect(march.percent).toBeCloseTo((1 - 52 / 44_640) * 100, 6);
    expect(march.meetsTarget).toBe(false);
    expect(march.budget.allowedMs).toBeCloseTo(22.32 * 60_000, 0);
    expect(march.budget.usedMs).toBe(52 * 60_000);
    expect(Math.round(march.budget.usedShare * 100)).toBe(233);
    expect(march.daysWithDowntime).toBe(1);
  });

  it('lays a month out in Monday-first weeks, the day of the outage drawn by its loss', () => {
    // 1 March 2026 is a Sunday: six empty cells first; 31 days end on Tuesday the 31st.
    const march = months[3]!;
    expect(march.weeks[0]!.map((day) => day?.dayOfMonth ?? null)).toEqual([null, null, null, null, null, null, 1]);
    expect(march.weeks.at(-1)!.map((day) => day?.dayOfMonth ?? null)).toEqual([30, 31, null, null, null, null, null]);
    const seventeenth = march.weeks.flat().find((day) => day?.dayOfMonth === 17)!;
    // 52 minutes of 1,440: 96.39%, drawn as a partial day (95% to 99%).
    expect(seventeenth.percent).toBeCloseTo((1 - 52 / 1_440) * 100, 6);
    expect(seventeenth.level).toBe('partial');
    expect(seventeenth.incidentIds).toEqual(['INC-20260317-001']);
  });

  it('measures the current month up to now and leaves the days after today empty', () => {
    const november = months[11]!;
    // 1 November 00:00 to 26 November 20:00 in Shanghai: 25 days and 20 hours.
    expect(november.budget.allowedMs).toBeCloseTo(0.0005 * (25 * 24 + 20) * 3_600_000, 0);
    const days = november.weeks.flat().filter((day) => day !== null);
    expect(days).toHaveLength(30);
    expect(days.filter((day) => day.future).map((day) => day.dayOfMonth)).toEqual([27, 28, 29, 30]);
  });
});

describe('a service\'s incidents', () => {
  it('lists those that affected it, newest first, with how long it was impaired', () => {
    const { shown, total } = serviceIncidents(model, 'api-gateway');
    expect(total).toBe(shown.length);
    expect(shown[0]!.incident.id).toBe('INC-20261125-001');
    // Still open: from 21:10 on 25 November to now, 20:00 on the 26th.
    expect(shown[0]!.impairedMs).toBe((22 * 60 + 50) * 60_000);
    const tls = shown.find((entry) => entry.incident.id === 'INC-20260317-001')!;
    expect([tls.impact, tls.impairedMs]).toEqual(['major_outage', 52 * 60_000]);
    expect(shown.every((entry) => entry.incident.services.some((affected) => affected.id === 'api-gateway'))).toBe(true);
    expect(serviceIncidents(model, 'api-gateway', 2).shown).toHaveLength(2);
  });
});

describe('a service shown only while impaired', () => {
  it('leaves the status page while operational and returns with an outage; its figures and page stay', async () => {
    const { statusPage } = await import('../src/lib/status/status-page.ts');
    const flagged = { ...model, services: model.services.map((service) => (service.id === 'cache' || service.id === 'api-gateway' ? { ...service, showOnlyWhenImpaired: true } : service)) };
    const page = statusPage(flagged);
    const shown = page.shownGroups.flatMap((section) => section.services.map((row) => row.service.id));
    // At 20:00 on 26 November the cache is operational and the API gateway in a partial outage (INC-20261125-001).
    expect(shown).not.toContain('cache');
    expect(shown).toContain('api-gateway');
    expect(page.groups.flatMap((section) => section.services.map((row) => row.service.id))).toContain('cache');
  });
});
