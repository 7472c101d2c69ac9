// Lists the regular files under content/, incidents/ and public/ without following any link, reporting what cannot be published as-is.
import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from './problem.ts';

/** The folders of a site that a pull request edits, and that the check and the build read (public/ is published as it is). */
export const CONTENT_FOLDERS = ['content', 'incidents', 'public'] as const;

export interface ContentTree {
  /** Regular files, relative to the site root with forward slashes, sorted. */
  files: string[];
  /** Paths already reported (links, hidden files, FIFOs...): never read, and not reported again as missing. */
  refused: Set<string>;
}

/** What a directory entry is, for a message, when it is neither a regular file nor a folder. */
function specialKind(entry: Dirent): string | undefined {
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice()) return 'a block device';
  if (entry.isCharacterDevice()) return 'a character device';
  if (!entry.isFile() && !entry.isDirectory()) return 'not a regular file';
  return undefined;
}

function refuse(tree: ContentTree, problems: Problem[], file: string, message: string): void {
  tree.refused.add(file);
  problems.push({ file, line: 1, field: 'file', message });
}

/**
 * An empty `.gitkeep` is the one hidden name allowed: git cannot hold an empty folder and it is never read. Any
 * other hidden name would be skipped without a word (`.index.md` is an incident that silently vanishes).
 */
async function isEmptyGitkeep(absolute: string, entry: Dirent): Promise<boolean> {
  return entry.name === '.gitkeep' && entry.isFile() && (await lstat(absolute)).size === 0;
}

async function walk(root: string, folder: string, tree: ContentTree, problems: Problem[]): Promise<void> {
  const entries = (await readdir(path.join(root, folder), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const relative = `${folder}/${entry.name}`;
    const absolute = path.join(root, folder, entry.name);
    const kind = specialKind(entry);
    if (entry.isSymbolicLink()) {
      // The target is not named: it may be outside the repository, and messages end up in CI annotations.
      refuse(tree, problems, relative, 'is a symbolic link, which the check and the build never follow (expected the file or folder itself, committed in the repository)');
    } else if (kind) {
      refuse(tree, problems, relative, `is ${kind} (expected a regular file or folder)`);
    } else if (entry.name.startsWith('.')) {
      if (!(await isEmptyGitkeep(absolute, entry))) {
        refuse(tree, problems, relative, `is hidden, so it would be skipped without a word (expected a name that does not start with a dot; only an empty .gitkeep may be hidden)`);
      }
    } else if (entry.isDirectory()) {
      await walk(root, relative, tree, problems);
    } else {
      tree.files.push(relative);
    }
  }
}

/** Every regular file of content/, incidents/ and public/; links, hidden and special files are problems, never followed or read. */
export async function readContentTree(root: string, problems: Problem[]): Promise<ContentTree> {
  const tree: ContentTree = { files: [], refused: new Set() };
  for (const folder of CONTENT_FOLDERS) {
    let stats;
    try {
      stats = await lstat(path.join(root, folder));
    } catch {
      // A missing content/ shows as its missing data files; a site with no incidents yet has no incidents/.
      continue;
    }
    if (stats.isSymbolicLink()) refuse(tree, problems, folder, 'is a symbolic link, which the check and the build never follow (expected the folder itself, committed in the repository)');
    else if (!stats.isDirectory()) refuse(tree, problems, folder, `is not a folder (expected ${folder}/ to be a folder)`);
    else await walk(root, folder, tree, problems);
  }
  tree.files.sort();
  return tree;
}
