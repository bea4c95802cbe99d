import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src/web/app', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/** The signed-in app: served by the Usta server at /app, assets at /app/assets (see src/web/server/routes.tsx). */
export default defineConfig({
  root,
  base: '/app/',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    // `npm run dev` serves the API; the Vite dev server forwards everything but the app to it.
    proxy: {
      '/api': 'http://localhost:3000',
      '/static': 'http://localhost:3000',
      '/sign-in': 'http://localhost:3000',
    },
  },
});
