import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { type Actor, Role } from '@jobcode/common';

/** What a demo step gets from `npm run demo` (apps/api/src/commands/demo.ts), described structurally. */
export interface DemoRandomSource {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export interface LibraryDemoStep {
  name: string;
  run(app: INestApplicationContext, random: DemoRandomSource): Promise<string>;
}

/** The first admin, acting for the bureau while demo data is loaded. */
export async function demoAdmin(app: INestApplicationContext): Promise<Actor> {
  const rows: { id: string }[] = await app.get(DataSource).query(`SELECT id FROM account WHERE role = 'ADMIN' ORDER BY created_at LIMIT 1`);
  if (!rows[0]) throw new Error('No ADMIN account: start the service once so it creates the first admin');
  return { accountId: rows[0].id, role: Role.ADMIN, regionCode: null, sessionId: 'demo' };
}

/** Township centres of the demo county (GCJ-02), for believable coordinates. */
export const TOWNSHIP_CENTRES: Record<string, [number, number]> = {
  '450329100': [26.0423, 110.6522],
  '450329101': [26.1371, 110.6236],
  '450329102': [26.0929, 110.7375],
  '450329103': [25.9556, 110.6048],
  '450329200': [26.1788, 110.4655],
  '450329201': [25.9202, 110.4733],
  '450329202': [25.8937, 110.7128],
};

/** A point a few kilometres around the centre of the township that holds `regionCode`. */
export function demoPoint(regionCode: string, random: DemoRandomSource): { latitude: number; longitude: number } {
  const [lat, lng] = TOWNSHIP_CENTRES[regionCode.slice(0, 9)] ?? [26.0423, 110.6522];
  const spread = regionCode.length === 12 ? 0.04 : 0.01;
  return {
    latitude: Math.round((lat + (random.next() - 0.5) * spread) * 1e6) / 1e6,
    longitude: Math.round((lng + (random.next() - 0.5) * spread) * 1e6) / 1e6,
  };
}
