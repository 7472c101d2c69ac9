// Content collections: every collection is fed by one validated load of the whole site, so a build with any
// invalid file stops here, before a page is written, with every problem listed.
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'zod';
import { incidentSchema } from './schemas/incident.ts';
import { maintenanceSchema } from './schemas/maintenance.ts';
import { postmortemSchema } from './schemas/postmortem.ts';
import { serviceGroupSchema, serviceSchema } from './schemas/service.ts';
import { severityLevelSchema } from './schemas/severity.ts';
import { siteSchema } from './schemas/site.ts';
import { markdownToHtml } from './lib/markdown/markdown-html.ts';
import { basePathOf } from './lib/model/site-urls.ts';
import { contentRoot, forgetLoadedSite, forgetSiteReadBefore, isContentFile, loadValidatedSite } from './validation/site-for-build.ts';

const KINDS = ['site', 'services', 'groups', 'severity', 'incidents', 'postmortems', 'maintenance'] as const;
type Kind = (typeof KINDS)[number];
/** The collections a build has filled; once all are, the loaded site is let go. */
const filledInBuild = new Set<Kind>();

function aftermathLoader(kind: Kind): Loader {
  return {
    name: `aftermath-${kind}`,
    load: async (context: LoaderContext) => {
      await fill(context);
      // A build (no watcher) fills each collection once: after the last, nothing reads the loaded site again.
      if (!context.watcher) {
        filledInBuild.add(kind);
        if (filledInBuild.size === KINDS.length) forgetLoadedSite();
      }
      // In dev, an edit to any content file reloads the whole site, so cross-file rules see the edit too.
      const root = contentRoot();
      context.watcher?.add([`${root}/content`, `${root}/incidents`]);
      context.watcher?.on('all', (_event, changedPath) => {
        if (!isContentFile(changedPath)) return;
        forgetSiteReadBefore(Date.now());
        fill(context).catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
      });
    },
  };

  async function fill({ store }: LoaderContext): Promise<void> {
    const content = await loadValidatedSite();
    // Bodies go through the project's own sanitising pipeline, not Astro's: the page shows exactly the text the
    // check validated (Astro would strip a second frontmatter block first) and the same HTML the feeds carry.
    store.clear();
    // Site paths in a body (`/images/a.png`) land under the site's path, as every other link on the page does; its
    // headings go below the h2 the page shows it under (an incident's "Summary", a postmortem's narrative).
    const bodyHtml = (body: string) => markdownToHtml(body, { siteBase: basePathOf(content.site.baseUrl), headingsBelow: 2 });
    switch (kind) {
      case 'site':
        store.set({ id: 'site', data: { ...content.site, nowMs: content.nowMs } });
        break;
      case 'services':
        content.services.services.forEach((service, order) => store.set({ id: service.id, data: { ...service, order } }));
        break;
      case 'groups':
        content.services.groups.forEach((group, order) => store.set({ id: group.id, data: { ...group, order } }));
        break;
      case 'severity':
        content.severity.levels.forEach((level, rank) => store.set({ id: level.id, data: { ...level, rank } }));
        break;
      case 'incidents':
        for (const entry of content.incidents) {
          store.set({ id: entry.incident.id, data: entry.incident, body: entry.body, filePath: entry.file, rendered: { html: bodyHtml(entry.body) } });
        }
        break;
      case 'postmortems':
        for (const entry of content.incidents) {
          if (!entry.postmortem) continue;
          const { postmortem, body, file } = entry.postmortem;
          store.set({ id: postmortem.incident, data: postmortem, body, filePath: file, rendered: { html: bodyHtml(body) } });
        }
        break;
      case 'maintenance':
        for (const entry of content.maintenance) {
          store.set({ id: entry.maintenance.id, data: entry.maintenance, body: entry.body, filePath: entry.file, rendered: { html: bodyHtml(entry.body) } });
        }
        break;
    }
    if (store.keys().length === 0) keepEmptyCollection(store);
  }
}

// A site with no incidents, postmortems or maintenance yet is normal, but Astro's getCollection() warns "does not
// exist or is empty" on every call for a collection its store holds no entry for, and has no call that declares a
// collection empty (withastro/astro#15329). Deleting an entry leaves its collection in the store, so an entry set
// and deleted at once makes the collection exist, empty: the pages get an empty list and the build says nothing.
const NO_ENTRY = 'aftermath-empty-collection';
function keepEmptyCollection(store: LoaderContext['store']): void {
  store.set({ id: NO_ENTRY, data: {} });
  store.delete(NO_ENTRY);
}

export const collections = {
  site: defineCollection({ loader: aftermathLoader('site'), schema: siteSchema.extend({ nowMs: z.number() }) }),
  services: defineCollection({ loader: aftermathLoader('services'), schema: serviceSchema.extend({ order: z.number() }) }),
  groups: defineCollection({ loader: aftermathLoader('groups'), schema: serviceGroupSchema.extend({ order: z.number() }) }),
  severity: defineCollection({ loader: aftermathLoader('severity'), schema: severityLevelSchema.extend({ rank: z.number() }) }),
  incidents: defineCollection({ loader: aftermathLoader('incidents'), schema: incidentSchema }),
  postmortems: defineCollection({ loader: aftermathLoader('postmortems'), schema: postmortemSchema }),
  maintenance: defineCollection({ loader: aftermathLoader('maintenance'), schema: maintenanceSchema }),
};
