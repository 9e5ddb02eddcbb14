import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AccessGuard, AccountsModule } from '@jobcode/accounts';
import { ApplicationsModule } from '@jobcode/applications';
import { AuditModule } from '@jobcode/audit';
import { AppConfig, AppErrorFilter, Secrets } from '@jobcode/common';
import { ContractsModule } from '@jobcode/contracts';
import { CountySettingsModule } from '@jobcode/county-settings';
import { EmployersModule } from '@jobcode/employers';
import { GigBookingsModule } from '@jobcode/gig-bookings';
import { JobSourcesModule } from '@jobcode/job-sources';
import { JobsModule } from '@jobcode/jobs';
import { MatchingModule } from '@jobcode/matching';
import { SavedSearchesModule } from '@jobcode/saved-searches';
import { DocumentsModule } from '@jobcode/documents';
import { NotificationsModule } from '@jobcode/notifications';
import { OutboxModule } from '@jobcode/outbox';
import { FollowUpsModule } from '@jobcode/follow-ups';
import { PlacementsModule } from '@jobcode/placements';
import { PolicyRulesModule } from '@jobcode/policy-rules';
import { StatisticsModule } from '@jobcode/statistics';
import { TargetsModule } from '@jobcode/targets';
import { PersonalDataModule } from '@jobcode/personal-data';
import { PrivacyModule } from '@jobcode/privacy';
import { PhoneCodesModule } from '@jobcode/phone-codes';
import { IdempotencyModule } from '@jobcode/idempotency';
import { RateLimitModule } from '@jobcode/rate-limit';
import { RegionsModule } from '@jobcode/regions';
import { SearchModule } from '@jobcode/search';
import { ServiceCodesModule } from '@jobcode/service-codes';
import { SeekersModule } from '@jobcode/seekers';

import { DATABASE_TARGET, type DatabaseTarget } from './bootstrap/database';
import { RequestDeadlineGuard } from './bootstrap/request-deadline.guard';
import { dataSourceOptions } from './database/data-source-options';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';

export interface AppModuleOptions {
  config: AppConfig;
  secrets: Secrets;
  database: DatabaseTarget;
}

/** The composition root: settings, database, GraphQL and every feature library. */
@Module({})
export class AppModule {
  static forRoot({ config, secrets, database }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(database.url, database.poolSize, database.embedded ? undefined : config.DATABASE_STATEMENT_TIMEOUT_MS)),
        GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, ...graphqlOptions(config) }),
        AuditModule,
        RateLimitModule,
        IdempotencyModule,
        PersonalDataModule,
        RegionsModule,
        AccountsModule,
        OutboxModule,
        NotificationsModule,
        PhoneCodesModule,
        DocumentsModule,
        ServiceCodesModule,
        SearchModule,
        CountySettingsModule,
        EmployersModule,
        JobSourcesModule,
        JobsModule,
        SeekersModule,
        ApplicationsModule,
        ContractsModule,
        PrivacyModule,
        GigBookingsModule,
        PlacementsModule,
        StatisticsModule,
        TargetsModule,
        FollowUpsModule,
        PolicyRulesModule,
        MatchingModule,
        SavedSearchesModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Secrets, useValue: secrets },
        { provide: DATABASE_TARGET, useValue: database },
        { provide: APP_GUARD, useClass: RequestDeadlineGuard },
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_FILTER, useClass: AppErrorFilter },
      ],
      exports: [AppConfig, Secrets, DATABASE_TARGET],
    };
  }
}
