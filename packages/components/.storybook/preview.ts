import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'] },
  },
  args: { lang: 'vi' },
};

export default preview;
