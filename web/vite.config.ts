// Build of the web app: `vite build web` (root = web/) writes dist/web, which `marsad serve` serves.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Fonts and images must be files: the CSP allows fonts and scripts only from 'self'.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 3000,
    target: 'es2022',
  },
});
