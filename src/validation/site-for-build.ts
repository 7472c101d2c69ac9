// One validated load of the site per build, shared by every collection's loader; in dev, reloaded after edits.
import path from 'node:path';
import { InvalidContentError } from './problem.ts';
import { loadSite, type SiteContent } from './load-site.ts';
import { receiveCheckedSite } from './checked-site-handover.ts';

let pending: Promise<SiteContent> | undefined;
let loadedAt = 0;

/** The folder holding content/ and incidents/: AFTERMATH_ROOT, else the working directory. */
export function contentRoot(): string {
  return path.resolve(process.env.AFTERMATH_ROOT ?? '.');
}

export function loadValidatedSite(): Promise<SiteContent> {
  if (!pending) {
    loadedAt = Date.now();
    // Under `npm run build`, the site its own check passed (read once: in a build, content does not change).
    const handedOver = process.env.AFTERMATH_CHECKED_SITE;
    pending = handedOver
      ? receiveCheckedSite(handedOver)
      : loadSite(contentRoot()).then((result) => {
          if (!result.ok) throw new InvalidContentError(result.problems);
          return result.content;
        });
  }
  return pending;
}

/**
 * Drops the loaded site once a build's collections all hold their entries: nothing reads it after that, and its
 * memory (0.2 GB at 10,000 incidents) is then free for rendering the pages.
 */
export function forgetLoadedSite(): void {
  pending = undefined;
}

/**
 * Drops the loaded site if it was read before `changedAt`, so the next loader reads the edit. Every collection
 * hears the same file event; only the first one to ask reloads.
 */
export function forgetSiteReadBefore(changedAt: number): void {
  if (loadedAt < changedAt) pending = undefined;
}

/** Whether a changed path is one of the site's content files. */
export function isContentFile(changedPath: string): boolean {
  const relative = path.relative(contentRoot(), changedPath).split(path.sep).join('/');
  return /^(content|incidents)\//.test(relative);
}
