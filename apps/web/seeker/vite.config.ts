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
      {
        // Vant's icon font names a CDN copy (at.alicdn.com) after its inlined woff2: the CSP
        // (font-src 'self' data:) blocks it and the console reports a violation, and a county
        // network may not reach it anyway. The inlined woff2 is the whole font: drop the rest.
        name: 'vant-icon-font-inline-only',
        enforce: 'pre',
        transform(code: string, id: string) {
          if (!/vant[\\/](es|lib)[\\/]icon[\\/]index\.css/.test(id)) return null;
          return { code: code.replace(/,\s*url\((["']?)\/\/at\.alicdn\.com[^)]*\)\s*format\((["']?)\w+\2\)/g, ''), map: null };
        },
      },
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
