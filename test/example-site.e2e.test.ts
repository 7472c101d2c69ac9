// Builds the bundled example site at a fixed "now" into a temporary folder and reads the pages a user would.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { availabilityOver, trailingDays } from '../src/lib/reliability/availability.ts';
import { formatPercent } from '../src/lib/time/format.ts';
import { reliabilityRecordOf } from '../src/lib/status/status-page.ts';
import { loadSite, type SiteContent } from '../src/validation/load-site.ts';
import { modelOf } from './helpers/models.ts';
import { EXAMPLE_FIXTURE } from './helpers/sites.ts';

let out: string;
let content: SiteContent;

const page = async (route: string): Promise<HTMLElement> => parse(await readFile(path.join(out, route, route.endsWith('.xml') ? '' : 'index.html'), 'utf8'));
const text = (element: HTMLElement | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  out = inject('exampleSite');
  const loaded = await loadSite(EXAMPLE_FIXTURE, { AFTERMATH_NOW: inject('exampleNow') });
  if (!loaded.ok) throw new Error('example content is invalid');
  content = loaded.content;
});

describe('the status page', () => {
  it('shows the overall banner derived from the open incidents', async () => {
    const home = await page('');
    expect(text(home.querySelector('.banner'))).toBe('Partial outage');
  });

  it('lists the open and the monitoring incident with their latest update', async () => {
    const cards = (await page('')).querySelectorAll('.incident-card');
    expect(cards.map((card) => text(card.querySelector('h3 a')))).toEqual(['API gateway returning 502 errors for some requests', 'Large file uploads intermittently failing']);
    expect(text(cards[0])).toContain('Fixing — We are moving traffic away from the affected availability zone.');
    expect(text(cards[0])).toContain('Latest update: Nov 25, 2026, 22:35 GMT+8');
    expect(text(cards[1])).toContain('Monitoring —');
    expect(cards[0]!.querySelector('a')!.getAttribute('href')).toBe('/incidents/INC-20261125-001/');
  });

  it('shows every service by group with its current state', async () => {
    const home = await page('');
    const groups = home.querySelectorAll('.group').map((group) => [text(group.querySelector('h3')).replace(text(group.querySelector('.group-availability')), '').trim(), group.querySelectorAll('.service-name').length]);
    expect(groups).toEqual([
      ['Core services', 4],
      ['Data services', 3],
      ['Monitoring', 3],
    ]);
    const state = (id: string) => text(home.querySelector(`#service-${id} .service-head .state`));
    expect(state('api-gateway')).toBe('Partial outage');
    expect(state('agent-coordinator')).toBe('Degraded performance');
    // the monitoring incident's service recovered: it is operational while being watched
    expect(state('file-storage')).toBe('Operational');
    expect(state('primary-db')).toBe('Operational');
  });

  it('shows each service\'s 90 days as one image linking to its page, which lists each day in words', async () => {
    const home = await page('');
    const link = home.querySelector('#service-cache .bars-link')!;
    expect(link.getAttribute('href')).toBe('/services/cache/');
    expect(home.querySelectorAll('#service-cache .bars-link img')).toHaveLength(1);
    expect(link.querySelector('img')!.getAttribute('src')).toMatch(/^\/bars\/cache\.svg\?v=[0-9a-f]{12}$/);
    // One day with downtime (the failover on 6 November), none with maintenance.
    expect(link.querySelector('img')!.getAttribute('alt')).toBe('Cache: 90 days of availability, 1 with downtime and 0 with maintenance; each day in words');
    const days = (await page('services/cache')).querySelectorAll('.days .day');
    expect(days).toHaveLength(90);
    expect(text(days[0])).toMatch(/^Nov 26, 2026: /);
    const failover = days.find((day) => text(day).startsWith('Nov 6, 2026'))!;
    // 33 minutes of partial outage at half weight: 16.5 minutes of 1,440
    expect(text(failover)).toBe('Nov 6, 2026: 98.854%, Downtime 16 min 30 s. INC-20261106-001');
    expect(failover.querySelector('a')!.getAttribute('href')).toBe('/incidents/INC-20261106-001/');
  });

  it('gives each service its months against the target, a year of days, its incidents and its badge', async () => {
    const service = await page('services/api-gateway');
    // INC-20260317-001: 52 minutes fully down in March's 44,640 minutes: 99.883%; the 99.95% target allows 22.32
    // minutes, so 233% of the error budget.
    const march = service.querySelectorAll('.service-months tbody tr').find((row) => text(row.querySelector('th')) === 'March 2026')!;
    expect(march.querySelectorAll('td').map((cell) => text(cell))).toEqual(['99.883%', '✗ missed', '233%', '52 min']);
    const calendar = service.querySelectorAll('.calendar-month').find((month) => text(month.querySelector('figcaption')).startsWith('March 2026'))!;
    expect(text(calendar.querySelector('figcaption'))).toBe('March 2026: 99.883% (✗ missed), 1 day with downtime');
    // 1 March 2026 is a Sunday: the first row has six empty cells; the 17th is a partial day (96.39%).
    expect(calendar.querySelectorAll('tbody tr')[0]!.querySelectorAll('td').map((cell) => text(cell))).toEqual(['', '', '', '', '', '', '1']);
    const seventeenth = calendar.querySelectorAll('td.cal').find((cell) => text(cell) === '17')!;
    expect([seventeenth.getAttribute('class'), seventeenth.getAttribute('title')]).toEqual(['cal cal-partial', '96.388%']);
    expect(service.querySelectorAll('.calendar-month')).toHaveLength(12);
    const tls = service.querySelectorAll('.service-incidents li').find((item) => text(item).includes('Aura Flow unreachable after TLS certificate expiry'))!;
    expect(text(tls)).toContain('Major outage (52 min)');
    expect(tls.querySelectorAll('a').map((link) => link.getAttribute('href'))).toEqual(['/incidents/INC-20260317-001/', '/postmortems/INC-20260317-001/']);
    expect(service.querySelector('main img[src="/badges/api-gateway.svg"]')?.getAttribute('alt')).toBe('Current state of API gateway');
    // node-html-parser keeps <pre> as raw text: the snippet inside its <code>.
    expect(text(service.querySelector('main pre'))).toBe('<code>![API gateway](https://status.example.com/badges/api-gateway.svg)</code>');
  });

  it('reports each quarter and year: incidents by severity, response per service, months against targets, action items', async () => {
    const index = await page('reports');
    expect(index.querySelectorAll('.report-years a').map((link) => link.getAttribute('href'))).toContain('/reports/2026-q1/');
    const quarter = await page('reports/2026-q1');
    expect(text(quarter.querySelector('h1'))).toBe('Reliability reports: Q1 2026');
    // The severity chart is inline SVG, with the same counts in the table beside it.
    const severity = quarter.querySelectorAll('.report-pair')[0]!;
    expect(severity.querySelector('svg')!.getAttribute('aria-label')).toBe('4 incidents by severity: P0 1, P1 0, P2 2, P3 1');
    expect(severity.querySelectorAll('tbody tr').map((row) => row.querySelectorAll('th, td').map((cell) => text(cell)))).toEqual([['P0 Critical', '1'], ['P1 High', '0'], ['P2 Medium', '2'], ['P3 Low', '1']]);
    const api = quarter.querySelectorAll('table tbody tr').find((row) => text(row.querySelector('th')) === 'API gateway')!;
    expect(api.querySelectorAll('td').map((cell) => text(cell))).toEqual(['1', '3 min', '6 min', '1 / 1', '1 h 55 min', '0 / 1']);
    // Charts need no script: nothing runnable inside them.
    expect(quarter.querySelectorAll('svg script, svg [onload], svg foreignObject')).toHaveLength(0);
    expect(text((await page('zh-cn/reports/2026-q1')).querySelector('h1'))).toBe('可靠性报告：2026 年第 1 季度');
  });

  it('draws the bars image with a day per bar, coloured as the day', async () => {
    const svg = await readFile(path.join(out, 'bars', 'cache.svg'), 'utf8');
    expect(svg.match(/<rect /g)).toHaveLength(90);
    // The failover day is a partial day (98.854%, between 95 and 99); the rest are full days.
    expect(svg.match(/class="partial"/g)).toHaveLength(1);
    expect(svg.match(/class="none"/g)).toHaveLength(89);
  });

  it('shows each group’s 90-day availability as the mean of its services’', async () => {
    const home = await page('');
    const data = home.querySelector('#group-data .group-availability');
    // primary database 99.984%, cache 99.987%, file storage 99.985% (each floored as shown): the mean floors to 99.985%
    expect(text(data)).toBe('99.985% over 90 days, group average');
  });

  it('shows the cache at 99.987% over 90 days, as computed by hand and by the library', async () => {
    const home = await page('');
    const shown = text(home.querySelector('#service-cache .availability strong'));
    // 16.5 weighted minutes lost of 129,600: 99.98727%, shown floored to three decimals
    expect(shown).toBe('99.987%');
    const model = modelOf(content);
    for (const service of model.services) {
      const expected = formatPercent(availabilityOver(service.id, reliabilityRecordOf(model), trailingDays(90, model.nowMs)).percent, 'en');
      expect(text(home.querySelector(`#service-${service.id} .availability strong`)), service.id).toBe(expected);
    }
  });

  it('shows the upcoming maintenance and not the past one', async () => {
    const section = (await page('')).querySelector('#maintenance')!.parentNode;
    expect(text(section)).toContain('File storage migration');
    expect(text(section)).toContain('Dec 6, 2026, 01:00 GMT+8');
    expect(text(section)).not.toContain('upgrade');
  });
});

