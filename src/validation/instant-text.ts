// How the check's messages show an instant: as the file wrote it, so the author finds the same text in the file.
import { readInstantWithOffset } from '../lib/time/calendar.ts';
import { isoInstantAtOffset, isoInstantInZone } from '../lib/time/format.ts';
import type { YamlSource } from './yaml-source.ts';

interface WrittenInstants {
  /** Each instant the file writes, by its milliseconds, as first written. */
  texts: Map<number, string>;
  /** The offset of the first instant the file writes, for instants the file does not write (now, a default). */
  offsetMs?: number;
}

const OFFSET = /(Z|([+-])(\d{2}):(\d{2}))$/;

function offsetOf(text: string): number {
  const match = OFFSET.exec(text)!;
  if (match[1] === 'Z') return 0;
  return (match[2] === '-' ? -1 : 1) * (Number(match[3]) * 60 + Number(match[4])) * 60_000;
}

function collect(value: unknown, found: WrittenInstants): void {
  if (typeof value === 'string') {
    const read = readInstantWithOffset(value);
    if (!('ms' in read)) return;
    if (!found.texts.has(read.ms)) found.texts.set(read.ms, value);
    found.offsetMs ??= offsetOf(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, found);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) collect(item, found);
  }
}

const cache = new WeakMap<YamlSource, WrittenInstants>();

function writtenInstants(source: YamlSource): WrittenInstants {
  let found = cache.get(source);
  if (!found) {
    found = { texts: new Map() };
    collect(source.data, found);
    cache.set(source, found);
  }
  return found;
}

/**
 * An instant for a message about `source`: the file's own text when it writes that instant (`2026-11-25T21:14:00+08:00`
 * stays as typed), else the instant in the offset the file writes its instants in, else in the site's zone.
 */
export function instantAsWritten(source: YamlSource, instant: Date | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const found = writtenInstants(source);
  const text = found.texts.get(ms);
  if (text !== undefined) return text;
  return found.offsetMs === undefined ? isoInstantInZone(ms, timeZone) : isoInstantAtOffset(ms, found.offsetMs);
}
