// The setting the numbers' end-to-end tests share: a copy of the valid fixture (Europe/Berlin, UTC+1 in
// November) with services nothing else touches and the weights, the commands run on it at given
// instants, and the built pages read back.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { copyOf, runScript, VALID_FIXTURE, type CommandResult } from './sites.ts';

export interface ServiceLine {
  id: string;
  name: string;
  rto: string;
  availability: string;
}

/** The job queue and the database of issue #11: RTO 15 and 30 minutes. */
export const QUEUE_AND_DATABASE: ServiceLine[] = [
  { id: 'queue', name: 'Job queue', rto: '15m', availability: '99.9%' },
  { id: 'db', name: 'Database', rto: '30m', availability: '99.99%' },
];

export interface OutageStory {
  root: string;
  out: string;
  /** Every command's result, in the order run. */
  results: CommandResult[];
  /** Runs a command script on the site as if it were `now`. */
  run(script: string, now: string, args: string[]): CommandResult;
  /** Builds the site into `out` (or another folder) as of `now`. */
  build(now: string, out?: string): CommandResult;
  page(route: string, from?: string): Promise<HTMLElement>;
}

/** A copy of the valid fixture with these services added (group platform, RPO 5 min) and weights 0.25 / 0.5. */
export async function outageStory(services: readonly ServiceLine[]): Promise<OutageStory> {
  const root = await copyOf(VALID_FIXTURE);
  const out = path.join(root, 'dist');
  const servicesFile = path.join(root, 'content/services.yaml');
  const added = services.map((service) => `  - id: ${service.id}\n    name: ${service.name}\n    group: platform\n    rto: ${service.rto}\n    rpo: 5m\n    availability: ${service.availability}\n`).join('');
  await writeFile(servicesFile, `${(await readFile(servicesFile, 'utf8')).trimEnd()}\n${added}`);
  const siteFile = path.join(root, 'content/site.yaml');
  await writeFile(siteFile, (await readFile(siteFile, 'utf8')).replace('degraded: 0.2', 'degraded: 0.25').replace('partial_outage: 0.6', 'partial_outage: 0.5'));
  const results: CommandResult[] = [];
  return {
    root,
    out,
    results,
    run(script, now, args) {
      const result = runScript(script, [...args, '--root', root], { AFTERMATH_NOW: now });
      results.push(result);
      return result;
    },
    build: (now, into = out) => runScript('build.ts', ['--root', root, '--out', into], { AFTERMATH_NOW: now }),
    page: async (route, from = out) => parse(await readFile(path.join(from, route, 'index.html'), 'utf8')),
  };
}

/** An element's text with runs of white space as one space. */
export const text = (element: HTMLElement | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The incident page's affected-services table: name, impact, then the number of windows or the cell's text. */
export function affectedRows(incidentPage: HTMLElement): (string | number)[][] {
  return incidentPage
    .querySelectorAll('section[aria-labelledby="affected"] tbody tr')
    .map((row) => [text(row.querySelector('th')), ...row.querySelectorAll('td').map((cell) => cell.querySelectorAll('.impact-window').length || text(cell))]);
}

/** The text of each impact window listed for the affected service in row `index`. */
export function windowTexts(incidentPage: HTMLElement, index: number): string[] {
  return incidentPage.querySelectorAll('section[aria-labelledby="affected"] tbody tr')[index]!.querySelectorAll('.impact-window').map(text);
}

/** The incident page's targets box, a row per line: the heading, then each cell's text. */
export function targetRows(incidentPage: HTMLElement): string[][] {
  return incidentPage.querySelectorAll('.targets-box tbody tr').map((row) => [text(row.querySelector('th')), ...row.querySelectorAll('td').map(text)]);
}
