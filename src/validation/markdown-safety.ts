// Refuses markdown that could put script into a published page: raw HTML and script-bearing link targets.
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Problem } from './problem.ts';

const parser = unified().use(remarkParse).use(remarkGfm);
const SAFE_URL = /^(https?:|mailto:|#|\/|\.{0,2}\/|[^:]*$)/i;

function* walk(node: Root | RootContent): Generator<RootContent> {
  if ('children' in node) {
    for (const child of node.children as RootContent[]) {
      yield child;
      yield* walk(child);
    }
  }
}

/** Problems for each raw HTML block or inline tag and each link or image whose target is not http(s), mailto or relative. */
export function unsafeMarkdownProblems(file: string, body: string, bodyLine: number): Problem[] {
  const problems: Problem[] = [];
  for (const node of walk(parser.parse(body))) {
    const line = (node.position?.start.line ?? 1) + bodyLine - 1;
    if (node.type === 'html' && !/^<!--[\s\S]*-->$/.test(node.value.trim())) {
      problems.push({ file, line, field: 'body', message: `raw HTML ${JSON.stringify(node.value.trim().slice(0, 40))} is not allowed (expected markdown only: use **bold**, lists, tables and [links](https://...) instead)` });
    }
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !SAFE_URL.test(node.url.trim())) {
      problems.push({ file, line, field: 'body', message: `link target ${JSON.stringify(node.url)} is not allowed (expected an http(s), mailto or relative link)` });
    }
  }
  return problems;
}
