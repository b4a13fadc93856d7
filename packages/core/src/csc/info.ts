import { type JsonObject, optionalString, requireString } from './json.js';
import type { CscInfo } from './types.js';

const METHOD = 'info';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Reads an `info` answer; only `specs` is insisted on (it decides the protocol version). */
export function readCscInfo(json: JsonObject): CscInfo {
  const name = optionalString(json['name'], METHOD, 'name');
  return {
    specs: requireString(json['specs'], METHOD, 'specs'),
    ...(name ? { name } : {}),
    methods: strings(json['methods']),
    authType: strings(json['authType']),
  };
}
