import { Global, Module } from '@nestjs/common';

import { Secrets } from '@jobcode/common';

import { PersonalDataCipher } from './personal-data-cipher';

@Global()
@Module({
  providers: [
    {
      provide: PersonalDataCipher,
      inject: [Secrets],
      useFactory: (secrets: Secrets) => new PersonalDataCipher({ encryptionKey: secrets.piiEncryptionKey, hashKey: secrets.piiHashKey }),
    },
  ],
  exports: [PersonalDataCipher],
})
export class PersonalDataModule {}
