import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { fixtureUrl, PendingBlob } from '../../.storybook/support.js';
import { defineVerifyBadge } from './define.js';

defineVerifyBadge();

interface Args {
  lang: 'vi' | 'en';
  src?: string;
  data?: Blob;
  trustProfile?: string;
  open: boolean;
  style?: string;
}

// The fixtures are signed by testkit's throwaway PKI; its root is the trust anchor.
const render = (args: Args) => html`
  <verify-badge
    lang=${args.lang}
    src=${args.src ?? nothing}
    .data=${args.data}
    trust-src=${fixtureUrl('root.pem')}
    trust-profile=${args.trustProfile ?? nothing}
    ?open=${args.open}
    style=${args.style ?? nothing}
  ></verify-badge>
`;

const meta: Meta<Args> = {
  title: 'Elements/verify-badge',
  component: 'verify-badge',
  render,
  args: { open: false },
  parameters: {
    docs: {
      description: {
        component:
          'Verifies a PDF in the browser and shows the verdict; the panel lists what Circular 15/2025 asks for.',
      },
    },
  },
};
// biome-ignore lint/style/noDefaultExport: Component Story Format needs the default export
export default meta;

type Story = StoryObj<Args>;

export const Loading: Story = { args: { data: new PendingBlob() } };
export const Unsigned: Story = { args: { src: fixtureUrl('unsigned.pdf') } };
export const Valid: Story = { args: { src: fixtureUrl('valid.pdf'), open: true } };
export const Invalid: Story = {
  name: 'Invalid (one byte changed)',
  args: { src: fixtureUrl('tampered.pdf'), open: true },
};
export const Indeterminate: Story = {
  name: 'Indeterminate (no revocation data)',
  args: { src: fixtureUrl('indeterminate.pdf'), open: true },
};
export const FiveSignatureChain: Story = {
  name: 'Five-signature approval chain',
  args: { src: fixtureUrl('chain.pdf'), open: true },
};
export const NotAPdf: Story = {
  name: 'Error: not a PDF',
  args: { src: fixtureUrl('not-a-pdf.pdf'), open: true },
};
export const MissingFile: Story = {
  name: 'Error: file not found',
  args: { src: fixtureUrl('missing.pdf'), open: true },
};
export const UnknownTrustProfile: Story = {
  name: 'Error: unknown trust profile',
  args: { src: fixtureUrl('valid.pdf'), trustProfile: 'nowhere', open: true },
};
export const English: Story = { args: { lang: 'en', src: fixtureUrl('three.pdf'), open: true } };
export const Themed: Story = {
  args: {
    src: fixtureUrl('valid.pdf'),
    style:
      '--kyso-font-family: Georgia, serif; --kyso-color-valid: #0b4f8a; --kyso-background-valid: #e3f0fb; --kyso-radius: 2px',
  },
};
