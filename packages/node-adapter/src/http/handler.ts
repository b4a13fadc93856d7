import type { SigningServiceOptions } from '../service/options.js';
import { createSigningService } from '../service/service.js';

/** The Fetch-API shape every adapter (node:http, Express…) wraps. */
export type Handler = (request: Request) => Promise<Response>;

/** The service's handler alone, for hosts that manage shutdown themselves (see createSigningService). */
export function createHandler(options: SigningServiceOptions = {}): Handler {
  return createSigningService(options).handler;
}
