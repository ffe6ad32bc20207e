/** Every checker rule, in the order their diagnostics are easiest to read. */
import type { CheckRule, FileLocalRule } from './context.js';
import { ApplicableItemRule } from './rules/ApplicableItemRule.js';
import { DuplicateClauseRule } from './rules/DuplicateClauseRule.js';
import { EffectivePeriodRule } from './rules/EffectivePeriodRule.js';
import { ExampleCoverageRule } from './rules/ExampleCoverageRule.js';
import { KnownCountingWindowRule } from './rules/KnownCountingWindowRule.js';
import { KnownReferencesRule } from './rules/KnownReferencesRule.js';
import { KnownStatusRule } from './rules/KnownStatusRule.js';
import { KnownZonesRule } from './rules/KnownZonesRule.js';
import { LadderGapRule } from './rules/LadderGapRule.js';
import { LadderLighterAboveRule } from './rules/LadderLighterAboveRule.js';
import { LadderMonotoneRule } from './rules/LadderMonotoneRule.js';
import { LadderOverlapRule } from './rules/LadderOverlapRule.js';
import { LegalBasisRule } from './rules/LegalBasisRule.js';
import { NumberingRule } from './rules/NumberingRule.js';
import { OnePerPolicyRule } from './rules/OnePerPolicyRule.js';
import { RequiredClausesRule } from './rules/RequiredClausesRule.js';
import { SatisfiableConditionRule } from './rules/SatisfiableConditionRule.js';
import { ConditionSizeRule } from './rules/ConditionSizeRule.js';
import { TrialLengthRule } from './rules/TrialLengthRule.js';
import { SicRule } from './rules/SicRule.js';
import { UniqueIdsRule } from './rules/UniqueIdsRule.js';
import { UnknownKeywordRule } from './rules/UnknownKeywordRule.js';
import { ValidDatesRule } from './rules/ValidDatesRule.js';
import { VolumeRule } from './rules/VolumeRule.js';

export const specifiedRules: readonly CheckRule[] = [
  UnknownKeywordRule,
  DuplicateClauseRule,
  UniqueIdsRule,
  OnePerPolicyRule,
  KnownReferencesRule,
  KnownZonesRule,
  KnownStatusRule,
  KnownCountingWindowRule,
  LegalBasisRule,
  RequiredClausesRule,
  ValidDatesRule,
  VolumeRule,
  ConditionSizeRule,
  SatisfiableConditionRule,
  LadderOverlapRule,
  LadderGapRule,
  LadderMonotoneRule,
  LadderLighterAboveRule,
  NumberingRule,
  EffectivePeriodRule,
  TrialLengthRule,
  ExampleCoverageRule,
  SicRule,
  ApplicableItemRule,
];

/** The specified rules that are file-local (typed so: they can read nothing but their nodes). */
const FILE_LOCAL: ReadonlySet<FileLocalRule> = new Set([
  UnknownKeywordRule,
  DuplicateClauseRule,
  KnownCountingWindowRule,
  KnownStatusRule,
  LegalBasisRule,
  RequiredClausesRule,
  ValidDatesRule,
  VolumeRule,
  ConditionSizeRule,
  SatisfiableConditionRule,
  LadderOverlapRule,
  LadderGapRule,
  LadderMonotoneRule,
  LadderLighterAboveRule,
  NumberingRule,
  TrialLengthRule,
  SicRule,
  ApplicableItemRule,
]);

/** The specified rules whose diagnostics for a file depend on that file alone, in order. */
export const fileLocalRules: readonly CheckRule[] = specifiedRules.filter((rule) => (FILE_LOCAL as ReadonlySet<CheckRule>).has(rule));

/** The specified rules that look beyond a file (symbols, other files' declarations), in order. */
export const crossFileRules: readonly CheckRule[] = specifiedRules.filter((rule) => !(FILE_LOCAL as ReadonlySet<CheckRule>).has(rule));
