// The status page's states: each service's current state and the overall banner, from incidents and maintenance.
import type { Incident } from '../../schemas/incident.ts';
import type { Maintenance } from '../../schemas/maintenance.ts';
import type { ImpactLevel } from '../../schemas/primitives.ts';
import { impactWindows } from '../incidents/incident-timeline.ts';
import type { SiteModel } from '../model/site-model.ts';

export type ServiceState = 'operational' | 'maintenance' | ImpactLevel;

/** Mildest first: the banner shows the worst state of any service. */
export const STATE_ORDER: readonly ServiceState[] = ['operational', 'maintenance', 'degraded', 'partial_outage', 'major_outage'];

function worse(a: ServiceState, b: ServiceState): ServiceState {
  return STATE_ORDER.indexOf(a) >= STATE_ORDER.indexOf(b) ? a : b;
}

export function isMaintenanceActive(window: Maintenance, nowMs: number): boolean {
  return !window.cancelled && window.start.getTime() <= nowMs && nowMs < window.end.getTime();
}

export function isMaintenanceUpcoming(window: Maintenance, nowMs: number): boolean {
  return !window.cancelled && window.start.getTime() > nowMs;
}

/**
 * A service's state now: the worst impact among incident windows still running at now; otherwise
 * "maintenance" while a maintenance window covers it; otherwise operational. An incident whose impact on
 * this service has ended (the service recovered, the incident is still being monitored) no longer counts.
 */
export function serviceStateAt(serviceId: string, incidents: readonly Incident[], maintenance: readonly Maintenance[], nowMs: number): ServiceState {
  let state: ServiceState = 'operational';
  for (const window of impactWindows(incidents, nowMs, serviceId)) {
    if (window.ongoing) state = worse(state, window.impact);
  }
  if (state === 'operational' && maintenance.some((window) => window.services.includes(serviceId) && isMaintenanceActive(window, nowMs))) {
    return 'maintenance';
  }
  return state;
}

/** The banner: the worst service state, "maintenance" only when nothing is worse. */
export function overallState(serviceStates: readonly ServiceState[]): ServiceState {
  return serviceStates.reduce<ServiceState>(worse, 'operational');
}

/** Every service's state at the record's now, by service id. */
export function serviceStatesNow(model: Pick<SiteModel, 'services' | 'incidents' | 'maintenance' | 'nowMs'>): Map<string, ServiceState> {
  return new Map(model.services.map((service) => [service.id, serviceStateAt(service.id, model.incidents, model.maintenance, model.nowMs)]));
}
