import { defineConfig } from 'vite';

// Loopback only: the demo is for the person at this machine.
export default defineConfig({
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1' },
});
