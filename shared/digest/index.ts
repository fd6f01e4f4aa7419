export { canonicalJson } from './canonical-json';
export { sha256Hex, sha256OfBytes } from './sha256';
