import { expect } from '@open-wc/testing';
import { cleanUp, mount, nextEvent, WORKER_SRC } from '../test/browser/support.js';
import { defineAll } from './index.js';

const HEAVY =
  /pdfjs-dist|\/packages\/pdf\/|verification\.ts|signature-fields\.ts|pdf-session\.ts|signature-details\.ts/;
const fetched = () => performance.getEntriesByType('resource').map((e) => e.name);

describe('lazy loading', () => {
  afterEach(cleanUp);

  it('define() and empty elements fetch no pdf.js, PDF reader or verifier; a document brings them', async () => {
    defineAll();
    defineAll(); // a second registration is harmless
    const badge = mount(document.createElement('verify-badge'));
    const viewer = mount(document.createElement('kyso-pdf-viewer'));
    await Promise.all([badge.updateComplete, viewer.updateComplete]);
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
  });
});
