import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AuditEvent,
  createSigningService,
  type SigningService,
  type SigningServiceOptions,
  toNodeListener,
} from '../../src/index.js';

export interface TestService {
  service: SigningService;
  url: string;
  audit: AuditEvent[];
  /** Every audit line as written (JSON lines). */
  lines: string[];
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (an ephemeral port) and resolves with the address. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

export async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** A signing service on node:http with its audit collected (as events and as the JSON lines written). */
export async function startService(options: SigningServiceOptions): Promise<TestService> {
  const audit: AuditEvent[] = [];
  const lines: string[] = [];
  const { auditLine } = await import('../../src/index.js');
  const service = createSigningService({
    ...options,
    audit: (event) => {
      audit.push(event);
      lines.push(auditLine(event));
    },
  });
  const server = createServer(toNodeListener(service.handler));
  const url = await listen(server);
  return {
    service,
    url,
    audit,
    lines,
    close: async () => {
      await closeServer(server);
      await service.close({ timeoutMs: 1000 });
    },
  };
}
