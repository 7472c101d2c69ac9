// The social preview card of the site and of each incident, as a satori element tree (plain data).
import type { Translate } from '../../i18n/index.ts';
import type { Incident } from '../../schemas/incident.ts';
import { formatInstant } from '../time/format.ts';
import { isFinished } from '../incidents/incident-lifecycle.ts';
import { currentStatus, latestUpdate } from '../incidents/incident-timeline.ts';
import { oncePer } from '../model/once-per.ts';
import { serviceNameOf } from '../model/service-names.ts';
import type { SiteModel } from '../model/site-model.ts';
import { overallState, type ServiceState } from './status.ts';

export interface CardElement {
  type: string;
  props: { style?: Record<string, string | number>; children?: (CardElement | string)[] | CardElement | string };
}

export interface CardText {
  siteName: string;
  /** Severity and status line, e.g. "P1 · Resolved"; absent on the site card. */
  kicker?: string;
  title: string;
  /** Services and dates, one line each. */
  details: string[];
  /** Colour of the accent bar, matching the state colours of the page. */
  accent: string;
}

const el = (type: string, style: Record<string, string | number>, children?: CardElement['props']['children']): CardElement => ({
  type,
  props: children === undefined ? { style } : { style, children },
});

/** The family the card's text asks for: Noto Sans's Latin subset, as the card fonts name it (package and subset). */
export const CARD_FONT_FAMILY = 'noto-sans latin';

/** One line of text, cut with an ellipsis where the card ends. */
const ONE_LINE = { display: 'block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', flexShrink: 0 } as const;
/** At most this many lines of title: with the site name, kicker and two detail lines, the card is full. */
const TITLE_LINES = 3;
/** Longer text is cut before layout (the clamp shows three lines of it at most anyway). */
const LONGEST_TEXT = 300;

const shortened = (text: string) => (text.length > LONGEST_TEXT ? `${text.slice(0, LONGEST_TEXT - 1)}…` : text);

/**
 * A 1200x630 card: accent bar, site name, kicker, title, detail lines. Every text is clamped (one line each, the
 * title three) so that whatever their length the facts below the title (services, id and start) stay on the card.
 */
export function socialCard(text: CardText): CardElement {
  return el('div', { width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#ffffff', color: '#1a1d21', fontFamily: CARD_FONT_FAMILY }, [
    el('div', { height: 24, background: text.accent, display: 'flex', flexShrink: 0 }),
    el('div', { display: 'flex', flexDirection: 'column', padding: '56px 72px', flexGrow: 1, overflow: 'hidden' }, [
      el('div', { ...ONE_LINE, fontSize: 34, fontWeight: 700, color: '#5b6470' }, shortened(text.siteName)),
      ...(text.kicker ? [el('div', { ...ONE_LINE, fontSize: 34, fontWeight: 700, color: text.accent, marginTop: 36 }, shortened(text.kicker))] : []),
      el('div', { display: 'block', fontSize: 60, fontWeight: 700, lineHeight: 1.2, marginTop: 20, lineClamp: TITLE_LINES, overflow: 'hidden', flexShrink: 0 }, shortened(text.title)),
      el('div', { display: 'flex', flexDirection: 'column', marginTop: 'auto', fontSize: 30, color: '#5b6470', flexShrink: 0 }, text.details.map((line) => el('div', ONE_LINE, shortened(line)))),
    ]),
  ]);
}

/** Page colours per state, light theme: the card is an image, so it uses the light palette. */
export const STATE_COLOURS = {
  operational: '#1a7f37',
  maintenance: '#2f6fdf',
  degraded: '#9a6700',
  partial_outage: '#c2410c',
  major_outage: '#c62828',
} as const;

/** The card of one incident: severity and status, title, services and start; accent by its worst impact until over. */
export function incidentCardText(incident: Incident, model: Pick<SiteModel, 'site' | 'services'>, t: Translate): CardText {
  const status = currentStatus(incident);
  const worst = overallState(incident.services.map((affected) => affected.impact));
  return {
    siteName: model.site.name,
    kicker: `${incident.severity} · ${t(`status.${status}`)}`,
    title: incident.title,
    details: [
      incident.services.map((affected) => serviceNameOf(model.services, affected.id)).join(', '),
      `${incident.id} · ${formatInstant(incident.started.getTime(), model.site.timeZone, model.site.defaultLocale)}`,
    ],
    accent: isFinished(status) ? STATE_COLOURS.operational : STATE_COLOURS[worst],
  };
}

/**
 * How many incidents get a card of their own: the ones with the latest updates, besides every open one. A card
 * costs about 60 ms to draw and 40-50 KB to publish, so a site with ten thousand incidents would spend ten
 * minutes and 500 MB on previews of incidents nobody shares any more; older incidents show the history card.
 */
export const OWN_CARD_LIMIT = 100;

/**
 * The ids of the incidents whose pages show their own card: every open incident, and the OWN_CARD_LIMIT with the
 * latest last update (a reopened or late-updated old incident is news again), ties by id.
 */
export const incidentsWithOwnCard = oncePer((incidents: readonly Incident[]): ReadonlySet<string> => {
  const newest = incidents
    .map((incident) => ({ id: incident.id, at: latestUpdate(incident).at.getTime() }))
    .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, OWN_CARD_LIMIT)
    .map(({ id }) => id);
  return new Set([...newest, ...incidents.filter((incident) => incident.resolved === undefined).map((incident) => incident.id)]);
});

/** The card an incident's page shows, relative to the site root. */
export function incidentCardPath(incident: Incident, incidents: readonly Incident[]): string {
  return incidentsWithOwnCard(incidents).has(incident.id) ? `social/${incident.id}.png` : HISTORY_CARD_PATH;
}

/** The card of the incidents without their own: the history's, which names no current state. */
export const HISTORY_CARD_PATH = 'social/history.png';

/** The history card: the site, "Incident history" and the site's description, in a neutral colour. */
export function historyCardText(model: Pick<SiteModel, 'site'>, t: Translate): CardText {
  return { siteName: model.site.name, title: t('nav.incidents'), details: [model.site.description ?? ''], accent: '#5b6470' };
}

/** The site's card: the overall banner. */
export function siteCardText(overall: ServiceState, model: Pick<SiteModel, 'site'>, t: Translate): CardText {
  return { siteName: model.site.name, title: t(`banner.${overall}`), details: [model.site.description ?? ''], accent: STATE_COLOURS[overall] };
}
