// Build of the web app: `vite build web` (root = web/) writes dist/web, which `marsad serve` serves.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.js';

const outDir = resolve(import.meta.dirname, '../dist/web');

export default defineConfig({
  base: './',
  plugins: [precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    // Fonts and images must be files: the CSP allows fonts and scripts only from 'self'.
    assetsInlineLimit: 0,
    // A page may send at most 400 kB of JavaScript compressed; the largest chunk (Cytoscape) is
    // about 430 kB before compression.
    chunkSizeWarningLimit: 600,
    target: 'es2022',
  },
});
