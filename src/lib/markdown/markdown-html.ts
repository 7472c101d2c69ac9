// The one markdown pipeline: every markdown field (bodies, update messages, impact texts) becomes HTML here, for
// the pages, every feed and the API alike, sanitised against an allowlist so nothing a pull request writes can run.
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { siteUrl } from '../model/site-urls.ts';

/** Schemes a link may use; a target without one (`/incidents/`, `#update`, `page`) stays on the site. */
const LINK_SCHEMES = ['http', 'https', 'mailto'];

/** Where a site path is resolved to decide whether an image stays on the site; never fetched. */
const SITE_ORIGIN = 'https://site.aftermath.invalid';

/** Whether an image source stays on the site (a path such as `/images/a.png`), not another host (`//x`, `/\x`, `https:`). */
export function isSiteImageSource(source: string): boolean {
  if (!source.startsWith('/') || /^\/[/\\]/.test(source) || /[\u0000-\u001f\\]/.test(source)) return false;
  try {
    return new URL(source, `${SITE_ORIGIN}/`).origin === SITE_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * GitHub's allowlist, narrowed: links only to http(s), mailto and the site itself; images only from the site;
 * no raw HTML at all (remark-rehype drops it before this runs, the schema would strip it again).
 */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: LINK_SCHEMES, cite: ['http', 'https'], src: [], longDesc: [] },
  attributes: { ...defaultSchema.attributes, img: ['alt', 'title', 'src'] },
  allowComments: false,
  allowDoctypes: false,
  // Markdown cannot write an id; the only ids are footnotes', which rehypePrefixIds prefixes together with the
  // links to them (so they cannot clobber page globals). Prefixing again here would break those links.
  clobberPrefix: '',
};

/** Images from another host become their alt text: a reader of the page or the feed makes no third-party request. */
function rehypeSiteImagesOnly() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const source = typeof node.properties.src === 'string' ? node.properties.src : '';
      if (isSiteImageSource(source)) return;
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
      parent.children.splice(index, 1, { type: 'text', value: alt });
      return index;
    });
  };
}

/**
 * Characters XML 1.0 cannot carry (C0 controls but tab and newlines, DEL and C1 controls, lone surrogates,
 * U+FFFE/U+FFFF): the check refuses them in content; every output strips them so a feed stays well-formed.
 */
const NOT_XML_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function withoutControlCharacters(text: string): string {
  return text.replace(NOT_XML_TEXT, '');
}

/** The first character XML cannot carry, with its index, for the check's message. */
export function firstControlCharacter(text: string): { index: number; codePoint: number } | undefined {
  NOT_XML_TEXT.lastIndex = 0;
  const match = NOT_XML_TEXT.exec(text);
  NOT_XML_TEXT.lastIndex = 0;
  return match ? { index: match.index, codePoint: match[0].codePointAt(0)! } : undefined;
}

/** Markdown to its syntax tree: the check walks this tree, the renderer below turns the same parse into HTML. */
const parser = unified().use(remarkParse).use(remarkGfm).freeze();

export function parseMarkdown(markdown: string): MdastRoot {
  return parser.parse(withoutControlCharacters(markdown));
}

/** The scheme of a URL as the sanitiser reads it: text before a colon that comes before any `/`, `?` or `#`. */
function schemeOf(url: string): string | undefined {
  const colon = url.indexOf(':');
  if (colon < 0) return undefined;
  const firstDelimiter = Math.min(...['/', '?', '#'].map((mark) => url.indexOf(mark)).filter((index) => index >= 0), Infinity);
  return colon < firstDelimiter ? url.slice(0, colon).toLowerCase() : undefined;
}

/** Whether a link target survives the sanitiser: http(s), mailto, or no scheme at all. */
export function isAllowedLinkTarget(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === undefined || LINK_SCHEMES.includes(scheme);
}

/**
 * Footnote ids, the references to them and the links to them, all under one prefix per piece of text, so a page
 * showing a body and several update messages with footnotes has no two equal ids, and no id can clobber a
 * page global. Only ids this tree defines are touched.
 */
