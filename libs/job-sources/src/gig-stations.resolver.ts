import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { type Actor, Allow, CurrentActor, PUBLIC, Role } from '@jobcode/common';

import { CreateGigStationInput, GigStationsArgs } from './dto/job-sources.inputs';
import { GigStationsService } from './gig-stations.service';
import { GigStationConnection } from './job-sources.connections';
import { JobSourcesMapper } from './job-sources.mapper';
import { GigStationObject } from './job-sources.objects';

@Resolver(() => GigStationObject)
export class GigStationsResolver {
  constructor(
    private readonly stations: GigStationsService,
    private readonly mapper: JobSourcesMapper,
  ) {}

  @Allow(Role.STAFF, Role.ADMIN)
  @Mutation(() => GigStationObject, { description: '在本辖区设立零工市场（县）、零工中心（乡镇）或零工驿站（村）' })
  async createGigStation(@CurrentActor() actor: Actor, @Args('input') input: CreateGigStationInput): Promise<GigStationObject> {
    return this.mapper.station(await this.stations.createStation(actor, input));
  }

  @Allow(PUBLIC)
  @Query(() => GigStationObject)
  async gigStation(@Args('id', { type: () => ID }) id: string): Promise<GigStationObject> {
    return this.mapper.station(await this.stations.requireStation(id));
  }

  @Allow(PUBLIC)
  @Query(() => GigStationConnection, { description: '零工站点，按区划排列' })
  async gigStations(@Args() args: GigStationsArgs): Promise<GigStationConnection> {
    const page = await this.stations.stations(args);
    return { ...page, edges: await Promise.all(page.edges.map(async (e) => ({ cursor: e.cursor, node: await this.mapper.station(e.node) }))) };
  }
}
