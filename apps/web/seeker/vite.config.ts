import { VantResolver } from '@vant/auto-import-resolver';
import { defineConfig } from 'vite';

import { surfaceConfig } from '../shared/vite-surface.ts';

export default defineConfig(surfaceConfig({ folder: 'seeker', base: '/m/', resolvers: [VantResolver()] }));
