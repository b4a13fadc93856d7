import type { VerificationReport } from '@kyso/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { fixtureUrl, WORKER_SRC } from '../../.storybook/support.js';
import { defineVerifyBadge } from '../verify-badge/define.js';
import { definePdfViewer } from './define.js';
import type { KysoPdfViewer } from './pdf-viewer.js';

definePdfViewer();
defineVerifyBadge();

interface Args {
  lang: 'vi' | 'en';
  src: string;
  zoom: number;
  withBadge: boolean;
}

/** The badge's report colours the viewer's field outlines. */
function showReport(event: CustomEvent<VerificationReport>): void {
  const viewer = (event.target as Element).parentElement?.querySelector<KysoPdfViewer>('kyso-pdf-viewer');
  if (viewer) viewer.report = event.detail;
}

const meta: Meta<Args> = {
  title: 'Elements/kyso-pdf-viewer',
  component: 'kyso-pdf-viewer',
  args: { zoom: 0.75, withBadge: false },
  argTypes: { zoom: { control: { type: 'range', min: 0.25, max: 4, step: 0.25 } } },
  render: (args) => html`
    <div lang=${args.lang} style="display: grid; gap: 0.75rem; max-width: 56rem">
      ${
        args.withBadge
          ? html`<verify-badge src=${args.src} trust-src=${fixtureUrl('root.pem')}
              @kyso-verified=${showReport}></verify-badge>`
          : nothing
      }
      <kyso-pdf-viewer src=${args.src} worker-src=${WORKER_SRC} zoom=${args.zoom}
        style="--kyso-viewer-height: 36rem"></kyso-pdf-viewer>
    </div>
  `,
};
// biome-ignore lint/style/noDefaultExport: Component Story Format needs the default export
export default meta;

type Story = StoryObj<Args>;

export const EmptyFields: Story = {
  name: 'Empty signature fields',
  args: { src: fixtureUrl('unsigned.pdf') },
};
export const SignedChain: Story = {
  name: 'Five signatures, outlines by verdict',
  args: { src: fixtureUrl('chain.pdf'), withBadge: true },
};
export const Tampered: Story = { args: { src: fixtureUrl('tampered.pdf'), withBadge: true } };
export const RotatedAndCropped: Story = { args: { src: fixtureUrl('rotated.pdf'), zoom: 0.75 } };
export const English: Story = { args: { lang: 'en', src: fixtureUrl('valid.pdf'), withBadge: true } };
export const NotAPdf: Story = { name: 'Error: not a PDF', args: { src: fixtureUrl('not-a-pdf.pdf') } };
