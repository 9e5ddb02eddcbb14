import { Injectable } from '@nestjs/common';

import type { RequestContext } from '@jobcode/common';
import { type Employer, EmployerLoader } from '@jobcode/employers';

import type { GeoPoint, ScanContext } from '../service-code-target';

const ENTRIES = 2_000;

interface Entry {
  version: string;
  view: object;
  employers: Employer[];
}

/**
 * Scan views of stations, workshops and fairs, kept while the jobs behind them are
 * unchanged (ScanContext.targetVersion, read with the token). A crowd scanning one board
 * costs one statement per scan; the first scan after any change rebuilds the view. The
 * employers shown are kept too and primed into the request's DataLoader.
 */
@Injectable()
export class ScanViewCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly employerLoader: EmployerLoader) {}

  private key(kind: string, targetId: string, origin: GeoPoint | undefined): string {
    // Scanning points rounded to ~100 m share a view.
    return `${kind}:${targetId}:${origin ? `${origin.lat.toFixed(3)},${origin.lng.toFixed(3)}` : '-'}`;
  }

  async get<V extends object>(
    kind: string,
    targetId: string,
    context: ScanContext,
    build: () => Promise<{ view: V; employers: Employer[]; cacheable?: boolean }>,
  ): Promise<V> {
    const key = this.key(kind, targetId, context.near);
    const cached = context.targetVersion ? this.entries.get(key) : undefined;
    if (cached && cached.version === context.targetVersion) {
      this.prime(context.request, cached.employers);
      return cached.view as V;
    }
    const built = await build();
    if (context.targetVersion && built.cacheable !== false) {
      if (this.entries.size >= ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { version: context.targetVersion, view: built.view, employers: built.employers });
    }
    this.prime(context.request, built.employers);
    return built.view;
  }

  private prime(request: RequestContext | undefined, employers: Employer[]): void {
    if (!request) return;
    const loader = request.loaders.get(this.employerLoader);
    for (const employer of employers) loader.prime(employer.id, employer);
  }
}