describe('the incident history and an incident page', () => {
  it('lists every incident newest first, grouped by month', async () => {
    const history = await page('incidents');
    const months = history.querySelectorAll('main h2').map(text);
    expect(months[0]).toBe('November 2026');
    expect(months.at(-1)).toBe('December 2024');
    const ids = history.querySelectorAll('.history-item').map((item) => text(item.querySelector('.muted span')));
    expect(ids).toHaveLength(34);
    expect(ids[0]).toBe('INC-20261125-001');
    expect(ids.at(-1)).toBe('INC-20241203-001');
  });

  it('links each incident whose postmortem is published to it, in both languages, and no other', async () => {
    for (const [prefix, word] of [['', 'Postmortem'], ['zh-cn/', '复盘报告']] as const) {
      const route = `${prefix}incidents`;
      const items = (await page(route)).querySelectorAll('.history-item');
      const linked = (id: string) => items.find((item) => text(item.querySelector('.muted span')) === id)!.querySelectorAll('a').filter((link) => link.getAttribute('href') === `/${prefix}postmortems/${id}/`);
      expect(linked('INC-20250115-001').map((link) => text(link)), route).toEqual([word]);
      expect(linked('INC-20241203-001'), route).toEqual([]);
    }
  });

  it('shows the seed incident with its instants, durations, services, timeline and postmortem link', async () => {
    const incident = await page('incidents/INC-20250115-001');
    const facts = Object.fromEntries(
      incident.querySelectorAll('dl.facts dt').map((dt) => [text(dt), text(dt.nextElementSibling)]),
    );
    expect(facts['Severity']).toBe('P1 — High');
    expect(facts['Started']).toBe('Jan 15, 2025, 22:30 GMT+8');
    expect(facts['Detected']).toBe('Jan 15, 2025, 22:32 GMT+8');
    expect(facts['Resolved']).toBe('Jan 16, 2025, 00:45 GMT+8');
    expect(facts['Time to detect']).toBe('2 min');
    expect(facts['Time to first response']).toBe('4 min');
    expect(facts['Time to mitigate']).toBe('48 min'); // first "monitoring" update at 23:18
    expect(facts['Time to resolve']).toBe('2 h 15 min');
    expect(facts['Status']).toBe('Closed');
    const rows = incident.querySelector('#affected')!.parentNode!.querySelectorAll('tbody tr');
    expect(rows.map((row) => text(row.querySelector('th')))).toEqual(['Agent coordinator', 'API gateway', 'Workflow engine']);
    expect(rows.map((row) => row.querySelectorAll('td').map(text))).toEqual([
      ['Major outage', 'Jan 15, 2025, 22:30 GMT+8 – Jan 15, 2025, 23:30 GMT+8', '1 h'],
      ['Major outage', 'Jan 15, 2025, 22:30 GMT+8 – Jan 15, 2025, 23:30 GMT+8', '1 h'],
      ['Partial outage', 'Jan 15, 2025, 22:35 GMT+8 – Jan 15, 2025, 23:30 GMT+8', '55 min'],
    ]);
    const targets = incident.querySelector('#targets-box')!.parentNode!.querySelectorAll('tbody tr').map((row) => [text(row.querySelector('th')), ...row.querySelectorAll('td').map(text)]);
    expect(targets).toEqual([
      ['Time to first response', '4 min', 'P1 Response 30 min', '✓ met (margin 26 min)'],
      ['Time to resolve', '2 h 15 min', 'P1 Resolution 4 h', '✓ met (margin 1 h 45 min)'],
      ['Time to recover: Agent coordinator', '1 h', 'RTO 10 min', '✗ missed (over 50 min)'],
      ['Time to recover: API gateway', '1 h', 'RTO 5 min', '✗ missed (over 55 min)'],
      ['Time to recover: Workflow engine', '55 min', 'RTO 15 min', '✗ missed (over 40 min)'],
    ]);
    const timeline = incident.querySelectorAll('.timeline li');
    expect(timeline).toHaveLength(7);
    expect(text(timeline[0]!.querySelector('.timeline-head'))).toBe('Closed Jan 17, 2025, 18:00 GMT+8');
    expect(incident.querySelector('time[datetime="2025-01-15T14:30:00Z"]')).not.toBeNull();
    expect(incident.querySelector('a[href="/postmortems/INC-20250115-001/"]')).not.toBeNull();
  });
});