function rehypePrefixIds(options: { prefix: string }) {
  return (tree: HastRoot, file: { data: Record<string, unknown> }) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    // Text that defines no id renders the same under every prefix, so one render serves every piece of text.
    file.data.definesIds = ids.size > 0;
    const prefixed = (id: string) => (ids.has(id) ? `${options.prefix}${id}` : id);
    visit(tree, 'element', (node: Element) => {
      const { properties } = node;
      if (typeof properties.id === 'string') properties.id = `${options.prefix}${properties.id}`;
      for (const key of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
        const value = properties[key];
        if (Array.isArray(value)) properties[key] = value.map((id) => prefixed(String(id)));
      }
      if (typeof properties.href === 'string' && properties.href.startsWith('#')) properties.href = `#${prefixed(properties.href.slice(1))}`;
    });
  };
}

/** `HTTPS://host` is the same link as `https://host`; the sanitiser compares schemes as written, so write them in small letters. */
function rehypeLowercaseSchemes() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      const href = node.properties.href;
      if (typeof href === 'string') node.properties.href = href.replace(/^(https?|mailto):/i, (scheme) => scheme.toLowerCase());
    });
  };
}

/** A target written from the site's root (`/incidents/x/`, `/images/a.png`), not another host (`//x`, `/\\x`). */
function isSitePath(target: string): boolean {
  return target.startsWith('/') && !/^\/[/\\]/.test(target);
}

/**
 * A team writes `/incidents/x/` and `/images/a.png` from the site's root, wherever the site is served: each becomes
 * that path under the site's base (`/status/images/a.png` on a page, the full address in a feed). Runs after the
 * sanitiser, which keeps images only without a scheme, and touches only what it kept.
 */
function rehypeSitePathsUnderBase(options: { siteBase: string }) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      const key = node.tagName === 'img' ? 'src' : node.tagName === 'a' ? 'href' : undefined;
      const target = key && node.properties[key];
      if (key && typeof target === 'string' && isSitePath(target)) node.properties[key] = siteUrl(options.siteBase, target);
    });
  };
}

/**
 * The level a heading of `depth` takes in text placed under a heading of level `under`: the text's highest heading
 * (of depth `shallowest`) becomes `under + 1` and the others keep their distance below it, none deeper than 6. Text
 * whose headings already sit below `under` keeps them as written.
 */
export function headingLevelBelow(depth: number, shallowest: number, under: number): number {
  return Math.min(6, depth + Math.max(0, under + 1 - shallowest));
}

const HEADING = /^h([1-6])$/;

/**
 * A message's `# Heading` on a page would be an h1 inside the incident's timeline: screen readers list headings to
 * move through a page, and one there would read as a new page section above "Updates". Each heading goes below the
 * heading the text sits under (headingLevelBelow).
 */
function rehypeHeadingsBelow(options: { under: number }) {
  return (tree: HastRoot) => {
    if (options.under <= 0) return;
    const headings: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (HEADING.test(node.tagName)) headings.push(node);
    });
    if (headings.length === 0) return;
    const depthOf = (node: Element) => Number(HEADING.exec(node.tagName)![1]);
    const shallowest = Math.min(...headings.map(depthOf));
    for (const node of headings) node.tagName = `h${headingLevelBelow(depthOf(node), shallowest, options.under)}`;
  };
}

/** Ids in markdown HTML start with this unless a field asks for its own prefix. */
const DEFAULT_ID_PREFIX = 'user-content-';

/** The base of a site served at its host's root: site paths are written as they are. */
const ROOT_BASE = '/';

export interface MarkdownOptions {
  /** Prefix of the ids the text defines (footnotes), one per piece of text on a page. */
  idPrefix?: string;
  /**
   * The level of the page's heading the text sits under (2 for an update under "Updates"): the text's own headings
   * go below it. 0, the default, keeps them as written (feeds, where an item's text stands on its own).
   */
  headingsBelow?: number;
  /**
   * What site paths are written under: the site's path (`/status/`) for its pages, its address
   * (`https://acme.github.io/status/`) for feeds, the API and the calendar, read away from the site. Default `/`.
   */
  siteBase?: string;
}

