// The SiteModel and markdown bodies of a site folder, as the build hands them to src/lib, for tests that call src/lib directly.
import type { MarkdownBodies, SiteModel } from '../../src/lib/model/site-model.ts';
import { loadSite, type SiteContent } from '../../src/validation/load-site.ts';

export function modelOf(loaded: SiteContent): SiteModel {
  return {
    site: loaded.site,
    nowMs: loaded.nowMs,
    groups: loaded.services.groups,
    services: loaded.services.services,
    levels: loaded.severity.levels,
    incidents: loaded.incidents.map((entry) => entry.incident),
    postmortems: loaded.incidents.flatMap((entry) => (entry.postmortem ? [entry.postmortem.postmortem] : [])),
    maintenance: loaded.maintenance.map((entry) => entry.maintenance),
  };
}

export function bodiesOf(loaded: SiteContent): MarkdownBodies {
  return {
    incidents: Object.fromEntries(loaded.incidents.map((entry) => [entry.incident.id, entry.body.trim()])),
    postmortems: Object.fromEntries(loaded.incidents.flatMap((entry) => (entry.postmortem ? [[entry.incident.id, entry.postmortem.body.trim()]] : []))),
    maintenance: Object.fromEntries(loaded.maintenance.map((entry) => [entry.maintenance.id, entry.body.trim()])),
  };
}

/** Loads and validates a site folder; throws when its content is invalid, since a test of src/lib needs a valid record. */
export async function loadModel(root: string, now?: string): Promise<{ model: SiteModel; bodies: MarkdownBodies }> {
  const loaded = await loadSite(root, now ? { AFTERMATH_NOW: now } : {});
  if (!loaded.ok) throw new Error(`${root} is invalid: ${loaded.problems.map((problem) => problem.message).join('; ')}`);
  return { model: modelOf(loaded.content), bodies: bodiesOf(loaded.content) };
}
