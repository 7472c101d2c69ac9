// The social preview card of the site and of each incident, as a satori element tree (plain data).

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

/** A 1200x630 card: accent bar, site name, kicker, title (clamped), detail lines. */
export function socialCard(text: CardText): CardElement {
  const title = text.title.length > 110 ? `${text.title.slice(0, 107).trimEnd()}…` : text.title;
  return el('div', { width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#ffffff', color: '#1a1d21', fontFamily: 'Noto Sans' }, [
    el('div', { height: 24, background: text.accent, display: 'flex' }),
    el('div', { display: 'flex', flexDirection: 'column', padding: '56px 72px', flexGrow: 1 }, [
      el('div', { fontSize: 34, fontWeight: 700, color: '#5b6470', display: 'flex' }, text.siteName),
      ...(text.kicker ? [el('div', { fontSize: 34, fontWeight: 700, color: text.accent, marginTop: 36, display: 'flex' }, text.kicker)] : []),
      el('div', { fontSize: 60, fontWeight: 700, lineHeight: 1.2, marginTop: 20, display: 'flex' }, title),
      el('div', { display: 'flex', flexDirection: 'column', marginTop: 'auto', fontSize: 30, color: '#5b6470' }, text.details.map((line) => el('div', { display: 'flex' }, line))),
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