/** The parse above, turned into sanitised HTML syntax: the one tree every output is written from. */
function safeHtmlTreeFor(idPrefix: string, siteBase: string, headingsBelow: number) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: false, clobberPrefix: '' })
    .use(rehypePrefixIds, { prefix: idPrefix })
    .use(rehypeLowercaseSchemes)
    .use(rehypeSiteImagesOnly)
    .use(rehypeSanitize, SANITIZE_SCHEMA)
    .use(rehypeSitePathsUnderBase, { siteBase })
    .use(rehypeHeadingsBelow, { under: headingsBelow })
    .freeze();
}

/** One of each per id prefix, site base and heading level: building a unified pipeline costs far more than running one. */
function memoised<T>(make: (idPrefix: string, siteBase: string, headingsBelow: number) => T): (idPrefix: string, siteBase: string, headingsBelow: number) => T {
  const made = new Map<string, T>();
  return (idPrefix, siteBase, headingsBelow) => {
    const key = JSON.stringify([idPrefix, siteBase, headingsBelow]);
    let value = made.get(key);
    if (value === undefined) {
      value = make(idPrefix, siteBase, headingsBelow);
      made.set(key, value);
    }
    return value;
  };
}

const treeFor = memoised(safeHtmlTreeFor);
const processorFor = memoised((idPrefix, siteBase, headingsBelow) => treeFor(idPrefix, siteBase, headingsBelow)().use(rehypeStringify).freeze());

/**
 * Safe HTML for markdown text. `]]>` is written `]]&gt;` (the same HTML) so the result can sit in any XML CDATA
 * section whole; feed libraries split only the first one.
 */
/**
 * Every output renders the same texts again (each update message appears on two pages, three site feeds, its
 * services' feeds and the API), so results are kept by their exact input: rendering is a pure function of the
 * text and the options, so a kept result can never differ from a fresh one. The oldest go first past the cap,
 * so a long `astro dev` session does not grow without bound.
 */
const REMEMBERED_RESULTS = 50_000;
const renderedHtml = new Map<string, string>();
/** Renders of text that defines no id, by site base and text alone; DEFINES_IDS for text that does. */
const sharedHtml = new Map<string, string>();
const renderedText = new Map<string, string>();

function remembered(cache: Map<string, string>, key: string, render: () => string): string {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const result = render();
  if (cache.size >= REMEMBERED_RESULTS) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}

/** What a render with the default prefix is remembered as when the text defines ids: render it with its own prefix. */
const DEFINES_IDS = '\0defines ids';

function renderHtml(markdown: string, idPrefix: string, siteBase: string, headingsBelow: number): { html: string; definesIds: boolean } {
  const file = processorFor(idPrefix, siteBase, headingsBelow).processSync(withoutControlCharacters(markdown));
  return { html: String(file).trim().replaceAll(']]>', ']]&gt;'), definesIds: file.data.definesIds === true };
}

export function markdownToHtml(markdown: string, options: MarkdownOptions = {}): string {
  const idPrefix = options.idPrefix ?? DEFAULT_ID_PREFIX;
  const siteBase = options.siteBase ?? ROOT_BASE;
  const headingsBelow = options.headingsBelow ?? 0;
  // Almost no text defines ids (only footnotes do): rendered once, whatever prefix each page asks for, with one
  // pipeline, rather than one pipeline and one render per piece of text on every page.
  const shared = remembered(sharedHtml, `${headingsBelow}\0${siteBase}\0${markdown}`, () => {
    const rendered = renderHtml(markdown, DEFAULT_ID_PREFIX, siteBase, headingsBelow);
    return rendered.definesIds ? DEFINES_IDS : rendered.html;
  });
  if (shared !== DEFINES_IDS) return shared;
  return remembered(renderedHtml, `${idPrefix}\0${headingsBelow}\0${siteBase}\0${markdown}`, () => renderHtml(markdown, idPrefix, siteBase, headingsBelow).html);
}

