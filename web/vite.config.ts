/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { VantResolver } from '@vant/auto-import-resolver';
import { VitePWA } from 'vite-plugin-pwa';
import { selfHostedAssets } from './build/selfHostedAssets';

// `npm run dev` serves the app on :5173 and proxies everything the gateway owns (the API, the
// login and logout, the session endpoints) to a running gateway, by default the one `./run.sh` starts.
const gateway = process.env.QUANZI_GATEWAY ?? 'http://localhost:8080';
const proxied = ['/api', '/oauth2', '/login', '/logout', '/session'];

export default defineConfig({
  plugins: [
    selfHostedAssets(),
    vue(),
    // Vant components and their CSS are imported per use, never the whole library.
    Components({ resolvers: [VantResolver()], dts: 'src/components.d.ts' }),
    // Installable, and the shell plus staff mode work offline after the first visit. The service
    // worker is registered by staff mode only (features/staff/pwa.ts): members never install it.
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: 'Quanzi',
        short_name: 'Quanzi',
        description: 'Quanzi — brand clubs, points, coupons and in-store events; staff mode scans at the counter',
        start_url: '/staff',
        scope: '/',
        display: 'standalone',
        background_color: '#f5f6f8',
        theme_color: '#d6102a',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,wasm,woff2}'],
        // The QR decoder's WebAssembly (~1.1 MB) must be there offline too.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/session/, /^\/oauth2\//, /^\/login/, /^\/logout/],
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Who is signed in, the stores and the events, so staff mode opens without a network;
            // always asked from the network first (4 s), the last answer only when it is down.
            urlPattern: ({ url, request }) =>
              request.method === 'GET' &&
              (url.pathname === '/session' || url.pathname.startsWith('/api/brands') || url.pathname === '/api/events'),
            handler: 'NetworkFirst',
            options: { cacheName: 'quanzi-staff-offline', networkTimeoutSeconds: 4, expiration: { maxEntries: 50, maxAgeSeconds: 24 * 3600 } },
          },
        ],
      },
    }),
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
    include: ['src/**/*.test.ts', 'build/**/*.test.ts'],
    reporters: ['default'],
  },
});
