'use client';
// The main entry: provider, hooks and the message model, plus the client for convenience. Server code
// should import `fastgpt-react/client`, which carries no 'use client' directive.
export * from './client';
export * from './components/analytics-panel';
export * from './components/chat-window';
export * from './core';
export * from './hooks';
