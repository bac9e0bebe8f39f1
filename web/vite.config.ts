/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { VantResolver } from '@vant/auto-import-resolver';

// `npm run dev` serves the app on :5173 and proxies everything the gateway owns (the API, the
// login and logout, the session endpoints) to a running gateway, by default the one `./run.sh` starts.
const gateway = process.env.QUANZI_GATEWAY ?? 'http://localhost:8080';
const proxied = ['/api', '/oauth2', '/login', '/logout', '/session'];

export default defineConfig({
  plugins: [
    vue(),
    // Vant components and their CSS are imported per use, never the whole library.
    Components({ resolvers: [VantResolver()], dts: 'src/components.d.ts' }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: gateway, changeOrigin: false, xfwd: true }])),
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    // dist/.vite/manifest.json: which chunks each route needs, for scripts/first-load-size.mjs.
    manifest: true,
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    reporters: ['default'],
  },
});
