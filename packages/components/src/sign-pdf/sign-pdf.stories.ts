import type { Signer } from '@kyso/core';
import { KysoError } from '@kyso/core/errors';
import { personalPreset } from '@kyso/pdf';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { fixtureUrl, PendingBlob, WORKER_SRC } from '../../.storybook/support.js';
import { browserSigner } from '../../test/browser/test-signer.js';
import { defineSignPdf } from './define.js';
import type { PageRect } from './placement.js';
import type { SignPdf } from './sign-pdf.js';

defineSignPdf();

interface Args {
  lang: 'vi' | 'en';
  src?: string;
  file?: Blob;
  page?: number;
  rect?: PageRect;
  invisible: boolean;
  /**
   * Which signer: a WebCrypto key made in the browser, one that always fails, one that asks its PIN
   * through the element's dialog (as a CSC credential does), or one that never answers.
   */
  signer: 'webcrypto' | 'failing' | 'pin' | 'pending';
  preset: boolean;
  /** Puts the default box on page 1 once the document shows (what “Place signature” does). */
  place: boolean;
  signNow: boolean;
}

// A throwaway key and certificate made with WebCrypto when the story first renders.
let key: ReturnType<typeof browserSigner> | undefined;
function throwawayKey(): ReturnType<typeof browserSigner> {
  key ??= browserSigner();
  return key;
}
const failing: Signer = {
  certificates: async () => (await throwawayKey()).signer.certificates(),
  algorithms: async () => [{ hash: 'SHA-256', scheme: 'RSASSA-PKCS1-v1_5' }],
  sign: async () => {
    throw new KysoError('PIN_INCORRECT');
  },
};

/** A signer that first asks the element's PIN dialog, as CscSigner does with `prompts`. */
function askingPin(el: SignPdf, inner: Signer): Signer {
  return {
    certificates: (o) => inner.certificates(o),
    algorithms: (o) => inner.algorithms(o),
    sign: async (request, o) => {
      await el.prompts.pin({ credentialId: 'nhan-vien-pin', label: 'PIN' });
      return inner.sign(request, o);
    },
  };
}

/** A signer whose key never answers: the element stays at its “signing” stage. */
function pending(inner: Signer): Signer {
  return {
    certificates: (o) => inner.certificates(o),
    algorithms: (o) => inner.algorithms(o),
    sign: () => new Promise<Uint8Array>(() => {}),
  };
}

// The element gets its signer once it is in the page (a property, set by the decorator below).
const render = (args: Args) => html`<sign-pdf
  lang=${args.lang}
  worker-src=${WORKER_SRC}
  src=${args.src ?? nothing}
  .file=${args.file}
  .page=${args.page}
  .rect=${args.rect}
  ?invisible=${args.invisible}
  .preset=${args.preset ? personalPreset({ title: 'Chuyên viên' }) : undefined}
  revocation="off"
  style="--kyso-viewer-height: 520px"
></sign-pdf>`;

const meta: Meta<Args> = {
  title: 'Elements/sign-pdf',
  component: 'sign-pdf',
  render,
  args: { lang: 'vi', invisible: false, signer: 'webcrypto', preset: false, place: false, signNow: false },
  decorators: [
    (story, context) => {
      // the element needs its signer once it is in the page
      setTimeout(() => {
        for (const el of document.querySelectorAll<SignPdf>('sign-pdf')) {
          if (el.signer) continue;
          void (async () => {
            const webcrypto = (await throwawayKey()).signer;
            const kind = context.args.signer;
            el.signer =
              kind === 'failing'
                ? failing
                : kind === 'pin'
                  ? askingPin(el, webcrypto)
                  : kind === 'pending'
                    ? pending(webcrypto)
                    : webcrypto;
            const { place, signNow } = context.args;
            if (place || signNow)
              el.addEventListener(
                'kyso-pdf-loaded',
                () => {
                  // after the element has laid its surfaces over the pages
                  void el.updateComplete.then(() => {
                    if (place) el.placeSignature(1);
                    if (signNow) void el.updateComplete.then(() => el.sign().catch(() => undefined));
                  });
                },
                { once: true },
              );
          })();
        }
      });
      return story();
    },
  ],
  parameters: {
    docs: {
      description: {
        component:
          'Places and signs a PDF signature in the browser; only the digest reaches the signer. The stories sign with a throwaway WebCrypto key.',
      },
    },
  },
};
// biome-ignore lint/style/noDefaultExport: Component Story Format needs the default export
export default meta;

type Story = StoryObj<Args>;

export const Empty: Story = {};
export const Loading: Story = { args: { file: new PendingBlob() } };
export const Loaded: Story = {
  name: 'Loaded (drag a box to place)',
  args: { src: fixtureUrl('unsigned.pdf') },
};
export const Placing: Story = {
  name: 'Placing (the box on page 1, arrow keys move it)',
  args: { src: fixtureUrl('unsigned.pdf'), place: true },
};
export const PinPrompt: Story = {
  name: 'PIN prompt',
  args: { src: fixtureUrl('unsigned.pdf'), place: true, signer: 'pin', signNow: true },
};
export const Signing: Story = {
  name: 'Signing (waiting for the key)',
  args: { src: fixtureUrl('unsigned.pdf'), place: true, signer: 'pending', signNow: true },
};
export const SignedInPlace: Story = {
  name: 'Signed where placed (plain frame)',
  args: { src: fixtureUrl('unsigned.pdf'), place: true, signNow: true },
};
export const FixedPlace: Story = {
  name: 'A place fixed by the page',
  args: { src: fixtureUrl('unsigned.pdf'), page: 1, rect: { x: 340, y: 120, width: 180, height: 70 } },
};
export const EmptyFields: Story = {
  name: 'Empty signature fields to pick from',
  args: { src: fixtureUrl('unsigned.pdf') },
};
export const Signed: Story = {
  name: 'Signed with the personal preset',
  args: { src: fixtureUrl('unsigned.pdf'), preset: true, signNow: true },
};
export const Invisible: Story = { args: { src: fixtureUrl('unsigned.pdf'), invisible: true } };
export const SigningError: Story = {
  name: 'Error (the signer refuses the PIN)',
  args: { src: fixtureUrl('unsigned.pdf'), invisible: true, signer: 'failing', signNow: true },
};
export const English: Story = { args: { src: fixtureUrl('unsigned.pdf'), lang: 'en', place: true } };
export const EnglishSigned: Story = {
  name: 'English, signed',
  args: { src: fixtureUrl('unsigned.pdf'), lang: 'en', place: true, signNow: true },
};
