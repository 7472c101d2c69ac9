// One validated load of the site per build process, shared by every collection's loader.
import path from 'node:path';
import { InvalidContentError } from './problem.ts';
import { loadSite, type SiteContent } from './load-site.ts';

let pending: Promise<SiteContent> | undefined;

/** The folder holding content/ and incidents/: AFTERMATH_ROOT, else the working directory. */
export function contentRoot(): string {
  return path.resolve(process.env.AFTERMATH_ROOT ?? '.');
}

export function loadValidatedSite(): Promise<SiteContent> {
  pending ??= loadSite(contentRoot()).then((result) => {
    if (!result.ok) throw new InvalidContentError(result.problems);
    return result.content;
  });
  const current = pending;
  // In dev, edits must be re-read: forget the result once every loader of this round has it.
  setTimeout(() => {
    if (pending === current) pending = undefined;
  }, 1000);
  return current;
}
