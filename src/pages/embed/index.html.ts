// /embed/: the status strip for iframes on other sites, in the site's default language (src/lib/status/embed-strip.ts).
import type { APIRoute } from 'astro';
import { embedResponse } from '../../data/embed-endpoint.ts';

export const GET: APIRoute = () => embedResponse();
