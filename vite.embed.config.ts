import { defineConfig } from 'vite';

// The script site owners paste into their own pages (src/embed/README.md): one small IIFE, no dependencies,
// built beside dist/web (never emptying it). The server serves it after each form's configuration line.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/embed',
    emptyOutDir: false,
    target: 'es2019',
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'src/embed/embed.ts',
      formats: ['iife'],
      name: 'PiltuvasEmbed',
      fileName: () => 'embed.js',
    },
  },
});
