import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/ and is built into dist/web, which the server serves.
// No inline script anywhere: the build emits module scripts and stylesheet files only, so the
// server can send a CSP without 'unsafe-inline' in script-src. The map's layout worker is an
// ES module worker (elkjs runs there, off the main thread).
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // Keep every asset a file (no data: URLs for small assets) to suit a strict CSP.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // elkjs (in the layout worker) is 1.5 MB by itself and loads off the main thread.
    chunkSizeWarningLimit: 1700,
  },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
});
