/**
 * What follows the grades, from a policy (docs/method.md §11–§12). A policy kept before
 * these settings existed has none: it takes its preset's, so older assessments, packages
 * and backups read as they did and gain the consequences their preset gives.
 */
import type { Policy, PolicyAftermath } from '../model/policy';
import { isPresetName, PRESETS } from './presets';

export function aftermathOf(policy: Policy): PolicyAftermath {
  const preset = PRESETS[isPresetName(policy.preset) ? policy.preset : 'jiaozhou'];
  return {
    consequences: policy.consequences ?? preset.consequences,
    unitRecalls: policy.unitRecalls === undefined ? preset.unitRecalls : policy.unitRecalls,
    term: policy.term ?? preset.term,
  };
}
