// The enhancements script as a page inlines it: src/components/enhancements.js minified (the source keeps its
// comments and names; readers download a few KB at most) with only the parts the page uses, and the hash the page's CSP
// allows it by. A finished incident's page, most pages of a site with years of history, needs neither the history
// filters nor the stale notice: without them its script is half the size.
import { transformSync } from 'esbuild';
import source from '../components/enhancements.js?raw';
import { scriptHash, type ScriptHash } from '../lib/security/content-security-policy.ts';

export interface EnhancementParts {
  /** The history's service and severity filters. */
  historyFilters: boolean;
  /** The notice that the page's figures are older than the site allows. */
  staleNotice: boolean;
  /** The status page's bars, stepped through day by day. */
  dayBars: boolean;
  /** "3 hours ago" beside the instants marked data-relative (the status page's latest updates). */
  relativeTimes: boolean;
}

/** The words and punctuation the script writes, in the page's language. */
export interface EnhancementText {
  /** Before the reader's own time ("your time"). */
  yourTime: string;
  /** The stale notice, with {ago} where "4 hours ago" goes. */
  staleNotice: string;
  open: string;
  close: string;
  colon: string;
  sentenceEnd: string;
  list: string;
}

export interface EnhancementsScript {
  script: string;
  hash: ScriptHash;
}

const scripts = new Map<string, EnhancementsScript>();

/**
 * The script for a page with these parts in this language. The language's words are in the script rather than in
 * attributes beside it: a page of one language carries one copy, every page of it the same.
 */
export function enhancementsScript(parts: EnhancementParts, text: EnhancementText): EnhancementsScript {
  // Only the words a part uses: the stale notice's text is not in a script that never shows it.
  const written = JSON.stringify({ ...text, staleNotice: parts.staleNotice ? text.staleNotice : '' });
  const key = `${parts.historyFilters}/${parts.staleNotice}/${parts.dayBars}/${parts.relativeTimes}/${written}`;
  let built = scripts.get(key);
  if (!built) {
    const define = { HISTORY_FILTERS: String(parts.historyFilters), STALE_NOTICE: String(parts.staleNotice), DAY_BARS: String(parts.dayBars), RELATIVE_TIMES: String(parts.relativeTimes), TEXT: written };
    const script = transformSync(source, { minify: true, loader: 'js', define }).code.trim();
    built = { script, hash: scriptHash(script) };
    scripts.set(key, built);
  }
  return built;
}
