import { Injectable } from '@nestjs/common';

import type { GeoPoint, RequestContext } from '@jobcode/common';
import { type Employer, EmployerLoader } from '@jobcode/employers';
import type { ScanContext } from '@jobcode/service-codes';

const ENTRIES = 2_000;

interface Built {
  view: object;
  employers: Employer[];
  cacheable?: boolean;
}

interface Entry {
  version: string;
  /** Shared by every scan that read this version while the view was being built. */
  built: Promise<Built>;
}

/**
 * Scan views of stations, workshops and fairs, kept while what they show is unchanged
 * (ScanContext.targetVersion, read with the token). A crowd scanning one board costs one
 * statement per scan; the first scans after any change share one rebuild (a scan that read
 * version v may use a view built for v: nothing it shows changed before that read). The
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
    const version = context.targetVersion;
    if (!version) {
      const built = await build();
      this.prime(context.request, built.employers);
      return built.view;
    }
    const key = this.key(kind, targetId, context.near);
    let entry = this.entries.get(key);
    if (entry?.version !== version) {
      const fresh: Entry = { version, built: build() };
      entry = fresh;
      this.entries.delete(key);
      if (this.entries.size >= ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, fresh);
      const forget = () => {
        if (this.entries.get(key) === fresh) this.entries.delete(key);
      };
      // A failed build, or a view that must not be kept, is not shared with later scans.
      fresh.built.then((b) => b.cacheable === false && forget(), forget);
    }
    const built = await entry.built;
    this.prime(context.request, built.employers);
    return built.view as V;
  }
  private prime(request: RequestContext | undefined, employers: Employer[]): void {
    if (!request) return;
    const loader = request.loaders.get(this.employerLoader);
    for (const employer of employers) loader.prime(employer.id, employer);
  }
}
