/** Exchange packages and backups: one zip format, pure (docs/exchange.md). */
export * from './types';
export { writePackage, manifestDigest, type PackageInput, type WriteOptions } from './write';
export { readPackage, type ReadOptions } from './read';
export { openTeamKey, generateKeyText, normalizeKeyText, keyIdLabel, type TeamKey } from './team-key';
export { isEnvelope, readEnvelopeHeader } from './envelope';
export { pathLabel, shortId } from './paths';
