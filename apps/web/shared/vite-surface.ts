import { fileURLToPath, URL } from 'node:url';

import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import type { PluginOption, UserConfig } from 'vite';

export interface SurfaceOptions {
  /** Folder under apps/web (seeker, employer, staff). */
  folder: string;
  /** Public path: /m/, /e/ or /s/. */
  base: string;
  /** Resolves the UI library's components used in templates (imported on demand, with their CSS). */
  resolvers: NonNullable<Parameters<typeof Components>[0]>['resolvers'];
  plugins?: PluginOption[];
}

const API_ROUTES = ['/graphql', '/c/', '/contracts', '/seekers', '/statistics', '/jobs', '/downloads', '/health', '/service-codes', '/me'];

/** The one Vite configuration of a surface: built into dist/web/<folder>, served by the API under its base. */
export function surfaceConfig(options: SurfaceOptions): UserConfig {
  const root = fileURLToPath(new URL(`../${options.folder}`, import.meta.url));
  const apiUrl = process.env.JOBCODE_API_URL ?? 'http://localhost:3000';
  return {
    root,
    base: options.base,
    resolve: { alias: { '@shared': fileURLToPath(new URL('.', import.meta.url)) } },
    plugins: [
      vue(),
      Components({ resolvers: options.resolvers, dts: fileURLToPath(new URL(`../${options.folder}/src/components.d.ts`, import.meta.url)) }),
      ...(options.plugins ?? []),
    ],
    build: {
      outDir: fileURLToPath(new URL(`../../../dist/web/${options.folder}`, import.meta.url)),
      emptyOutDir: true,
      target: ['chrome87', 'safari14'],
      reportCompressedSize: false,
      chunkSizeWarningLimit: 1500,
    },
    server: {
      proxy: Object.fromEntries(API_ROUTES.map((route) => [route, { target: apiUrl, changeOrigin: false }])),
    },
  };
}
