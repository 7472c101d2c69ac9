import { describe, expect, it } from 'vitest';
import { serviceNameOf } from '../src/lib/model/service-names.ts';

describe('service names', () => {
  const services = [{ id: 'api-gateway', name: 'API gateway' }];
  it('gives the display name of a known service', () => expect(serviceNameOf(services, 'api-gateway')).toBe('API gateway'));
  it('falls back to the id for an unknown one', () => expect(serviceNameOf(services, 'graphql')).toBe('graphql'));
});
