/**
 * The policy's ratios and scores as exact numbers, parsed once per policy object (not
 * on every secretary): a policy is validated before it is used, so they parse.
 */
import { r, type Rational } from '../exact/rational';
import type { BandKey, Policy } from '../model';

export interface PolicyNumbers {
  minTurnout: Rational;
  incompetentAboveDissatisfaction: Rational;
  basicBelowSatisfaction: Rational;
  recallAboveDissatisfaction: Rational | null;
  excellentMinBaseScore: Rational;
  minPresence: Rational | null;
  bandRatios: Partial<Record<BandKey, Rational>>;
}

const parsed = new WeakMap<Policy, PolicyNumbers>();

export function policyNumbers(policy: Policy): PolicyNumbers {
  let numbers = parsed.get(policy);
  if (!numbers) {
    numbers = {
      minTurnout: r(policy.minTurnout),
      incompetentAboveDissatisfaction: r(policy.incompetentAboveDissatisfaction),
      basicBelowSatisfaction: r(policy.basicBelowSatisfaction),
      recallAboveDissatisfaction: policy.recallAboveDissatisfaction === null ? null : r(policy.recallAboveDissatisfaction),
      excellentMinBaseScore: r(policy.excellentMinBaseScore),
      minPresence: policy.minPresence === null ? null : r(policy.minPresence),
      bandRatios: Object.fromEntries(policy.bands.map((b) => [b.key, r(b.ratio)])),
    };
    parsed.set(policy, numbers);
  }
  return numbers;
}
