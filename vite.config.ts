import { defaultClientConditions, defineConfig } from 'vite';

// Loopback only: the demo is for the person at this machine.
export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (their exports' "@entitlement-kit/source" condition), so the
  // demo needs no `npm run build` first.
  resolve: { conditions: ['@entitlement-kit/source', ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1' },
});
