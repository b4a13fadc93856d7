import { makeFixtures } from './fixtures.mjs';

const TYPES = { pdf: 'application/pdf', pem: 'application/x-pem-file' };

/**
 * A @web/test-runner plugin serving freshly made fixtures at /fixtures/NAME (made once per run, in
 * memory, while the server starts).
 * @returns {import('@web/dev-server-core').Plugin}
 */
export function fixturesPlugin() {
  /** @type {Record<string, Uint8Array>} */
  let files = {};
  return {
    name: 'kyso-fixtures',
    async serverStart() {
      const started = performance.now();
      files = await makeFixtures();
      console.log(`kyso fixtures made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    },
    serve(context) {
      const m = /^\/fixtures\/([\w.-]+)$/.exec(context.path);
      const bytes = m ? files[m[1]] : undefined;
      if (!m || !bytes) return undefined;
      const ext = m[1].split('.').pop() ?? '';
      return { body: Buffer.from(bytes), type: TYPES[ext] ?? 'application/octet-stream' };
    },
  };
}
