// /api/v2/scheduled-maintenances.json: the 50 most recent maintenance windows, as in Statuspage's API.
import type { APIRoute } from 'astro';
import { statuspageResponse } from '../../../data/statuspage-endpoint.ts';

export const GET: APIRoute = () => statuspageResponse('scheduled-maintenances.json');
