// Which build this is: the site that is deployed, or a preview for reviewers (`npm run build -- --preview`, which
// sets AFTERMATH_PREVIEW=1 for Astro), where drafts and postmortems in review get pages behind a banner and no page
// may be indexed. Only that variable decides: not Astro's DEV flag, which follows NODE_ENV (true under a test
// runner), so nothing but an explicit request can put a draft on a built site.
export const previewBuild: boolean = process.env.AFTERMATH_PREVIEW === '1';

/**
 * Whether the pages are served by `npm run dev` (set by the integration in astro.config.mjs), whose Vite client
 * scripts a page's Content-Security-Policy would refuse: only built pages carry one.
 */
export const devServer: boolean = process.env.AFTERMATH_DEV_SERVER === '1';
