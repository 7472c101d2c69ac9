// A site with years of realistic history for the benchmarks: the example's resolved incidents (several updates
// each, about 20% with postmortems, English and Chinese text) cloned under new ids, each round of clones moved a
// day further back, so the ids, local dates, postmortem dates and due dates stay consistent and the check passes.
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const DAY_MS = 86_400_000;
/** Written instants (`2026-11-25T21:10:00+08:00`, seconds optional) and plain dates (`2026-10-16`). */
const INSTANT = /\b(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)([+-]\d{2}:\d{2}|Z)\b/g;
const DATE = /(?<![\dT-])(\d{4})-(\d{2})-(\d{2})(?![\d:T])/g;
const ID = /\bINC-(\d{8})-(\d{3})\b/g;

interface Source {
  id: string;
  index: string;
  postmortem?: string;
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** Moves every instant and date in a file `days` earlier; instants keep their offset and wall-clock time. */
function shifted(text: string, days: number): string {
  return text.replace(INSTANT, (_match, date: string, time: string, offset: string) => `${shiftDate(date, days)}T${time}${offset}`).replace(DATE, (_match, year: string, month: string, day: string) => shiftDate(`${year}-${month}-${day}`, days));
}

async function resolvedSources(example: string): Promise<Source[]> {
  const sources: Source[] = [];
  for (const year of await readdir(path.join(example, 'incidents'))) {
    if (!/^\d{4}$/.test(year)) continue;
    for (const id of await readdir(path.join(example, 'incidents', year))) {
      const folder = path.join(example, 'incidents', year, id);
      const index = await readFile(path.join(folder, 'index.md'), 'utf8');
      // The open incidents stay as they are: cloned, a site would have hundreds open at once.
      if (!/^resolved: /m.test(index)) continue;
      const postmortem = await readFile(path.join(folder, 'postmortem.md'), 'utf8').catch(() => undefined);
      sources.push({ id, index, ...(postmortem ? { postmortem } : {}) });
    }
  }
  return sources;
}

/**
 * The example site plus clones up to `count` incidents in all. Round r (from 1) moves every resolved incident r
 * days back; the new id takes the shifted local date (the example writes +08:00, the site's zone) and the next
 * free number of that day, and every mention of the old id in its files becomes the new one.
 */
export async function clonedHistorySite(example: string, count: number): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'aftermath-history-'));
  await cp(example, root, { recursive: true });
  const sources = await resolvedSources(example);
  const taken = new Map<string, number>();
  for (const year of await readdir(path.join(root, 'incidents'))) {
    if (!/^\d{4}$/.test(year)) continue;
    for (const id of await readdir(path.join(root, 'incidents', year))) {
      const [, day = '', number = '0'] = /^INC-(\d{8})-(\d{3})$/.exec(id) ?? [];
      taken.set(day, Math.max(taken.get(day) ?? 0, Number(number)));
    }
  }
  let total = (await readdir(path.join(root, 'incidents'), { recursive: true })).filter((file) => file.endsWith('index.md')).length;
  for (let round = 1; total < count; round += 1) {
    for (const source of sources) {
      if (total >= count) break;
      const [, day = ''] = /^INC-(\d{8})/.exec(source.id) ?? [];
      const newDay = shiftDate(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`, round).replaceAll('-', '');
      const number = (taken.get(newDay) ?? 0) + 1;
      if (number > 999) continue;
      taken.set(newDay, number);
      const newId = `INC-${newDay}-${String(number).padStart(3, '0')}`;
      const rename = (text: string) => shifted(text, round).replace(ID, (match) => (match === source.id ? newId : match));
      const folder = path.join(root, 'incidents', newDay.slice(0, 4), newId);
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, 'index.md'), rename(source.index));
      if (source.postmortem) await writeFile(path.join(folder, 'postmortem.md'), rename(source.postmortem));
      total += 1;
    }
  }
  return root;
}
