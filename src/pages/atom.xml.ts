// /atom.xml: the site feed as Atom 1.0.
import type { APIRoute } from 'astro';
import { feedResponse } from '../data/feed-endpoint.ts';
import { siteChannel } from '../lib/feeds/feed-channels.ts';

export const GET: APIRoute = () => feedResponse('atom', siteChannel);
