/** One attack of the red team (issue 13): what it starts from, what it does, and what must catch it. */
import type { Repo } from '../fixture.js';

export interface Attack {
  readonly title: string;
  /** The repository it starts from: the icv proposal at review, or approved with every sign-off. */
  readonly from: 'review' | 'approved';
  /** Codes the check must report (it may report consequences too, never nothing). */
  readonly catches: readonly string[];
  /** Extra arguments of `governance check` (e.g. `--base` for a pull request). */
  readonly check?: (repo: Repo) => string[];
  apply(repo: Repo): Promise<void>;
}
