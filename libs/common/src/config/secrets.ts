/** Keys the service signs and encrypts with: from settings, or generated into the data folder in development. */
export class Secrets {
  constructor(
    readonly jwtSecret: string,
    readonly piiEncryptionKey: string,
    readonly piiHashKey: string,
  ) {}
}
