import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is loaded from disk by Electron under a strict CSP (see renderer/index.html):
// relative asset paths, no inline scripts (so no modulepreload polyfill) and no source maps in the package.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome130',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    strictPort: true,
  },
});
