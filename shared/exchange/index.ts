/** Exchange packages and backups: one zip format, pure (see README “Exchange packages and backups”). */
export * from './types';
export { writePackage, manifestDigest, type PackageInput } from './write';
export { readPackage } from './read';
export { pathLabel, shortId } from './paths';
