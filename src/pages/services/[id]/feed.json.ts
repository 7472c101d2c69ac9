// /services/<id>/feed.json: the updates and postmortems of incidents that affected one service.
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse, serviceFeedPaths } from '../../../data/feed-endpoint.ts';
import { serviceChannel } from '../../../lib/feeds/feed-channels.ts';

export const getStaticPaths = (() => serviceFeedPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => feedResponse('json', (model, bodies) => serviceChannel(model, bodies, String(params.id)));
