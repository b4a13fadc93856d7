import type { AuditEvent, AuditSink } from './audit-event.js';

/** Field names that must never reach a log, whatever a custom event or a future change puts in it. */
const SECRET = /^(pin|otp|sad|password|secret|token|authdata|authorization|key)$/i;

/** One event as one JSON line, without secrets-by-name and without line breaks inside. */
export function auditLine(event: AuditEvent): string {
  return `${JSON.stringify(event, (name, value: unknown) => (SECRET.test(name) ? undefined : value))}\n`;
}

/**
 * An AuditSink writing JSON lines, e.g. `jsonLinesAudit((l) => process.stdout.write(l))` or to a
 * file stream. `write` receives whole lines only, so concurrent requests never interleave.
 */
export function jsonLinesAudit(write: (line: string) => void | Promise<void>): AuditSink {
  return (event) => write(auditLine(event));
}
