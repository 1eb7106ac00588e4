// The main entry. Hooks and components join it as they land; for now it re-exports the client so
// `import { ChatClient } from 'fastgpt-react'` works as well as the `fastgpt-react/client` subpath.
export * from './client';
