// The hashing floor: what one SHA-256 pass over the file costs, for openssl and for Node itself.
// kyso's sign and verify targets are stated against openssl's figure.
import { measureSideBySide } from './measure.mjs';

const NODE_HASH = `
const { createReadStream } = require('node:fs');
const { createHash } = require('node:crypto');
const h = createHash('sha256');
createReadStream(process.argv[1], { highWaterMark: 1 << 20 }).on('data', (c) => h.update(c)).on('end', () => console.log(h.digest('hex')));
`;

export function hashFloor(files) {
  const rows = [];
  for (const { label, path } of files) {
    const [openssl, node] = measureSideBySide([
      { command: 'openssl', args: ['dgst', '-sha256', path] },
      { command: process.execPath, args: ['-e', NODE_HASH, path] },
    ]);
    for (const [tool, m] of [
      ['openssl dgst -sha256', openssl],
      ['node createHash (streamed)', node],
    ]) {
      if (m.error) throw m.error;
      rows.push({ size: label, tool, ...m });
    }
  }
  return rows;
}
