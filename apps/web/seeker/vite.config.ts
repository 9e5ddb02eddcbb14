import { VantResolver } from '@vant/auto-import-resolver';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

import { surfaceConfig } from '../shared/vite-surface.ts';

/**
 * The seeker's pages are an installable PWA under /m/: the service worker precaches the app
 * (every route's code), so after one visit it opens without a network; the pages' data seen
 * before is kept by src/offline.ts and shown with its age.
 */
export default defineConfig(
  surfaceConfig({
    folder: 'seeker',
    base: '/m/',
    resolvers: [VantResolver()],
    plugins: [
      VitePWA({
        registerType: 'autoUpdate',
        injectRegister: false,
        base: '/m/',
        scope: '/m/',
        includeAssets: ['icon.svg'],
        manifest: {
          name: '就业服务码 · 找工作',
          short_name: '找工作',
          description: '扫码查岗、在线报名、签劳动合同',
          lang: 'zh-CN',
          start_url: '/m/',
          scope: '/m/',
          display: 'standalone',
          background_color: '#f5f6f8',
          theme_color: '#1677ff',
          icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
        },
        workbox: {
          globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
          navigateFallback: '/m/index.html',
          navigateFallbackAllowlist: [/^\/m\//],
          cleanupOutdatedCaches: true,
        },
      }),
    ],
  }),
);
