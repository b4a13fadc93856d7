import { expect } from '@open-wc/testing';
import { cleanUp, mount, nextEvent, until, WORKER_SRC } from '../test/browser/support.js';
import { defineAll } from './index.js';

const HEAVY =
  /pdfjs-dist|\/packages\/pdf\/|verification\.ts|signature-fields\.ts|pdf-session\.ts|signature-details\.ts|sign-pdf\/signing\.ts/;
const fetched = () => performance.getEntriesByType('resource').map((e) => e.name);

// the test server serves modules one by one: more than the 250 entries the browser keeps by default
performance.setResourceTimingBufferSize(100_000);

describe('lazy loading', () => {
  afterEach(cleanUp);

  it('define() and empty elements fetch no pdf.js, PDF reader, verifier or signing code; use brings them', async () => {
    defineAll();
    defineAll(); // a second registration is harmless
    const badge = mount(document.createElement('verify-badge'));
    const viewer = mount(document.createElement('kyso-pdf-viewer'));
    const signer = mount(document.createElement('sign-pdf'));
    await Promise.all([badge.updateComplete, viewer.updateComplete, signer.updateComplete]);
    expect(fetched().filter((n) => HEAVY.test(n))).to.deep.equal([]);

    viewer.workerSrc = WORKER_SRC;
    const opened = nextEvent(viewer, 'kyso-pdf-loaded');
    viewer.src = '/fixtures/unsigned.pdf';
    const checked = nextEvent(badge, 'kyso-verified');
    badge.src = '/fixtures/unsigned.pdf';
    await Promise.all([opened, checked]);
    const now = fetched();
    for (const part of ['pdfjs-dist/build/pdf.mjs', 'pdf-session.ts', 'verification.ts', '/packages/pdf/'])
      expect(
        now.some((n) => n.includes(part)),
        part,
      ).to.equal(true);
    // a document to sign, shown and placed, still loads no signing code: that comes with sign()
    const shown = nextEvent(signer, 'kyso-pdf-loaded');
    signer.workerSrc = WORKER_SRC;
    signer.invisible = true;
    signer.src = '/fixtures/unsigned.pdf';
    await shown;
    expect(fetched().filter((n) => n.includes('sign-pdf/signing.ts'))).to.deep.equal([]);
    await signer.sign().catch(() => undefined); // no signer given: KEY_NOT_FOUND
    await until(() => fetched().some((n) => n.includes('sign-pdf/signing.ts')), 'the signing code');
  });
});
