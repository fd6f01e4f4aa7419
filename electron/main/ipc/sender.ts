/**
 * Every IPC call must come from the app's own page: the main frame (not an
 * iframe) of a document served from `app://shuangping` (or the dev server).
 */
import { type OriginPolicy, isAppOrigin } from '../origin';

/** The parts of `WebFrameMain` the check reads (so tests can pass plain objects). */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

export function isTrustedSender(frame: FrameLike | null | undefined, policy: OriginPolicy): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isAppOrigin(frame.url, policy);
}
