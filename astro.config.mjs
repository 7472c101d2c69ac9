// Astro configuration: a fully static site; content comes through the loaders in src/content.config.ts.
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { basePathOf } from './src/lib/model/site-urls.ts';
import { siteSchema } from './src/schemas/site.ts';

// AFTERMATH_ROOT points the build at another site's content (tests build fixture sites this way).
const contentRoot = path.resolve(process.env.AFTERMATH_ROOT ?? '.');
// The site's address lives with the content so a team edits one file; it is read with the schema the check uses.
let baseUrl = 'https://status.example.com/';
try {
  const written = siteSchema.shape.baseUrl.safeParse(parse(readFileSync(path.join(contentRoot, 'content/site.yaml'), 'utf8'))?.baseUrl);
  if (written.success) baseUrl = written.data;
} catch {
  // A missing or broken site.yaml (or baseUrl) is reported by the content loader with its file and line.
}

export default defineConfig({
  site: baseUrl,
  // A site served under a path (https://acme.github.io/status/) has every page, link and asset under that path.
  base: basePathOf(baseUrl),
  output: 'static',
  // Images in markdown are files of the site's own public/ folder (the check refuses any other host).
  publicDir: path.join(contentRoot, 'public'),
  trailingSlash: 'always',
  outDir: process.env.AFTERMATH_OUT_DIR ?? './dist',
  cacheDir: process.env.AFTERMATH_CACHE_DIR ?? './node_modules/.astro',
  // No MDX: content is markdown only, and an MDX renderer would add Astro's island scripts to every page's policy.
  integrations: [
    sitemap(),
    // Which command serves the pages, for src/data/build-mode.ts: Astro's DEV flag follows NODE_ENV, which a test
    // runner sets, so it cannot tell the dev server from a build.
    {
      name: 'aftermath-command',
      hooks: {
        'astro:config:setup': ({ command }) => {
          process.env.AFTERMATH_DEV_SERVER = command === 'dev' ? '1' : '';
        },
      },
    },
  ],
  // Pages render a few at a time so social cards rasterise on both cores while other pages are written. The
  // stylesheets are files every page shares (a reader's browser caches them once) rather than 4 KB repeated in each
  // of tens of thousands of pages.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  // One stylesheet for the whole site: one request a reader's browser makes once, rather than a few per page family.
  vite: { build: { cssCodeSplit: false } },
  // A rebuild copies the pages whose cacheKey (a hash of everything the page shows, src/lib/model/page-keys.ts) and
  // code are unchanged from the last build in cacheDir, instead of rendering them again: after one new update on a
  // site with years of history, only that incident's pages and the pages listing it are rendered.
  experimental: { incrementalBuild: true },
  // Markdown is rendered by the project's own sanitising pipeline, never Astro's: no Shiki, whose inline styles the
  // Content-Security-Policy would refuse (Astro warns about exactly that on every build when it is on).
  markdown: { syntaxHighlight: false },
  // Every page carries a Content-Security-Policy <meta> the project writes (src/lib/security/content-security-policy.ts),
  // naming by hash only the inline scripts that page runs; Astro's own (security.csp) is off, since it lists on every
  // page the hashes of all inline scripts and of its client directives, which no page here runs.
});
