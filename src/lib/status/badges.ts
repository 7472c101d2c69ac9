// SVG status badges (one per service, one overall) in the shields.io style, drawn with `badge-maker`, in the status page's colours.
import { makeBadge } from 'badge-maker';
import type { Translate } from '../../i18n/index.ts';
import type { SiteModel } from '../model/site-model.ts';
import { overallState, serviceStatesNow, type ServiceState } from './status.ts';

/** The light theme's state colours, `--ok` to `--major` in src/layouts/Base.astro; a test keeps the two in step. */
export const STATE_COLOURS: Record<ServiceState, string> = {
  operational: '#1a7f37',
  maintenance: '#2f6fdf',
  degraded: '#9a6700',
  partial_outage: '#c2410c',
  major_outage: '#c62828',
};

/** Which custom property of the page holds each state's colour. */
export const STATE_COLOUR_PROPERTIES: Record<ServiceState, string> = {
  operational: '--ok',
  maintenance: '--maint',
  degraded: '--degraded',
  partial_outage: '--partial',
  major_outage: '--major',
};

/**
 * A badge reading "<label> | <state words>". badge-maker gives it role="img", an aria-label and a <title> of
 * "<label>: <state words>", so it reads the same to a screen reader and as a tooltip; colour is never the only cue.
 */
export function stateBadge(label: string, stateWords: string, state: ServiceState): string {
  return makeBadge({ label, message: stateWords, color: STATE_COLOURS[state], style: 'flat' });
}

type BadgeModel = Pick<SiteModel, 'site' | 'services' | 'incidents' | 'maintenance' | 'nowMs'>;

/** `/badges/<id>.svg`: "API gateway | Partial outage", in the words the status page uses for the service. */
export function serviceBadge(model: BadgeModel, serviceId: string, t: Translate): string {
  const service = model.services.find((candidate) => candidate.id === serviceId);
  if (!service) throw new Error(`no service "${serviceId}" in content/services.yaml`);
  const state = serviceStatesNow(model).get(service.id)!;
  return stateBadge(service.name, t(`state.${state}`), state);
}

/** `/badge.svg`: "<site name> | <banner words>", the status page's banner. */
export function overallBadge(model: BadgeModel, t: Translate): string {
  const state = overallState([...serviceStatesNow(model).values()]);
  return stateBadge(model.site.name, t(`banner.${state}`), state);
}
