// Where `npm run build` may write: never over the site or a folder it did not build; what it builds carries a marker saying so.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, type Dirent } from 'node:fs';
import { readdir, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The file every build writes at the top of its output. It is served with the site: version, time and whether it is a preview. */
export const BUILD_MARKER = '.aftermath-build';

export function buildMarkerText(version: string, builtMs: number, preview = false): string {
  return `${JSON.stringify({ generator: 'aftermath', version, built: new Date(builtMs).toISOString(), ...(preview ? { preview: true } : {}) })}\n`;
}

/**
 * The path with every symbolic link resolved, also for a folder that does not exist yet (its nearest existing
 * ancestor is resolved), so `--out` given as a link to the site is compared as the site.
 */
export function canonicalPath(target: string): string {
  const absolute = path.resolve(target);
  const missing: string[] = [];
  let existing = absolute;
  while (!existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    missing.unshift(path.basename(existing));
    existing = parent;
  }
  return path.join(realpathSync(existing), ...missing);
}

function isInside(folder: string, ancestor: string): boolean {
  const relative = path.relative(ancestor, folder);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

/** Whether `folder` holds the marker of an earlier build (a regular file, not a link to one). */
export function isEarlierBuild(folder: string): boolean {
  try {
    if (!lstatSync(path.join(folder, BUILD_MARKER)).isFile()) return false;
    const marker = JSON.parse(readFileSync(path.join(folder, BUILD_MARKER), 'utf8').split('\n')[0] ?? '') as { generator?: unknown };
    return marker.generator === 'aftermath';
  } catch {
    return false;
  }
}

export interface ProtectedPlaces {
  /** The site folder (`--root`). */
  root: string;
  /** The project folder (where package.json is). */
  projectDir: string;
}

/**
 * Why the build must not write to `out`, or undefined when it may: a folder that does not exist, an empty one, or
 * the output of an earlier build. The site, its content, the project and anything that holds them are refused
 * even when they carry a marker, since a marker is a file anyone can copy.
 */
export function outputFolderRefusal(out: string, places: ProtectedPlaces): string | undefined {
  const absolute = path.resolve(out);
  let link = false;
  try {
    if (lstatSync(absolute).isSymbolicLink()) {
      link = true;
      if (!existsSync(absolute)) return 'is a symbolic link to nothing';
    }
  } catch {
    // Does not exist yet.
  }
  const target = canonicalPath(absolute);
  const through = link ? ', through a symbolic link' : '';
  const root = canonicalPath(places.root);
  const projectDir = canonicalPath(places.projectDir);
  // Folders the site's own files live in: the output may be none of them, inside none and hold none.
  const contentFolders = [
    { folder: canonicalPath(path.join(places.root, 'content')), name: "the site's content/ folder" },
    { folder: canonicalPath(path.join(places.root, 'incidents')), name: "the site's incidents/ folder" },
    { folder: canonicalPath(path.join(places.projectDir, 'content')), name: "the project's content/ folder" },
    { folder: canonicalPath(path.join(places.projectDir, 'incidents')), name: "the project's incidents/ folder" },
    // Astro copies public/ into the output: an output inside it would be copied into itself on the next build.
    { folder: canonicalPath(path.join(places.root, 'public')), name: "the site's public/ folder" },
  ];
  const wholes = [
    { folder: root, name: 'the site folder (--root)' },
    { folder: projectDir, name: 'the project folder' },
  ];
  for (const { folder, name } of [...wholes, ...contentFolders]) {
    if (target === folder) return `is ${name}${through}`;
    if (isInside(folder, target)) return `contains ${name}${through}`;
  }
  for (const { folder, name } of contentFolders) {
    if (isInside(target, folder)) return `is inside ${name}${through}`;
  }
  if (!existsSync(target)) return undefined;
  if (!lstatSync(target).isDirectory()) return `is not a folder${through}`;
  if (readdirSync(target).length === 0 || isEarlierBuild(target)) return undefined;
  return `is not empty and has no ${BUILD_MARKER} file${through}`;
}

export const OUTPUT_EXPECTED = `expected a new or empty folder, or one an earlier build wrote, which holds a ${BUILD_MARKER} file; nothing was changed`;

/**
 * Removes a folder and everything in it, many entries at a time: the earlier build a new one replaced holds two
 * entries per page (tens of thousands with years of history), and removing them one after another took longer than
 * rendering the pages an update changed. Links are removed, never followed.
 */
export async function removeTree(folder: string): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await Promise.all(entries.map((entry) => (entry.isDirectory() ? removeTree(path.join(folder, entry.name)) : unlink(path.join(folder, entry.name)))));
  await rmdir(folder);
}
