import { Injectable } from '@nestjs/common';

import { RegionsService } from '@jobcode/regions';

import { FairBooth } from './fair-booth.entity';
import { GigStation } from './gig-station.entity';
import { JobCaravan } from './job-caravan.entity';
import { JobFair } from './job-fair.entity';
import { FairBoothObject, GigStationObject, JobCaravanObject, JobFairObject, WorkshopObject } from './job-sources.objects';
import { Workshop } from './workshop.entity';

/** Storage rows to GraphQL objects (regions come from the in-memory division tree: no query). */
@Injectable()
export class JobSourcesMapper {
  constructor(private readonly regions: RegionsService) {}

  async station(s: GigStation): Promise<GigStationObject> {
    return {
      id: s.id,
      name: s.name,
      level: s.level,
      region: await this.regions.requireObject(s.regionCode),
      address: s.address,
      latitude: s.latitude,
      longitude: s.longitude,
      openingHours: s.openingHours,
    };
  }

  async workshop(w: Workshop): Promise<WorkshopObject> {
    return {
      id: w.id,
      name: w.name,
      employerId: w.employerId,
      region: await this.regions.requireObject(w.regionCode),
      address: w.address,
      latitude: w.latitude,
      longitude: w.longitude,
      headcount: w.headcount,
      status: w.status,
      certifiedOn: w.certifiedOn,
      revocationReason: w.revocationReason,
      revokedOn: w.revokedOn,
    };
  }

  async fair(f: JobFair): Promise<JobFairObject> {
    return {
      id: f.id,
      name: f.name,
      kind: f.kind,
      caravanId: f.caravanId,
      startsAt: f.startsAt,
      endsAt: f.endsAt,
      venue: f.venue,
      region: await this.regions.requireObject(f.regionCode),
      latitude: f.latitude,
      longitude: f.longitude,
      organiser: f.organiser,
    };
  }

  async caravan(c: JobCaravan): Promise<JobCaravanObject> {
    return { id: c.id, name: c.name, county: await this.regions.requireObject(c.countyCode), organiser: c.organiser };
  }

  booth(b: FairBooth): FairBoothObject {
    return { id: b.id, fairId: b.fairId, employerId: b.employerId, boothNumber: b.boothNumber, declaredPosts: b.declaredPosts };
  }
}
