import { defineConfig } from 'vite';

/** The bundles, by `--mode`: the forms script (and tracker) by default, the chat widget with `--mode chat`. */
const BUNDLES = {
  forms: { entry: 'src/embed/embed.ts', name: 'PiltuvasEmbed', file: 'embed.js' },
  chat: { entry: 'src/embed/chat.ts', name: 'PiltuvasChatEmbed', file: 'chat.js' },
} as const;

// The scripts site owners paste into their own pages (src/embed/README.md): small IIFEs, no dependencies,
// built beside dist/web (never emptying it). The server serves each after a form's or chat widget's configuration line.
// One bundle per build: Vite's library mode cannot put several entries into IIFEs at once.
export default defineConfig(({ mode }) => {
  const bundle = mode === 'chat' ? BUNDLES.chat : BUNDLES.forms;
  return {
    publicDir: false,
    build: {
      outDir: 'dist/embed',
      emptyOutDir: false,
      target: 'es2019',
      minify: true,
      sourcemap: false,
      lib: {
        entry: bundle.entry,
        formats: ['iife'],
        name: bundle.name,
        fileName: () => bundle.file,
      },
    },
  };
});
