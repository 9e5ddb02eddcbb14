import { type INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { RegionLevel } from '@jobcode/common';
import { inTransaction } from '@jobcode/database';
import { RegionsService } from '@jobcode/regions';

import { validateDraft } from '../job-seeker-draft';
import { RegistrationChannel } from '../job-seeker.enums';
import { JobSeekerRepository, type SealedJobSeeker } from '../job-seeker.repository';
import { SeekersService } from '../seekers.service';
import { demoPerson, type RandomSource } from './demo-people';

export const DEMO_SEEKERS = 3000;

/**
 * Demo step: 3,000 job seekers spread over the demo county's villages (资源县 450329) with
 * believable support-group and labour-capacity mixes. Seeded, so a second run finds every
 * ID number registered and creates nothing.
 */
export const seekersDemoStep = {
  name: 'job seekers',
  async run(app: INestApplicationContext, random: RandomSource): Promise<string> {
    const regions = app.get(RegionsService);
    const repository = app.get(JobSeekerRepository);
    const dataSource = app.get(DataSource);
    const villages = (await regions.descendants('450329', RegionLevel.VILLAGE)).map((r) => r.code);
    const context = await app.get(SeekersService).draftContext();
    const today = new Date(Date.UTC(2026, 10, 1));
    const rows: SealedJobSeeker[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < DEMO_SEEKERS; i++) {
      const { value } = validateDraft(demoPerson(random, villages, today), { ...context, today });
      if (!value || seen.has(value.id.idNumber)) continue;
      seen.add(value.id.idNumber);
      rows.push(repository.seal(value, { accountId: null, registeredBy: null, channel: RegistrationChannel.IMPORT }));
    }
    let created = 0;
    for (let start = 0; start < rows.length; start += 1000) {
      created += (await inTransaction(dataSource, (manager) => repository.insertMany(manager, rows.slice(start, start + 1000)))).size;
    }
    return `${created} created, ${rows.length - created} already there, over ${villages.length} villages`;
  },
};
