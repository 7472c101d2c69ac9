// /embed/: the status as one line for another site to show in an iframe: the overall state in words with its
// colour, the open incidents counted, when it was built, and a link to the status page. A page of its own (not the
// site's layout): no script, no stylesheet to fetch, its own Content-Security-Policy, well under 2 KB gzipped.
import { createHash } from 'node:crypto';
import type { Translate } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/site.ts';
import { escapeHtml } from '../feeds/feed-formats.ts';
import { formatInstant, isoInstant } from '../time/format.ts';
import type { ServiceState } from './status.ts';

export interface EmbedStrip {
  locale: Locale;
  siteName: string;
  state: ServiceState;
  openIncidents: number;
  /** The status page's absolute address, which the strip links to. */
  statusPageUrl: string;
  builtMs: number;
  timeZone: string;
  /** A pull request's preview: kept out of search engines, as every page of a preview is. */
  noindex?: boolean;
}


/** The strip's colours: the site's palette, light and dark, so it reads the same as the status page. */
const STYLE =
  'body{margin:0;font:14px/1.4 system-ui,sans-serif;background:#fff;color:#1a1d21}a{display:flex;gap:.5em;align-items:center;padding:.5em .75em;color:inherit;text-decoration:none;border:1px solid #d9dde3;border-radius:6px}a:hover,a:focus-visible{border-color:#0b57d0}a:focus-visible{outline:2px solid #0b57d0}i{width:.75em;height:.75em;border-radius:50%;flex:none;background:var(--c)}small{color:#5b6470;margin-left:auto}' +
  '.operational{--c:#1a7f37}.maintenance{--c:#2f6fdf}.degraded{--c:#9a6700}.partial_outage{--c:#c2410c}.major_outage{--c:#c62828}' +
  '@media(prefers-color-scheme:dark){body{background:#111418;color:#e8eaed}a{border-color:#2c333b}small{color:#a5adb8}.operational{--c:#3fb950}.maintenance{--c:#6ea8fe}.degraded{--c:#d4a72c}.partial_outage{--c:#f0883e}.major_outage{--c:#f47067}}';

/** The hash the page's policy allows its one style block by. */
export const EMBED_STYLE_HASH = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;

/** The whole page. The link opens the status page in a new tab: an iframe's own navigation would trap the reader in it. */
export function embedStripHtml(strip: EmbedStrip, t: Translate): string {
  const state = t(`banner.${strip.state}`);
  const open = strip.openIncidents === 0 ? '' : ` · ${t(strip.openIncidents === 1 ? 'embed.openOne' : 'embed.open').replace('{count}', String(strip.openIncidents))}`;
  const built = formatInstant(strip.builtMs, strip.timeZone, strip.locale);
  const policy = `default-src 'none'; style-src '${EMBED_STYLE_HASH}'; base-uri 'none'; form-action 'none'`;
  return (
    `<!DOCTYPE html><html lang="${strip.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta http-equiv="content-security-policy" content="${policy}">${strip.noindex ? '<meta name="robots" content="noindex">' : ''}` +
    `<title>${escapeHtml(`${strip.siteName}${t('punct.colon')}${state}`)}</title><style>${STYLE}</style></head>` +
    `<body><a class="${strip.state}" href="${escapeHtml(strip.statusPageUrl)}" target="_blank" rel="noopener"><i></i><span><strong>${escapeHtml(state)}</strong>${escapeHtml(open)}</span> ` +
    `<small>${escapeHtml(strip.siteName)} · <time datetime="${isoInstant(strip.builtMs)}">${escapeHtml(built)}</time></small></a></body></html>\n`
  );
}
