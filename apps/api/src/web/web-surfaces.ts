/** The three web surfaces served by the API process (apps/web/<folder>, built into WEB_DIR/<folder>). */
export interface WebSurface {
  prefix: '/m/' | '/e/' | '/s/';
  folder: 'seeker' | 'employer' | 'staff';
  title: string;
}

export const WEB_SURFACES: readonly WebSurface[] = [
  { prefix: '/m/', folder: 'seeker', title: '就业服务码 · 找工作' },
  { prefix: '/e/', folder: 'employer', title: '就业服务码 · 用人单位' },
  { prefix: '/s/', folder: 'staff', title: '就业服务码 · 工作人员' },
];
