// /api/v2/incidents.json: the 50 most recent incidents with their updates, as in Statuspage's API.
import type { APIRoute } from 'astro';
import { statuspageResponse } from '../../../data/statuspage-endpoint.ts';

export const GET: APIRoute = () => statuspageResponse('incidents.json');
