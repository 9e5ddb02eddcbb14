export * from './contract-signer';
export * from './contract-signer.provider';
export * from './contract-signing.settings';
export * from './digest-and-chain.signer';
export * from './pades.signer';
