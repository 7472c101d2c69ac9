// A reopened incident's impact windows: the open periods come from its updates, each service's windows from those.
import { describe, expect, it } from 'vitest';
import { activePeriods, impactWindows, impairedMs, serviceWindows } from '../src/lib/incidents/incident-timeline.ts';
import { availabilityOver, dailyAvailability, errorBudgetOver, trailingDays, type ReliabilityRecord } from '../src/lib/reliability/availability.ts';
import { serviceStateAt } from '../src/lib/status/status.ts';
import { serviceSchema } from '../src/schemas/service.ts';
import { incident } from './helpers/records.ts';

const MIN = 60_000;
const at = (time: string) => Date.parse(`2026-03-10T${time}:00Z`);

// The comms lead's day: down at 09:30, resolved 10:30, back at 11:00, recovered (resolved again) 11:20.
const reopenUpdates = [
  { at: '2026-03-10T09:35:00Z', status: 'investigating' },
  { at: '2026-03-10T10:30:00Z', status: 'resolved' },
  { at: '2026-03-10T11:00:00Z', status: 'reopened' },
  { at: '2026-03-10T11:20:00Z', status: 'resolved' },
];
const reopened = incident({
  started: '2026-03-10T09:30:00Z',
  detected: '2026-03-10T09:32:00Z',
  resolved: '2026-03-10T11:20:00Z',
  services: [
    { id: 'queue', impact: 'partial_outage' },
    { id: 'db', impact: 'degraded' },
  ],
  updates: reopenUpdates,
});
const queue = reopened.services[0]!;
const endOfDay = at('23:59') + MIN;

describe('when a reopened incident was open', () => {
  it('runs from the start to the first resolution, then from the reopen to the next resolution', () => {
    expect(activePeriods(reopened)).toEqual([
      { start: at('09:30'), end: at('10:30') },
      { start: at('11:00'), end: at('11:20') },
    ]);
  });

  it('keeps a single period from start to resolved when nothing was reopened', () => {
    const simple = incident({ started: '2026-03-10T09:30:00Z', resolved: '2026-03-10T10:30:00Z', services: [{ id: 'queue', impact: 'degraded' }] });
    expect(activePeriods(simple)).toEqual([{ start: at('09:30'), end: at('10:30') }]);
  });

  it('ends a period at a closed update too, and ignores further notes after a resolution', () => {
    const closedThenReopened = incident({
      started: '2026-03-10T09:30:00Z',
      resolved: '2026-03-10T12:00:00Z',
      services: [{ id: 'queue', impact: 'degraded' }],
      updates: [
        { at: '2026-03-10T09:30:00Z', status: 'investigating' },
        { at: '2026-03-10T10:00:00Z', status: 'resolved' },
        { at: '2026-03-10T10:10:00Z', status: 'resolved' },
        { at: '2026-03-10T10:20:00Z', status: 'closed' },
        { at: '2026-03-10T11:00:00Z', status: 'reopened' },
        { at: '2026-03-10T11:30:00Z', status: 'fixing' },
        { at: '2026-03-10T12:00:00Z', status: 'resolved' },
      ],
    });
    expect(activePeriods(closedThenReopened)).toEqual([
      { start: at('09:30'), end: at('10:00') },
      { start: at('11:00'), end: at('12:00') },
    ]);
  });

  it('leaves the reopened stretch open while the incident has no resolved instant', () => {
    const stillOpen = incident({ started: '2026-03-10T09:30:00Z', services: [{ id: 'queue', impact: 'degraded' }], updates: reopenUpdates.slice(0, 3) });
    expect(activePeriods(stillOpen)).toEqual([
      { start: at('09:30'), end: at('10:30') },
      { start: at('11:00'), end: Number.POSITIVE_INFINITY },
    ]);
  });
});