describe('a postmortem page', () => {
  it('renders every section of the template with the action items as tables', async () => {
    const postmortem = await page('postmortems/INC-20250115-001');
    const headings = postmortem.querySelectorAll('main h2').map(text);
    expect(headings).toEqual(['Basic facts', 'Targets', 'Summary', 'Timeline', 'Root cause analysis', 'Impact', 'Response', 'Lessons', 'Action items', 'Action plan by area', 'Appendix']);
    const subheadings = postmortem.querySelectorAll('main h3').map(text);
    for (const heading of ['Direct cause', 'Root cause', '5 whys', 'Contributing factors', 'Business impact', 'Technical impact', 'Actions taken', 'Fix', 'Verification', 'What went well', 'What went badly']) {
      expect(subheadings).toContain(heading);
    }
    const tables = postmortem.querySelectorAll('table.action-items');
    expect(tables.map((table) => text(table.querySelector('caption')))).toEqual(['Immediate actions', 'Long-term improvements']);
    expect(tables[0]!.querySelectorAll('thead th').map(text)).toEqual(['ID', 'Description', 'Owner', 'Due', 'Status', 'Priority', 'Acceptance criterion']);
    expect(text(tables[0]!.querySelector('tbody th'))).toBe('AI-001');
    expect(postmortem.querySelector('a[href="/incidents/INC-20250115-001/"]')).not.toBeNull();
  });

  it('has the targets box of its incident', async () => {
    const postmortem = await page('postmortems/INC-20250115-001');
    const rows = postmortem.querySelector('#targets-box')!.parentNode!.querySelectorAll('tbody tr').map((row) => [text(row.querySelector('th')), ...row.querySelectorAll('td').map(text)]);
    expect(rows[1]).toEqual(['Time to resolve', '2 h 15 min', 'P1 Resolution 4 h', '✓ met (margin 1 h 45 min)']);
  });

  it('lists open action items across postmortems, overdue first', async () => {
    const actions = await page('postmortems/actions');
    const rows = actions.querySelectorAll('table.open-actions tbody tr');
    expect(rows.length).toBeGreaterThan(0);
    // the recent P1's long-term item was due 20 November and is still open
    expect(text(rows[0]!.querySelector('th'))).toBe('LI-001');
    expect(text(rows[0])).toContain('⚠ Overdue');
    expect(rows[0]!.querySelector('a')!.getAttribute('href')).toBe('/postmortems/INC-20261014-001/#LI-001');
    const overdue = rows.map((row) => text(row).includes('Overdue'));
    expect(overdue).toEqual([...overdue].sort((a, b) => Number(b) - Number(a)));
    expect(text(actions)).not.toContain('Done');
  });

  it('is listed in the archive, drafts and reviews are not', async () => {
    const archive = await page('postmortems');
    const links = archive.querySelectorAll('.archive-title a').map((link) => link.getAttribute('href'));
    expect(links).toContain('/postmortems/INC-20250115-001/');
    expect(links).not.toContain('/postmortems/INC-20261119-001/'); // in review
    expect(existsSync(path.join(out, 'postmortems/INC-20261119-001'))).toBe(false);
  });
});

