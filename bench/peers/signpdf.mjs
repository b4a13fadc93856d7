// Peer: @signpdf/signpdf with @signpdf/placeholder-plain and @signpdf/signer-p12, as their READMEs show:
// add a placeholder to the whole file in memory, then sign it (SubFilter ETSI.CAdES.detached, to match
// the other contenders; the placeholder length is the library's default).
// Usage: node signpdf.mjs IN OUT P12 (password in KYSO_BENCH_PASSWORD)
import { readFile, writeFile } from 'node:fs/promises';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';

const [input, output, p12] = process.argv.slice(2);
const withPlaceholder = plainAddPlaceholder({
  pdfBuffer: await readFile(input),
  reason: 'kyso bench',
  contactInfo: 'bench@example.invalid',
  name: 'kyso bench',
  location: 'bench',
  subFilter: 'ETSI.CAdES.detached', // @signpdf/utils' SUBFILTER_ETSI_CADES_DETACHED
});
const signer = new P12Signer(await readFile(p12), { passphrase: process.env.KYSO_BENCH_PASSWORD ?? '' });
await writeFile(output, await new SignPdf().sign(withPlaceholder, signer));
