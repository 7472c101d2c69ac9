// /llms.txt: the site for language models and other machine readers (src/lib/feeds/llms-txt.ts), in its default language.
import type { APIRoute } from 'astro';
import { siteModel } from '../data/site-model.ts';
import { translator } from '../i18n/index.ts';
import { llmsTxt } from '../lib/feeds/llms-txt.ts';

export const GET: APIRoute = async () => {
  const model = await siteModel();
  return new Response(llmsTxt(model, translator(model.site.defaultLocale)), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
