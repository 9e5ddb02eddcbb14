import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig } from 'vite';

import { surfaceConfig } from '../shared/vite-surface.ts';

export default defineConfig(surfaceConfig({ folder: 'staff', base: '/s/', resolvers: [ElementPlusResolver()] }));