describe('the targets page', () => {
  it('shows each service’s RTO, RPO and target beside 30, 90 and 365-day availability', async () => {
    const targets = await page('targets');
    const cells = targets.querySelectorAll('#target-cache td').map(text);
    // hand-checked: 16.5 weighted minutes in each window; budget 0.5% of 30 days = 216 min, 199.5 left
    expect(cells).toEqual(['5 min', '0 s', '99.500%', '99.961% ✓ (met)', '99.987% ✓ (met)', '99.996% ✓ (met)', '3 h 19 min / 3 h 36 min']);
    expect(targets.querySelectorAll('table.targets tbody tr')).toHaveLength(10);
  });

  it('shows for every service the figures the library computes', async () => {
    const targets = await page('targets');
    const model = modelOf(content);
    for (const service of model.services) {
      const cells = targets.querySelectorAll(`#target-${service.id} td[data-days]`).map(text);
      const expected = [30, 90, 365].map((days) => {
        const percent = availabilityOver(service.id, reliabilityRecordOf(model), trailingDays(days, model.nowMs)).percent;
        return `${formatPercent(percent, 'en')} ${percent >= service.availability ? '✓ (met)' : '✗ (missed)'}`;
      });
      expect(cells, service.id).toEqual(expected);
    }
  });

  it('says per incident whether recovery met the RTO', async () => {
    const targets = await page('targets');
    const cacheRecoveries = targets.querySelector('#recoveries-cache')!.parentNode!;
    const row = cacheRecoveries.querySelectorAll('tbody tr').find((candidate) => text(candidate).includes('INC-20261106-001'))!;
    // the cache was impaired 14:25 to 14:58 against a 5-minute RTO
    expect(text(row)).toContain('33 min ✗ missed (over 28 min)');
  });
});

