// The enhancements script as a page inlines it: src/components/enhancements.js minified (the source keeps its
// comments and names; readers download a few KB at most) with only the parts the page uses, and the hash the page's CSP
// allows it by. A finished incident's page, most pages of a site with years of history, needs neither the history
// filters nor the stale notice: without them its script is half the size.
import { createHash } from 'node:crypto';
import { transformSync } from 'esbuild';
import source from '../components/enhancements.js?raw';

export interface EnhancementParts {
  /** The history's service and severity filters. */
  historyFilters: boolean;
  /** The notice that the page's figures are older than the site allows. */
  staleNotice: boolean;
  /** The status page's bars, stepped through day by day. */
  dayBars: boolean;
}

export interface EnhancementsScript {
  script: string;
  hash: `sha256-${string}`;
}

const scripts = new Map<string, EnhancementsScript>();

export function enhancementsScript(parts: EnhancementParts): EnhancementsScript {
  const key = `${parts.historyFilters}/${parts.staleNotice}/${parts.dayBars}`;
  let built = scripts.get(key);
  if (!built) {
    const define = { HISTORY_FILTERS: String(parts.historyFilters), STALE_NOTICE: String(parts.staleNotice), DAY_BARS: String(parts.dayBars) };
    const script = transformSync(source, { minify: true, loader: 'js', define }).code.trim();
    built = { script, hash: `sha256-${createHash('sha256').update(script).digest('base64')}` };
    scripts.set(key, built);
  }
  return built;
}
