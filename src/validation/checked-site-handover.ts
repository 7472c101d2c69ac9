// `npm run build` checks the site while Astro starts, side by side on the machine's two cores, and hands the
// checked site to Astro's content loader through a file in the build's scratch folder, so the loader neither
// waits for a second check nor runs one. The loader reads the file only when the build that started it names it
// (AFTERMATH_CHECKED_SITE); `astro build` or `astro dev` on their own check the site themselves.
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { deserialize, serialize } from 'node:v8';
import type { SiteContent } from './load-site.ts';
import { replaceFile } from '../lib/files/kept-files.ts';

/** Written by the build once its check passed; renamed into place, so the loader never reads half of it. */
export function handOverCheckedSite(file: string, content: SiteContent): void {
  replaceFile(file, serialize(content));
}

/**
 * The checked site, once the build has written it. A build whose check fails stops Astro instead, so this waits
 * only while the check runs; if the build itself is gone (its process replaced as parent), it stops waiting.
 */
export async function receiveCheckedSite(file: string, parentPid: number = process.ppid): Promise<SiteContent> {
  while (!existsSync(file)) {
    if (process.ppid !== parentPid) throw new Error('the build that started Astro has stopped before its check finished');
    await sleep(10);
  }
  return deserialize(readFileSync(file)) as SiteContent;
}
