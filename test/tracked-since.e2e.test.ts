// A service tracked since a recent day, as the built status and targets pages show it in both languages.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOf, runScript, VALID_FIXTURE } from './helpers/sites.ts';

let root: string;
let out: string;

// The website is tracked from 17 November (Berlin); now is 26 November 12:00Z (13:00 in Berlin).
beforeAll(async () => {
  root = await copyOf(VALID_FIXTURE);
  const services = path.join(root, 'content', 'services.yaml');
  const text = await readFile(services, 'utf8');
  expect(text).toContain('    since: 2025-01-01\n');
  await writeFile(services, text.replace('    since: 2025-01-01\n', '    since: 2026-11-17\n'));
  out = path.join(await mkdtemp(path.join(os.tmpdir(), 'aftermath-since-')), 'site');
  const build = runScript('build.ts', ['--root', root, '--out', out], { AFTERMATH_NOW: '2026-11-26T12:00:00Z' });
  expect(build.status, build.stderr).toBe(0);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  if (out) await rm(path.dirname(out), { recursive: true, force: true });
});

async function page(file: string): Promise<HTMLElement> {
  return parse(await readFile(path.join(out, file), 'utf8'));
}

const text = (node: HTMLElement) => node.textContent.replace(/\s+/g, ' ').trim();

describe('the status page of a service tracked for ten days', () => {
  it('shows the 80 days before tracking began as no data, in words, never as 100%', async () => {
    // The service's page lists the days newest first; oldest first here, as the bars show them.
    const days = (await page('services/web/index.html')).querySelectorAll('.days .day').reverse();
    expect(days).toHaveLength(90);
    // 90 days ending 26 November start on 29 August; 29 August to 16 November are 3 + 30 + 31 + 16 = 80 days
    const untracked = days.slice(0, 80);
    expect(untracked.every((day) => day.classList.contains('day-no-data'))).toBe(true);
    expect(text(untracked[0]!)).toBe('Aug 29, 2026: No data (not tracked yet)');
    expect(text(untracked[79]!)).toBe('Nov 16, 2026: No data (not tracked yet)');
    expect(untracked.some((day) => text(day).includes('%'))).toBe(false);
    // 17 November is tracked and clean; the incident before tracking began (10 November) is not counted
    expect(text(days[80]!)).toBe('Nov 17, 2026: 100.000%, No downtime');
    // 20 November: degraded (weight 0.2) from 22:30 to midnight = 90 × 0.2 = 18 min; 1 − 18 / 1440 = 98.75%
    expect(text(days[83]!)).toMatch(/^Nov 20, 2026: 98\.750%, Downtime 18 min/);
  });

  it('gives the 90-day figure over the tracked days and says since when', async () => {
    const figure = text((await page('index.html')).querySelector('#service-web .availability span')!);
    // tracked from 16 Nov 23:00Z to 26 Nov 12:00Z = 9 d 13 h = 13,740 min; degraded from 20 Nov 21:30Z to now
    // = 5 d 14 h 30 min = 8,070 min × 0.2 = 1,614 min; 100 × (1 − 1,614 / 13,740) = 88.2532…%, floored 88.253%
    expect(figure).toBe('Availability since Nov 17, 2026: 88.253%');
  });

  it('says the same in Chinese', async () => {
    const home = await page('zh-cn/index.html');
    expect(text(home.querySelector('#service-web .availability span')!)).toBe('可用性，统计自 2026年11月17日：88.253%');
    expect(text((await page('zh-cn/services/web/index.html')).querySelectorAll('.days .day').at(-1)!)).toBe('2026年8月29日：无数据（尚未开始记录）');
  });

  it('leaves services without since as they were: 90 days, no "no data" day', async () => {
    const home = await page('index.html');
    expect((await page('services/rest-api/index.html')).querySelectorAll('.day-no-data')).toHaveLength(0);
    expect(text(home.querySelector('#service-rest-api .availability span')!)).toMatch(/^Availability over the last 90 days: /);
  });
});

describe('the targets page of a service tracked for ten days', () => {
  it('clips every window and the budget to the tracked days and says since when', async () => {
    const cells = (await page('targets/index.html')).querySelectorAll('#target-web td').map(text);
    // 30, 90 and 365 days all reach back before 17 November: each is the 13,740 tracked minutes, 88.253%
    const since = 'since Nov 17, 2026';
    // budget: 0.1% of 13,740 min = 13.74 min allowed, shown 13 min; left 13.74 − 1,614 = −1,600.26 min
    // = −26.67 h, floored toward minus infinity at hours (past a day) = −27 h = −1 d 3 h
    expect(cells.slice(0, 6)).toEqual(['15 min', '5 min', '99.900%', `88.253% ✗ (missed) ${since}`, `88.253% ✗ (missed) ${since}`, `88.253% ✗ (missed) ${since}`]);
    // 13.74 min at weight 0.2 from 21:30Z last 68.7 min: the budget ran out at 22:38:42Z, 23:38 in Berlin
    expect(cells[6]).toMatch(new RegExp(`^\u22121 d 3 h / 13 min ${since} Budget ran out on Nov 20, 2026, 23:38`));
  });
});
