// Serves one document of the Statuspage-compatible API: the shared body of every endpoint under src/pages/api/v2/.
import { statuspageDocuments, statuspageSnapshot, type StatuspageDocumentPath } from '../lib/api/statuspage-api.ts';
import type { SiteModel } from '../lib/model/site-model.ts';
import { siteBodies, siteModel } from './site-model.ts';

/**
 * The snapshot walks every incident; eight endpoints serve documents of the same one, so it is made once per
 * model (a build has one model; `astro dev` reads a new one per request, so edits still show).
 */
const documentsByModel = new WeakMap<SiteModel, ReturnType<typeof statuspageDocuments>>();

export async function statuspageResponse(path: StatuspageDocumentPath): Promise<Response> {
  const [model, bodies] = await Promise.all([siteModel(), siteBodies()]);
  let documents = documentsByModel.get(model);
  if (!documents) {
    documents = statuspageDocuments(statuspageSnapshot(model, bodies));
    documentsByModel.set(model, documents);
  }
  return new Response(`${JSON.stringify(documents[path], null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
