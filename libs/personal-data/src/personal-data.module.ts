import { Global, Module } from '@nestjs/common';

import { Secrets } from '@jobcode/common';

import { PersonalDataAccessLog } from './personal-data-access.service';
import { PersonalDataCipher } from './personal-data-cipher';

/** The cipher and access log for personal data. Global: infrastructure every feature storing an ID number or phone must use; it depends on no feature. */
@Global()
@Module({
  providers: [
    {
      provide: PersonalDataCipher,
      inject: [Secrets],
      useFactory: (secrets: Secrets) => new PersonalDataCipher({ encryptionKey: secrets.piiEncryptionKey, hashKey: secrets.piiHashKey }),
    },
    PersonalDataAccessLog,
  ],
  exports: [PersonalDataCipher, PersonalDataAccessLog],
})
export class PersonalDataModule {}