describe('the RSS feed', () => {
  it('has the newest 50 incident updates and published postmortems, newest first, with stable guids and absolute links', async () => {
    const xml = await readFile(path.join(out, 'rss.xml'), 'utf8');
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const items = feed.rss.channel.item as { title: string; link: string; guid: { '#text': string }; pubDate: string; description: string }[];
    const updateCount = content.incidents.reduce((sum, entry) => sum + entry.incident.updates.length, 0);
    const publishedCount = content.incidents.filter((entry) => entry.postmortem?.postmortem.status === 'published').length;
    // 158 entries in all; the feed keeps the newest 50.
    expect(updateCount + publishedCount).toBe(158);
    expect(items).toHaveLength(50);
    expect(items[0]!.title).toBe('[P1] API gateway, Agent coordinator: fixing — API gateway returning 502 errors for some requests');
    expect(new Date(items[0]!.pubDate).toISOString()).toBe('2026-11-25T14:35:00.000Z');
    expect(items[0]!.link).toBe('https://status.example.com/incidents/INC-20261125-001/#update-2026-11-25t143500z');
    expect(items[0]!.guid['#text']).toBe('https://status.example.com/incidents/INC-20261125-001/#update-2026-11-25t143500z-fixing');
    const dates = items.map((item) => Date.parse(item.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(new Set(items.map((item) => item.guid['#text'])).size).toBe(items.length);
    expect(items[0]!.description).toContain('<p>We are moving traffic away');
  });

  it('is linked from every page for autodiscovery', async () => {
    for (const route of ['', 'incidents', 'targets', 'postmortems/INC-20250115-001']) {
      const link = (await page(route)).querySelector('link[rel="alternate"][type="application/rss+xml"]');
      expect(link?.getAttribute('href'), route).toBe('/rss.xml');
    }
  });
});

describe('the Chinese pages', () => {
  it('serve the status page under /zh-cn/ with Chinese interface strings and dates', async () => {
    const home = await page('zh-cn');
    expect(home.querySelector('html')!.getAttribute('lang')).toBe('zh-CN');
    expect(text(home.querySelector('.banner'))).toBe('部分服务中断');
    expect(home.querySelectorAll('nav a').map(text)).toEqual(['服务状态', '事故历史', '事故复盘', '可靠性目标']);
    expect(home.querySelector('nav a')!.getAttribute('href')).toBe('/zh-cn/');
    expect(text(home.querySelector('.incident-card'))).toContain('最新进展：2026年11月25日 22:35 GMT+8');
  });

  it('link each page to its other-language version', async () => {
    const english = await page('incidents/INC-20250115-001');
    expect(english.querySelector('html')!.getAttribute('lang')).toBe('en');
    expect(english.querySelector('link[hreflang="zh-CN"]')!.getAttribute('href')).toBe('https://status.example.com/zh-cn/incidents/INC-20250115-001/');
    expect(english.querySelector('.language-switch a')!.getAttribute('href')).toBe('/zh-cn/incidents/INC-20250115-001/');
    const chinese = await page('zh-cn/incidents/INC-20250115-001');
    expect(chinese.querySelector('.language-switch a')!.getAttribute('href')).toBe('/incidents/INC-20250115-001/');
    expect(text(chinese.querySelector('#targets-box')!.parentNode)).toContain('2 小时 15 分钟');
  });
});
