/** SHA-256 through Web Crypto (the page and workers): the same digest as shared/digest, much faster on photos. */
import type { Hasher } from '../../../shared/exchange';

export const webHasher: Hasher = async (bytes) => {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
};
