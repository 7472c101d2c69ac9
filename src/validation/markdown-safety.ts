// The check's friendly first line against markdown that could run script or call another host: it walks the very
// parse the renderer turns into HTML (the renderer's sanitiser stays the guarantee for anything missed here).
import { fromHtml } from 'hast-util-from-html';
import type { RootContent } from 'mdast';
import { isAllowedLinkTarget, isSiteImageSource, parseMarkdown } from '../lib/markdown/markdown-html.ts';
import type { Problem } from './problem.ts';

function* walk(node: { children?: RootContent[] }): Generator<RootContent> {
  for (const child of node.children ?? []) {
    yield child;
    if ('children' in child) yield* walk(child as { children: RootContent[] });
  }
}

/** Whether an HTML fragment is comments only, as a browser parses it (`<!-- --!><script>` is a comment and a script). */
function isOnlyComments(html: string): boolean {
  const tree = fromHtml(html, { fragment: true });
  return tree.children.every((child) => child.type === 'comment' || (child.type === 'text' && child.value.trim() === ''));
}

/** `/images/a%20b.png?x` as the file path `/images/a b.png`; undefined when the escapes are malformed. */
function sitePathOf(source: string): string | undefined {
  try {
    return decodeURI(source.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
}

const MARKUP_THAT_MAY_BE_REFUSED = /[<[]/;

/** A markdown field of a file and where its text starts, so problems carry the author's line. */
export interface MarkdownField {
  file: string;
  /** `body`, `updates[2].message`, `userImpact`. */
  field: string;
  text: string;
  /** The file line of the text's first line (a body), or of the field's key (a YAML value). */
  line: number;
  /** A body's nodes carry their own lines; a YAML value is reported at its key. */
  linesFollowText: boolean;
}

/**
 * Problems for raw HTML other than comments, links whose target is not http(s), mailto or on the site, and
 * images that are not files of the site's `public/` folder. `siteFileExists` answers for a path such as
 * `/images/a.png`.
 */
export function unsafeMarkdownProblems(markdown: MarkdownField, siteFileExists: (sitePath: string) => boolean): Problem[] {
  // Raw HTML and autolinks start with `<`; links, definitions, images and references all need a `[`. Text with
  // neither can hold nothing this reports (a bare `https://` becomes an http(s) link, which is allowed), so most
  // update messages skip the parse, which is most of the check's time on a site with years of history.
  if (!MARKUP_THAT_MAY_BE_REFUSED.test(markdown.text)) return [];
  const problems: Problem[] = [];
  const { file, field } = markdown;
  const tree = parseMarkdown(markdown.text);
  const nodes = [...walk(tree)];
  // `![a][tracker]` takes its address from a definition, which is checked as an image for it.
  const definitions = new Map(nodes.flatMap((node) => (node.type === 'definition' ? [[node.identifier, node.url] as const] : [])));
  for (const node of nodes) {
    const line = markdown.linesFollowText ? (node.position?.start.line ?? 1) + markdown.line - 1 : markdown.line;
    if (node.type === 'html' && !isOnlyComments(node.value)) {
      problems.push({ file, line, field, message: `raw HTML ${JSON.stringify(node.value.trim().slice(0, 40))} is not allowed (expected markdown only: use **bold**, lists, tables and [links](https://...) instead)` });
    }
    if ((node.type === 'link' || node.type === 'definition') && !isAllowedLinkTarget(node.url.trim())) {
      problems.push({ file, line, field, message: `link target ${JSON.stringify(node.url)} is not allowed (expected an http(s), mailto or site link)` });
    }
    const imageSource = node.type === 'image' ? node.url : node.type === 'imageReference' ? definitions.get(node.identifier) : undefined;
    if (imageSource !== undefined) {
      const sitePath = sitePathOf(imageSource);
      if (!isSiteImageSource(imageSource) || sitePath === undefined) {
        problems.push({ file, line, field, message: `image ${JSON.stringify(imageSource)} is not allowed: readers would fetch it from another host (expected a file of the site's public/images/ folder, such as /images/diagram.png)` });
      } else if (!sitePath.startsWith('/images/')) {
        problems.push({ file, line, field, message: `image ${JSON.stringify(imageSource)} is outside /images/ (expected a file of the site's public/images/ folder, such as /images/diagram.png)` });
      } else if (!siteFileExists(sitePath)) {
        problems.push({ file, line, field, message: `image ${JSON.stringify(imageSource)} does not exist (expected a file at public${sitePath})` });
      }
    }
  }
  return problems;
}
