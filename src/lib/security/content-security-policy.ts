// The Content-Security-Policy each page carries in a <meta>: the second wall behind the markdown sanitiser
// (docs/security.md). Each page's policy names exactly the inline scripts that page runs, by hash, and nothing
// else: no origin but the site's own, no script file at all unless the page loads one (the search page), no inline
// style. Written by the project rather than by Astro, whose policy also lists the hashes of its five client-directive
// scripts and of every inline script any page has: a few hundred bytes more on each of tens of thousands of pages.
import { createHash } from 'node:crypto';

export type ScriptHash = `sha256-${string}`;

/** The hash a policy allows an inline script's exact text by. */
export function scriptHash(text: string): ScriptHash {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

export interface PagePolicy {
  /** The inline scripts the page runs, by hash. */
  scripts: readonly ScriptHash[];
  /**
   * Whether the page's script loads the site's own script files and their WebAssembly and data (Pagefind's search
   * interface): only the search page does.
   */
  loadsSiteScripts?: boolean;
}

/**
 * The policy's text. `'strict-dynamic'` lets the hashed scripts add script elements (the search page's loader) while
 * browsers then ignore `'self'` for any script in the markup, so an injected `<script src>` never runs even from the
 * site's own public/ folder; `'self'` is there only on the search page, for browsers that predate `'strict-dynamic'`.
 */
export function contentSecurityPolicy(page: PagePolicy): string {
  const scripts = [...new Set(page.scripts)].map((hash) => `'${hash}'`);
  const directives = [
    "default-src 'none'",
    "img-src 'self'",
    "style-src 'self'",
    // Requests to the site itself only: the search page's index, and tools that audit a page from inside it
    // (Lighthouse reads /robots.txt so, and counts a refused request as an invalid robots.txt).
    "connect-src 'self'",
    scripts.length === 0 ? "script-src 'none'" : `script-src ${[...(page.loadsSiteScripts ? ["'self'", "'wasm-unsafe-eval'"] : []), ...scripts, "'strict-dynamic'"].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
  ];
  return directives.join(';');
}
