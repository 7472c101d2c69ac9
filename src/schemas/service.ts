// Schema of content/services.yaml: service groups and the services with their recovery and availability targets.
import { z } from 'zod';
import { availabilityTarget, duration, slug, text, title } from './primitives.ts';

export const serviceGroupSchema = z.strictObject({
  id: slug,
  name: title,
  description: text.optional(),
  parent: slug.optional(),
});

export const serviceSchema = z.strictObject({
  id: slug,
  name: title,
  group: slug,
  description: text.optional(),
  /** Recovery time objective: how long the service may be down per incident. */
  rto: duration,
  /** Recovery point objective: how much data (as time) may be lost per incident. */
  rpo: duration,
  /** Availability target in percent. */
  availability: availabilityTarget,
});

export const servicesFileSchema = z.strictObject({
  groups: z.array(serviceGroupSchema).min(1, { error: 'empty (expected at least one group)' }),
  services: z.array(serviceSchema).min(1, { error: 'empty (expected at least one service)' }),
});

export type ServiceGroup = z.infer<typeof serviceGroupSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type ServicesFile = z.infer<typeof servicesFileSchema>;
