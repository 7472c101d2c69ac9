// A service's display name from its id, the id itself when the service is unknown.
import type { Service } from '../../schemas/service.ts';

export function serviceNameOf(services: readonly Pick<Service, 'id' | 'name'>[], id: string): string {
  return services.find((service) => service.id === id)?.name ?? id;
}
