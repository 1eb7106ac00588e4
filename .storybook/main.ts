import type { StorybookConfig } from '@storybook/react-vite';

/** Storybook for the kit: every story runs against the fake FastGPT (stories/fake-story.tsx). */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
};

export default config;
