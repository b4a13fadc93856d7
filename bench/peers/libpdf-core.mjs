// Peer: @libpdf/core signs IN with the .p12 as its README shows (PDF.load, P12Signer.create, pdf.sign),
// defaults otherwise (PAdES B-B, ETSI.CAdES.detached), and writes the returned bytes to OUT.
// Usage: node libpdf-core.mjs IN OUT P12 (password in KYSO_BENCH_PASSWORD)
import { readFile, writeFile } from 'node:fs/promises';
import { P12Signer, PDF } from '@libpdf/core';

const [input, output, p12] = process.argv.slice(2);
const pdf = await PDF.load(await readFile(input));
const signer = await P12Signer.create(await readFile(p12), process.env.KYSO_BENCH_PASSWORD ?? '');
const { bytes } = await pdf.sign({ signer, level: 'B-B' });
await writeFile(output, bytes);
