/**
 * The pathway words of the language (`assessment`, `contract`, `exempt`): the pathway each one
 * names, and how strict that is. Both follow the runtime's own definitions, so the checker, the
 * emitter and the language server cannot order or name a rung otherwise than a decision does.
 */
import type { PathwayWord } from './ast.js';
import type { PathwayId } from '../runtime/artifact.js';
import { EXEMPT, rankOf } from '../runtime/compile.js';

/** The pathway a rung's word names. */
export const PATHWAYS: Readonly<Record<PathwayWord, PathwayId>> = {
  assessment: 'security-assessment',
  contract: 'standard-contract-or-certification',
  exempt: 'exempt',
};

/** How strict a pathway is, from 0 (exempt): the runtime's rank of that outcome. */
export function pathwayRank(pathway: PathwayId): number {
  return rankOf(pathway) - EXEMPT;
}

/** How strict the pathway a word names is (pathwayRank). */
export const STRICTNESS: Readonly<Record<PathwayWord, number>> = {
  assessment: pathwayRank(PATHWAYS.assessment),
  contract: pathwayRank(PATHWAYS.contract),
  exempt: pathwayRank(PATHWAYS.exempt),
};
