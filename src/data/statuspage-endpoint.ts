// Serves one document of the Statuspage-compatible API: the shared body of every endpoint under src/pages/api/v2/.
import { statuspageDocuments, statuspageSnapshot, type StatuspageDocumentPath } from '../lib/api/statuspage-api.ts';
import { siteBodies, siteModel } from './site-model.ts';

export async function statuspageResponse(path: StatuspageDocumentPath): Promise<Response> {
  const [model, bodies] = await Promise.all([siteModel(), siteBodies()]);
  const document = statuspageDocuments(statuspageSnapshot(model, bodies))[path];
  return new Response(`${JSON.stringify(document, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
