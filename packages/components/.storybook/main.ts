import type { StorybookConfig } from '@storybook/web-components-vite';

// The fixture PDFs are made by scripts/fixtures.mjs into ../.fixtures (gitignored) before Storybook
// starts or builds: see the storybook and build-storybook scripts.
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../src/**/*.stories.ts'],
  staticDirs: [{ from: '../.fixtures', to: '/fixtures' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
