// Bundles the main process (ESM) and the sandboxed preload (CommonJS, which sandboxed preloads require).
import { build } from 'esbuild';

const shared = { bundle: true, platform: 'node', target: 'node22', sourcemap: false, logLevel: 'warning', legalComments: 'none' };

await build({
  ...shared,
  entryPoints: ['electron/main.ts'],
  outfile: 'dist-electron/main.mjs',
  format: 'esm',
  // Native modules stay in node_modules (unpacked from asar); everything else is bundled.
  external: ['electron', 'better-sqlite3', '@node-rs/argon2'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

await build({
  ...shared,
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist-electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});
