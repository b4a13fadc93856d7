// The page the browser bench loads (bundled by esbuild): <sign-pdf> with a throwaway WebCrypto key.
import { defineSignPdf } from '@kyso/components';
import { WebCryptoSigner } from '@kyso/core';
import { createTestPki, oneSignerSpec } from '@kyso/testkit';

defineSignPdf();

const SPEC = oneSignerSpec({
  root: { C: 'VN', CN: 'RootCA bench' },
  signer: { C: 'VN', CN: 'Nguyễn Văn Bench', UID: 'CCCD:000000000001' },
});

/** Makes the key (not timed), then times first paint and a signature of `src`. */
window.benchRun = async (src, workerSrc) => {
  const pki = await createTestPki({ spec: SPEC });
  const identity = pki.get('signer');
  const signer = new WebCryptoSigner({
    privateKey: await identity.signingKey(),
    certificates: identity.chain.slice(0, -1),
  });
  const el = document.createElement('sign-pdf');
  el.workerSrc = workerSrc;
  el.signer = signer;
  el.revocation = 'off';
  el.verifyRevocation = 'off';
  el.page = 1;
  el.rect = { x: 340, y: 100, width: 180, height: 60 };
  const t0 = performance.now();
  el.src = src;
  document.body.replaceChildren(el);
  const painted = () =>
    el.shadowRoot?.querySelector('kyso-pdf-viewer')?.shadowRoot?.querySelector('.page[data-rendered]');
  while (!painted()) await new Promise((r) => setTimeout(r, 5));
  const firstPage = performance.now() - t0;
  // when each stage began (kyso-progress), for the breakdown
  const began = {};
  el.addEventListener('kyso-progress', (e) => {
    began[e.detail.stage] ??= performance.now();
  });
  const t1 = performance.now();
  const bytes = await el.sign();
  const signature = performance.now() - t1;
  const verified = el.report?.signatures.every((s) => s.integrity) ?? false;
  const stages = Object.fromEntries(Object.entries(began).map(([stage, at]) => [stage, at - t1]));
  return { firstPage, signature, stages, size: bytes?.length ?? 0, verified };
};