describe('a service’s impact windows', () => {
  it('leaves out the quiet half hour: 09:30–10:30 and 11:00–11:20, 80 minutes', () => {
    const windows = serviceWindows(reopened, queue, endOfDay);
    expect(windows.map(({ start, end, ongoing }) => ({ start, end, ongoing }))).toEqual([
      { start: at('09:30'), end: at('10:30'), ongoing: false },
      { start: at('11:00'), end: at('11:20'), ongoing: false },
    ]);
    // 60 min + 20 min
    expect(impairedMs(windows)).toBe((60 + 20) * MIN);
  });

  it('bounds the windows by the service’s own start and end within the whole incident', () => {
    const partly = incident({
      started: '2026-03-10T09:30:00Z',
      resolved: '2026-03-10T11:20:00Z',
      services: [
        { id: 'recovered-early', impact: 'degraded', end: '2026-03-10T10:10:00Z' },
        { id: 'late', impact: 'degraded', start: '2026-03-10T10:00:00Z', end: '2026-03-10T11:10:00Z' },
        { id: 'only-after-reopen', impact: 'degraded', start: '2026-03-10T11:05:00Z' },
      ],
      updates: reopenUpdates,
    });
    const spans = (index: number) => serviceWindows(partly, partly.services[index]!, endOfDay).map(({ start, end }) => [start, end]);
    // A service back at 10:10 stays back after the reopen.
    expect(spans(0)).toEqual([[at('09:30'), at('10:10')]]);
    expect(spans(1)).toEqual([[at('10:00'), at('10:30')], [at('11:00'), at('11:10')]]);
    expect(spans(2)).toEqual([[at('11:05'), at('11:20')]]);
  });

  it('counts the reopened stretch to now, as ongoing, while the incident is open again', () => {
    const stillOpen = incident({ started: '2026-03-10T09:30:00Z', services: [{ id: 'queue', impact: 'partial_outage' }], updates: reopenUpdates.slice(0, 3) });
    const windows = serviceWindows(stillOpen, stillOpen.services[0]!, at('11:10'));
    expect(windows.map(({ start, end, ongoing }) => ({ start, end, ongoing }))).toEqual([
      { start: at('09:30'), end: at('10:30'), ongoing: false },
      { start: at('11:00'), end: at('11:10'), ongoing: true },
    ]);
  });

  it('gives a service just listed on an incident started now an ongoing window of no length yet', () => {
    const fresh = incident({ started: '2026-03-10T09:30:00Z', services: [{ id: 'queue', impact: 'major_outage' }] });
    expect(serviceWindows(fresh, fresh.services[0]!, at('09:30'))).toMatchObject([{ start: at('09:30'), end: at('09:30'), ongoing: true }]);
  });

  it('is what impactWindows lists for every service', () => {
    expect(impactWindows([reopened], endOfDay, 'db').map(({ start, end }) => [start, end])).toEqual([
      [at('09:30'), at('10:30')],
      [at('11:00'), at('11:20')],
    ]);
    expect(impactWindows([reopened], endOfDay)).toHaveLength(4);
  });
});

describe('the status page across a reopen', () => {
  it('shows the service operational in the quiet gap and impaired again after the reopen', () => {
    const resolvedOnce = incident({ started: '2026-03-10T09:30:00Z', resolved: '2026-03-10T10:30:00Z', services: [{ id: 'queue', impact: 'partial_outage' }], updates: reopenUpdates.slice(0, 2) });
    const reopenedNow = incident({ started: '2026-03-10T09:30:00Z', services: [{ id: 'queue', impact: 'partial_outage' }], updates: reopenUpdates.slice(0, 3) });
    expect(serviceStateAt('queue', [resolvedOnce], [], at('10:45'))).toBe('operational');
    expect(serviceStateAt('queue', [reopenedNow], [], at('11:05'))).toBe('partial_outage');
    expect(serviceStateAt('queue', [reopened], [], at('11:30'))).toBe('operational');
  });
});

describe('availability and budgets from the real windows', () => {
  const record: ReliabilityRecord = { incidents: [reopened], maintenance: [], weights: { degraded: 0.25, partial_outage: 0.5 }, nowMs: endOfDay };

  it('gives the job queue 97.222% for the day at partial-outage weight 0.5, not 96.181%', () => {
    // Read at noon the next day, so 10 March is a whole day.
    const [day] = dailyAvailability('queue', { ...record, nowMs: endOfDay + 720 * MIN }, 2, 'UTC');
    expect(day!.date).toBe('2026-03-10');
    // 80 impaired minutes at weight 0.5 = 40 minutes down out of 1440.
    expect(day!.downtimeMs).toBe(80 * 0.5 * MIN);
    expect(day!.percent).toBeCloseTo(100 * (1 - (80 * 0.5) / 1440), 9);
  });

  it('gives the degraded database 99.9846% over 90 days, not 99.9788%', () => {
    const ninety = availabilityOver('db', record, trailingDays(90, record.nowMs));
    // 80 minutes at weight 0.25 = 20 minutes down out of 90 × 1440 = 129600.
    expect(ninety.percent).toBeCloseTo(100 * (1 - 20 / 129_600), 9);
  });

  it('spends 40 minutes of the job queue’s 30-day budget', () => {
    const service = serviceSchema.parse({ id: 'queue', name: 'Job queue', group: 'core', rto: '15m', rpo: '5m', availability: '99.9%' });
    const budget = errorBudgetOver(service, record, trailingDays(30, record.nowMs));
    // allowed 0.1% of 43200 min = 43.2 min; used 80 × 0.5 = 40 min
    expect(budget.usedMs).toBe(40 * MIN);
    expect(budget.leftMs).toBeCloseTo(3.2 * MIN, 6);
  });
});
