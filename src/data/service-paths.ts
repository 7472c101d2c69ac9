// Static paths of the per-service files (feeds, badges): one per service in content/services.yaml.
import { siteModel } from './site-model.ts';

export async function servicePaths(): Promise<{ params: { id: string } }[]> {
  const model = await siteModel();
  return model.services.map((service) => ({ params: { id: service.id } }));
}
