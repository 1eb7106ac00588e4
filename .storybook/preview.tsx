import type { Preview } from '@storybook/react-vite';

// Every sheet of the kit, as dist/styles.css bundles them.
import.meta.glob('../src/styles/*.css', { eager: true });

const preview: Preview = {
  parameters: {
    layout: 'fullscreen',
    // Any axe violation fails the story, in the Storybook UI and in the `stories` test project.
    a11y: { test: 'error' },
  },
};

export default preview;
