// The SiteModel and markdown bodies of a site folder, as the build hands them to src/lib, for tests that call src/lib directly.
import { markdownBodiesOf, siteModelOf, type MarkdownBodies, type SiteModel } from '../../src/lib/model/site-model.ts';
import { loadSite, type SiteContent } from '../../src/validation/load-site.ts';

// The same functions the build uses for what it writes beside Astro's pages (src/lib/model/site-model.ts).
export const modelOf: (loaded: SiteContent) => SiteModel = siteModelOf;
export const bodiesOf: (loaded: SiteContent) => MarkdownBodies = markdownBodiesOf;

/** Loads and validates a site folder; throws when its content is invalid, since a test of src/lib needs a valid record. */
export async function loadModel(root: string, now?: string): Promise<{ model: SiteModel; bodies: MarkdownBodies }> {
  const loaded = await loadSite(root, now ? { AFTERMATH_NOW: now } : {});
  if (!loaded.ok) throw new Error(`${root} is invalid: ${loaded.problems.map((problem) => problem.message).join('; ')}`);
  return { model: modelOf(loaded.content), bodies: bodiesOf(loaded.content) };
}
