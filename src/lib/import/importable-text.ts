// Another status page's words as text the check accepts: its titles plain, its messages markdown without raw HTML,
// images from other hosts or links the site refuses. Each change is said, so nothing is altered silently.
import { unsafeMarkdownProblems } from '../../validation/markdown-safety.ts';
import { withoutControlCharacters } from '../markdown/markdown-html.ts';

export interface ImportableText {
  text: string;
  /** What was changed to make the text acceptable, in words for the import's report; empty when nothing was. */
  changes: string[];
}

/** `<b>`, `</p>`, `<!--`, `<?x`: what a reader or the check takes for the start of a tag. */
const TAG_START = /<(?=[A-Za-z/!?])/g;
const HAS_TAG_START = /<(?=[A-Za-z/!?])/;

/** A title the check accepts: one line, no control characters, nothing that reads as an HTML tag. */
export function importableTitle(title: string): ImportableText {
  const changes: string[] = [];
  let text = withoutControlCharacters(title).replace(/\s+/g, ' ').trim();
  if (text === '') return { text: '(untitled)', changes: ['no title in the source; it reads "(untitled)"'] };
  if (HAS_TAG_START.test(text)) {
    // A space after "<" keeps the words and reads as text everywhere (the check's own advice).
    text = text.replace(TAG_START, '< ');
    changes.push('"<" before a letter in the title written as "< " (titles are plain text in feeds and chat)');
  }
  return { text, changes };
}

/** `![alt](https://other.host/a.png "t")`, `![alt](/img/a.png)`: an image the site would load. */
const IMAGE = /!\[([^\]\n]*)\]\(\s*([^)\s]+)(\s+"[^"\n]*")?\s*\)/g;
const HAS_IMAGE = new RegExp(IMAGE.source);
const OTHER_HOST = /^(?:https?:)?\/\//i;

/**
 * What makes a link, an image or raw HTML, escaped so a text that still holds something refused reads as written;
 * everything else (addresses, emphasis, lists) keeps its markdown, and a bare http(s) address stays a link.
 */
const LINK_OR_TAG = /[\\[\]!<]/g;

/** What the check's own markdown rules (the same function) refuse in `text`; no site file exists for an import. */
function refusedIn(text: string): string[] {
  return unsafeMarkdownProblems({ file: '', field: '', text, line: 1, linesFollowText: true }, () => false).map((problem) => problem.message);
}

/**
 * A message or body the check accepts, changed only where the check's own markdown rules refuse it: raw HTML tags
 * are shown as text (`&lt;b>`), images from other hosts become links to them, and a text that is still refused is
 * escaped to plain text. Control characters are dropped, as the check refuses them.
 */
export function importableMarkdown(markdown: string): ImportableText {
  const changes: string[] = [];
  const written = markdown.replace(/\r\n?/g, '\n').trim();
  let text = withoutControlCharacters(written);
  if (text !== written) changes.push('control characters removed');
  if (refusedIn(text).length === 0) return { text, changes };
  if (HAS_TAG_START.test(text)) {
    text = text.replace(TAG_START, '&lt;');
    changes.push('raw HTML shown as text (aftermath pages accept markdown only)');
  }
  if (HAS_IMAGE.test(text) && refusedIn(text).some((message) => message.startsWith('image '))) {
    let remote = 0;
    let local = 0;
    text = text.replace(IMAGE, (_whole, alt: string, url: string) => {
      const label = alt.trim() || 'image';
      if (OTHER_HOST.test(url)) {
        remote += 1;
        return `[${label}](${url})`;
      }
      local += 1;
      return label;
    });
    if (remote > 0) changes.push('images from other hosts turned into links to them (pages load nothing from another host)');
    if (local > 0) changes.push('images of the old site replaced by their descriptions (copy the files to public/images/ and write ![description](/images/<file>) to show them)');
  }
  const refused = refusedIn(text);
  if (refused.length > 0) {
    text = text.replace(LINK_OR_TAG, (character) => `\\${character}`);
    changes.push(`written as plain text: ${refused[0]}`);
  }
  return { text, changes };
}

/** A description or other plain text: one paragraph as written, control characters dropped (the check refuses them). */
export function importablePlainText(text: string): string {
  return withoutControlCharacters(text).trim();
}
