// The ids of an incident's updates (page anchor, feed guid, API id), unique within the incident and unchanged by edits to the text.
import type { Incident, IncidentUpdate } from '../../schemas/incident.ts';
import { isoInstant } from '../time/format.ts';

export interface UpdateIds {
  /** The update's element id on the incident page and its link's fragment: `update-2026-11-25t143500z`. */
  anchor: string;
  /** The fragment of the update's feed guid, after the incident page's URL: `update-2026-11-25t143500z-fixing`. */
  guidFragment: string;
  /** What the API's update id is derived from: `INC-20261125-001@2026-11-25T14:35:00Z/fixing`. */
  apiKey: string;
}

/** `-2`, `-3`… for the second and later of updates that would otherwise share an id; nothing for the first. */
function ordinalSuffix(ordinal: number): string {
  return ordinal > 1 ? `-${ordinal}` : '';
}

/**
 * The ids come from the instant and the status, which is what they were before two updates could share both;
 * the first of updates sharing an instant keeps that id unchanged, a later one gets a suffix by its order among
 * them in the record. Anchors tell apart updates at the same instant, guids and API ids updates at the same
 * instant with the same status. Neither the message nor any title enters, so editing text never changes an id,
 * and appending an update never changes the ids before it. `update` must be one of `incident.updates`.
 */
export function updateIds(incident: Pick<Incident, 'id' | 'updates'>, update: IncidentUpdate): UpdateIds {
  const index = incident.updates.indexOf(update);
  if (index < 0) throw new Error(`the update at ${isoInstant(update.at.getTime())} is not one of incident ${incident.id}'s updates`);
  const earlier = incident.updates.slice(0, index).filter((other) => other.at.getTime() === update.at.getTime());
  const instantOrdinal = earlier.length + 1;
  const statusOrdinal = earlier.filter((other) => other.status === update.status).length + 1;
  const instantAnchor = `update-${isoInstant(update.at.getTime()).replace(/[:]/g, '').toLowerCase()}`;
  return {
    anchor: `${instantAnchor}${ordinalSuffix(instantOrdinal)}`,
    guidFragment: `${instantAnchor}-${update.status}${ordinalSuffix(statusOrdinal)}`,
    apiKey: `${incident.id}@${isoInstant(update.at.getTime())}/${update.status}${ordinalSuffix(statusOrdinal)}`,
  };
}

/**
 * A maintenance update's part of its ids (`20261128t200000z`): the feeds' guid and the notices' id both end in it,
 * so an update is known by the same instant in each.
 */
export function maintenanceUpdateFragment(atMs: number): string {
  return isoInstant(atMs).replace(/[^0-9TZ]/g, '').toLowerCase();
}
