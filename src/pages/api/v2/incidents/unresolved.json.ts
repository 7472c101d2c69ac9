// /api/v2/incidents/unresolved.json: the incidents not yet resolved, as in Statuspage's API.
import type { APIRoute } from 'astro';
import { statuspageResponse } from '../../../../data/statuspage-endpoint.ts';

export const GET: APIRoute = () => statuspageResponse('incidents/unresolved.json');
