/** 交换: packages between laptops, merged by a person's choices; the team key. What the rest of the app may use of it. */
export { ExchangePage } from './ExchangePage';
export { ImportPackageButton } from './ImportPackage';
export { TeamKeyCard, useTeamKey } from './TeamKey';
