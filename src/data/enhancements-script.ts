// The enhancements script as every page inlines it: src/components/enhancements.js minified once per build (the
// source keeps its comments and names; readers download under 2 KB), and the hash the page's CSP allows it by.
import { createHash } from 'node:crypto';
import { transformSync } from 'esbuild';
import source from '../components/enhancements.js?raw';

export const enhancementsScript: string = transformSync(source, { minify: true, loader: 'js' }).code.trim();

export const enhancementsScriptHash = `sha256-${createHash('sha256').update(enhancementsScript).digest('base64')}` as const;
