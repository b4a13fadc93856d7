// The hashing floor: what one SHA-256 pass over the file costs, for openssl and for Node itself.
// kyso's sign and verify targets are stated against openssl's figure.
import { measure } from './measure.mjs';

const NODE_HASH = `
const { createReadStream } = require('node:fs');
const { createHash } = require('node:crypto');
const h = createHash('sha256');
createReadStream(process.argv[1], { highWaterMark: 1 << 20 }).on('data', (c) => h.update(c)).on('end', () => console.log(h.digest('hex')));
`;

export function hashFloor(files) {
  const rows = [];
  for (const { label, path } of files) {
    rows.push({
      size: label,
      tool: 'openssl dgst -sha256',
      ...measure('openssl', ['dgst', '-sha256', path]),
    });
    rows.push({
      size: label,
      tool: 'node createHash (streamed)',
      ...measure(process.execPath, ['-e', NODE_HASH, path]),
    });
  }
  return rows;
}
