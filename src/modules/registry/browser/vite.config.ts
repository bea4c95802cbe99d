import { fileURLToPath } from 'node:url';
import { Ajv2019 } from 'ajv/dist/2019.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import addFormatsPlugin from 'ajv-formats';
import { defineConfig, type Plugin } from 'vite';
import schema from '../../credentials/ob3-schema/achievementcredential.json' with { type: 'json' };

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** Served at /verify/assets/ (see ../browser-bundle-route.ts). */
export const VERIFY_BUNDLE_OUT_DIR = here('../../../../dist/verify');

const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (ajv: Ajv2019) => Ajv2019;
// Both are CommonJS with a default export; under NodeNext that default arrives one level down.
type StandaloneCode = typeof standaloneModule.default;
const standalone: StandaloneCode = (standaloneModule as unknown as { default?: StandaloneCode }).default ?? (standaloneModule as unknown as StandaloneCode);

/** The OB 3.0 schema validators compiled now, as code, because the page may not compile code at run time. */
function ob3Validators(): Plugin {
  const id = 'virtual:ob3-validators';
  return {
    name: 'usta-ob3-validators',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved): string | null {
      if (resolved !== `\0${id}`) return null;
      const ajv = new Ajv2019({ allErrors: true, strict: false, code: { source: true, esm: true } });
      addFormats(ajv);
      ajv.addSchema(schema);
      return standalone(ajv, { credential: schema.$id, status: `${schema.$id}#/$defs/CredentialStatus` });
    },
  };
}

/**
 * The in-browser verifier: verify.js (small; enhances the form) and the chunk it loads when a file
 * is chosen (the shared verification code, pdf-lib, PDF.js). Node's modules are swapped for small
 * browser equivalents; nothing here reaches the network but this deployment.
 */
export default defineConfig({
  root: here('.'),
  publicDir: false,
  logLevel: 'warn',
  plugins: [ob3Validators()],
  resolve: {
    alias: [
      { find: /^node:zlib$/, replacement: here('shims/zlib.ts') },
      { find: /^node:crypto$/, replacement: here('shims/crypto.ts') },
      { find: /^ajv\/dist\/2019\.js$/, replacement: here('shims/ajv.ts') },
      { find: /^ajv-formats$/, replacement: here('shims/ajv-formats.ts') },
    ],
  },
  build: {
    outDir: VERIFY_BUNDLE_OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    copyPublicDir: false,
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: here('verify-page.ts'),
      output: { format: 'es', entryFileNames: 'verify.js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
