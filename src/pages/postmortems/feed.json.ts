// /postmortems/feed.json: postmortem publications only.
import type { APIRoute } from 'astro';
import { feedResponse } from '../../data/feed-endpoint.ts';
import { postmortemChannel } from '../../lib/feeds/feed-channels.ts';

export const GET: APIRoute = () => feedResponse('json', postmortemChannel);
