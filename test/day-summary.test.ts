// A day of a service in words, one wording for the service page's list and the status page's slider, and the
// compact form the slider carries its 90 days in.
import { describe, expect, it } from 'vitest';
import { translator } from '../src/i18n/index.ts';
import { dayBarsData, daySentence, daySummary } from '../src/lib/status/day-summary.ts';
import { dayWithDowntime } from './helpers/daily-availability.ts';

const day = dayWithDowntime;
const en = translator('en');
const zh = translator('zh-CN');

describe('a day in words', () => {
  it('gives the date, availability, downtime, maintenance and incidents', () => {
    // 90 min down of 1,440: 93.750%; a leap day.
    const summary = daySummary(day('2028-02-29', 90, { maintenanceMs: 30 * 60_000, incidentIds: ['INC-20280229-001', 'INC-20280229-002'] }), 'en', en);
    expect(summary).toEqual({ date: 'Feb 29, 2028', facts: '93.750%, Downtime 1 h 30 min, Maintenance 30 min', incidentIds: ['INC-20280229-001', 'INC-20280229-002'] });
    expect(daySentence(summary, en)).toBe('Feb 29, 2028: 93.750%, Downtime 1 h 30 min, Maintenance 30 min. INC-20280229-001, INC-20280229-002');
  });

  it('writes Chinese with full-width punctuation and the enumeration comma between incidents', () => {
    const summary = daySummary(day('2026-12-31', 3, { incidentIds: ['INC-20261231-001', 'INC-20261231-002'] }), 'zh-CN', zh);
    // 3 min of 1,440: 99.7916…%, cut (never rounded up, so a bad day never reads better) to 99.791%.
    expect(daySentence(summary, zh)).toBe('2026年12月31日：99.791%，中断时长 3 分钟。INC-20261231-001、INC-20261231-002');
  });

  it('says a day before tracking began has no data, with no figures', () => {
    expect(daySentence(daySummary(day('2026-11-01', 0, { noData: true, percent: 0 }), 'en', en), en)).toBe('Nov 1, 2026: No data (not tracked yet)');
  });
});

describe('the days as the slider carries them', () => {
  it('keeps each wording once, one index per day, and incidents by day', () => {
    // 10 min of 1,440: 99.3055…%, cut to 99.305%.
    const days = [day('2026-11-01', 0, { noData: true }), day('2026-11-02', 0), day('2026-11-03', 10, { incidentIds: ['INC-20261103-001'] }), day('2026-11-04', 0)];
    expect(dayBarsData(days, 'en', en)).toEqual({
      first: '2026-11-01',
      facts: ['No data (not tracked yet)', '100.000%, No downtime', '99.305%, Downtime 10 min'],
      days: [0, 1, 2, 1],
      incidents: { 2: ['INC-20261103-001'] },
    });
  });
});
