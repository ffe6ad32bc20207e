/** Every governance rule, in the order they report (like compiler/specified-rules.ts for the checker). */
import type { GovernanceRule } from '../context.js';
import { BaselineApprovalRule } from './BaselineApprovalRule.js';
import { CommentCommitRule } from './CommentCommitRule.js';
import { CommitDatesRule } from './CommitDatesRule.js';
import { CommentsDisposedRule } from './CommentsDisposedRule.js';
import { ConcernCommitRule } from './ConcernCommitRule.js';
import { ConcernsRule } from './ConcernsRule.js';
import { EnactedRosterRule } from './EnactedRosterRule.js';
import { ExternalEntryRule } from './ExternalEntryRule.js';
import { FilingRule } from './FilingRule.js';
import { GatesRule } from './GatesRule.js';
import { KnownAuthorsRule } from './KnownAuthorsRule.js';
import { KnownListsRule } from './KnownListsRule.js';
import { ListStatusRule } from './ListStatusRule.js';
import { MergeRule } from './MergeRule.js';
import { PolicyChangeRule } from './PolicyChangeRule.js';
import { ProposalCommitRule } from './ProposalCommitRule.js';
import { ProposalIdRule } from './ProposalIdRule.js';
import { ProposalLinksRule } from './ProposalLinksRule.js';
import { RecordNumbersRule } from './RecordNumbersRule.js';
import { ReviewWindowRule } from './ReviewWindowRule.js';
import { RosterIntegrityRule } from './RosterIntegrityRule.js';
import { SignedSignoffRule } from './SignedSignoffRule.js';
import { SignoffOrderRule } from './SignoffOrderRule.js';
import { SignoffRecordRule } from './SignoffRecordRule.js';
import { StageHistoryRule } from './StageHistoryRule.js';
import { StageRecordsRule } from './StageRecordsRule.js';
import { TargetsRule } from './TargetsRule.js';
import { TrustRootRule } from './TrustRootRule.js';

export const GOVERNANCE_RULES: readonly GovernanceRule[] = [
  RosterIntegrityRule,
  ProposalIdRule,
  KnownAuthorsRule,
  KnownListsRule,
  ProposalLinksRule,
  StageHistoryRule,
  StageRecordsRule,
  FilingRule,
  SignoffRecordRule,
  GatesRule,
  SignoffOrderRule,
  ReviewWindowRule,
  CommentsDisposedRule,
  ConcernsRule,
  RecordNumbersRule,
  TargetsRule,
  ListStatusRule,
  SignedSignoffRule,
  ConcernCommitRule,
  CommentCommitRule,
  ProposalCommitRule,
  ExternalEntryRule,
  PolicyChangeRule,
  BaselineApprovalRule,
  TrustRootRule,
  EnactedRosterRule,
  MergeRule,
  CommitDatesRule,
];
