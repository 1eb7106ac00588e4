import { vi } from 'vitest';

// The node project proves DESIGN.md's layering: client, core, server and testing never reach React.
// Any import of these modules in a test of those layers fails the test with this message.
for (const name of ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', '@tanstack/react-query']) {
  vi.doMock(name, () => {
    throw new Error(`${name} was imported from a layer that must not use React (see DESIGN.md).`);
  });
}
