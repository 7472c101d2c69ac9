// Quarterly and yearly reports on the example site (Asia/Shanghai), figures worked by hand from its files, and the
// charts drawn from them.
import { beforeAll, describe, expect, it } from 'vitest';
import { periodReport, reportPeriods, type ReportPeriod } from '../src/lib/reports/period-reports.ts';
import { horizontalBarsSvg, monthBarsSvg } from '../src/lib/reports/report-charts.ts';
import type { SiteModel } from '../src/lib/model/site-model.ts';
import { loadModel } from './helpers/models.ts';
import { EXAMPLE_FIXTURE } from './helpers/sites.ts';

const NOW = '2026-11-26T12:00:00Z';
let model: SiteModel;
let periods: ReportPeriod[];

beforeAll(async () => {
  ({ model } = await loadModel(EXAMPLE_FIXTURE, NOW));
  periods = reportPeriods(model);
});

describe('the periods on record', () => {
  it('are every year and quarter from the first incident (Q4 2024) to now, newest first', () => {
    expect(periods.map((period) => period.id)).toEqual(['2026', '2026-q4', '2026-q3', '2026-q2', '2026-q1', '2025', '2025-q4', '2025-q3', '2025-q2', '2025-q1', '2024', '2024-q4']);
    const q4 = periods.find((period) => period.id === '2026-q4')!;
    // 1 October 00:00 in Shanghai is 30 September 16:00 UTC; the quarter runs to now.
    expect([new Date(q4.startMs).toISOString(), q4.endMs, q4.current]).toEqual(['2026-09-30T16:00:00.000Z', Date.parse(NOW), true]);
    expect(periods.find((period) => period.id === '2026-q1')).toMatchObject({ from: '2026-01-01', until: '2026-04-01', current: false });
  });
});

describe('the first quarter of 2026', () => {
  it('counts its incidents by severity: INC-20260108 P2, INC-20260126 P3, INC-20260219 P2, INC-20260317 P0', () => {
    const report = periodReport(model, periods.find((period) => period.id === '2026-q1')!);
    expect(report.bySeverity).toEqual([
      { level: 'P0', count: 1 },
      { level: 'P1', count: 0 },
      { level: 'P2', count: 2 },
      { level: 'P3', count: 1 },
    ]);
  });

  it('judges the API gateway\'s one incident against P0\'s policy', () => {
    const report = periodReport(model, periods.find((period) => period.id === '2026-q1')!);
    // INC-20260317-001: started 08:00, detected 08:03, first update 08:09, resolved 09:55. P0 asks for a first
    // response within 15 minutes (6: met) and a resolution within 1 hour (1 h 55 min: missed).
    expect(report.responses.find((row) => row.serviceId === 'api-gateway')).toEqual({
      serviceId: 'api-gateway',
      incidents: 1,
      detectMedianMs: 3 * 60_000,
      respondMedianMs: 6 * 60_000,
      resolveMedianMs: 115 * 60_000,
      respondMet: 1,
      respondJudged: 1,
      resolveMet: 0,
      resolveJudged: 1,
    });
    expect(report.responses.find((row) => row.serviceId === 'cache')).toEqual({ serviceId: 'cache', incidents: 0, respondMet: 0, respondJudged: 0, resolveMet: 0, resolveJudged: 0 });
  });

  it('gives each month\'s availability against the target, as the service page does', () => {
    const report = periodReport(model, periods.find((period) => period.id === '2026-q1')!);
    const api = report.availability.find((row) => row.serviceId === 'api-gateway')!;
    expect(api.months.map((month) => month.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    // March: 52 minutes fully down of 44,640.
    expect(api.months[2]!.percent).toBeCloseTo((1 - 52 / 44_640) * 100, 6);
    expect(api.months.map((month) => month.meetsTarget)).toEqual([true, true, false]);
  });

  it('counts the action items of the postmortem dated in it (18 March), as they stand today', () => {
    const report = periodReport(model, periods.find((period) => period.id === '2026-q1')!);
    expect(report.actionItems).toEqual({ opened: 6, closed: 6, overdue: 0 });
  });
});

describe('the current quarter', () => {
  it('leaves the months after now without data', () => {
    const year = periodReport(model, periods.find((period) => period.id === '2026')!);
    const months = year.availability[0]!.months;
    expect(months.filter((month) => month.noData).map((month) => month.month)).toEqual(['2026-12']);
  });
});

describe('the charts', () => {
  it('draws bars proportional to the largest value, labelled for screen readers in one sentence', () => {
    const svg = horizontalBarsSvg(
      [
        { label: 'P0 Critical', value: 1, valueText: '1', className: 'severity-0' },
        { label: 'P2 <Medium>', value: 2, valueText: '2', className: 'severity-2' },
        { label: 'P3', value: 0, valueText: '0', className: 'severity-3' },
      ],
      '3 incidents by severity',
    );
    expect(svg.match(/<rect [^>]*width="(\d+)"/g)!.map((rect) => Number(/width="(\d+)"/.exec(rect)![1]))).toEqual([130, 260, 0]);
    expect(svg).toContain('role="img" aria-label="3 incidents by severity"');
    expect(svg).toContain('P2 &lt;Medium&gt;');
  });

  it('draws a missed month in the missed colour and the target as a line', () => {
    const svg = monthBarsSvg([{ label: 'Jan', percent: 100, meetsTarget: true }, { label: 'Feb', meetsTarget: true }, { label: 'Mar', percent: 99.88, meetsTarget: false }], 99.95, 'API gateway');
    expect(svg.match(/class="(met|missed|no-data)"/g)).toEqual(['class="met"', 'class="no-data"', 'class="missed"']);
    expect(svg).toContain('class="target"');
  });
});