function plainTextOf(node: HastRoot | HastRoot['children'][number]): string {
  // remark-rehype puts a newline text between blocks; blocks below bring their own line breaks.
  if (node.type === 'text') return /^\s*\n\s*$/.test(node.value) ? '' : node.value;
  if (node.type !== 'root' && node.type !== 'element') return '';
  const inner = node.children.map((child) => plainTextOf(child)).join('');
  if (node.type === 'root') return inner;
  switch (node.tagName) {
    case 'p': case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'pre': case 'blockquote': case 'ul': case 'ol': case 'table': case 'section':
      return `${inner.trim()}\n\n`;
    case 'li':
      return `- ${inner.trim()}\n`;
    case 'tr':
      return `${inner.replace(/\t$/, '')}\n`;
    case 'td': case 'th':
      return `${inner.trim()}\t`;
    case 'br': case 'hr':
      return '\n';
    case 'a': {
      if (node.properties.dataFootnoteBackref !== undefined) return '';
      const href = typeof node.properties.href === 'string' ? node.properties.href : undefined;
      // A link keeps its address where the words do not already say it, so a plain-text reader can follow it.
      return href && !inner.includes(href) && !href.startsWith('#') ? `${inner} (${href})` : inner;
    }
    default:
      return inner;
  }
}

/**
 * The same sanitised text as plain text, for outputs that are not HTML (the Statuspage API's update bodies, the
 * calendar's descriptions): what a reader of the page sees, with link addresses kept after the words.
 */
export function markdownToPlainText(markdown: string, options: Pick<MarkdownOptions, 'siteBase'> = {}): string {
  const siteBase = options.siteBase ?? ROOT_BASE;
  return remembered(renderedText, `${siteBase}\0${markdown}`, () => {
    const toSafeHtmlTree = treeFor(DEFAULT_ID_PREFIX, siteBase, 0);
    const tree = toSafeHtmlTree.runSync(toSafeHtmlTree.parse(withoutControlCharacters(markdown))) as HastRoot;
    return plainTextOf(tree).replace(/\n{3,}/g, '\n\n').trim();
  });
}

/**
 * The markdown as written, for a reader outside the site's pages (the markdown twins): each link or image written
 * from the site's root (`/images/a.png`) becomes the full address under the site's base URL, as in the feeds. Only
 * the targets of links, images and link definitions change, found in the same parse the renderer uses; code and
 * text that merely look like a path stay as they are. A target written in a form that is not its plain text
 * (escaped, in angle brackets with spaces) is left alone.
 */
export function markdownWithSiteAddresses(markdown: string, baseUrl: string): string {
  const text = withoutControlCharacters(markdown);
  // Most text has no target from the site's root at all (`](/` or `]: /`): it is not parsed, which is most of the cost.
  if (!/\]\(\s*<?\/|\]:\s*<?\//.test(text)) return text;
  const edits: SourceEdit[] = [];
  visit(parser.parse(text), (node) => {
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const { url, position } = node;
    if (!isSitePath(url) || position?.start.offset === undefined || position.end.offset === undefined) return;
    const written = text.slice(position.start.offset, position.end.offset);
    // The target follows the text's closing bracket (`](` in a link or image, `]:` in a definition).
    const marker = node.type === 'definition' ? written.indexOf(']:') : written.lastIndexOf('](');
    const found = marker < 0 ? -1 : written.indexOf(url, marker);
    if (found < 0) return;
    const start = position.start.offset + found;
    edits.push({ start, end: start + url.length, replacement: siteUrl(baseUrl, url.slice(1)) });
  });
  return withEdits(text, edits);
}

/** A stretch of markdown source, found by a node's position in the parse, and what it becomes. */
export interface SourceEdit {
  start: number;
  end: number;
  replacement: string;
}

/** The source with each edit made; the edits may come in any order and do not overlap. */
export function withEdits(text: string, edits: readonly SourceEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = `${result.slice(0, edit.start)}${edit.replacement}${result.slice(edit.end)}`;
  return result;
}
