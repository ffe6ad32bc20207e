/**
 * The governance engine: reads the head commit's files from git objects, takes the trust roots
 * from the base revision (or the head when there is none), walks the governed history, and
 * runs every rule of rules/ once. `governance check`, `proposal check`, `proposal advance` and
 * `proposal status` all call this, so they cannot disagree.
 */
import { today } from '../../runtime/dates.js';
import { diagnostic, hint, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { resolveRevision, unknownRevision, UnknownRevisionError } from '../diff/revision.js';
import { isAncestor, repositoryCommit, shallowCommits } from '../git/log.js';
import { ObjectReader, withObjectReader } from '../git/objects.js';
import { GitError, gitOutput } from '../git/run.js';
import type { Source } from '../source.js';
import type { Finding, GovernanceContext, ProposalAt } from './context.js';
import { Ledger } from './ledger.js';
import { readLists, type ListInfo } from './lists.js';
import { loadGovernance, loadYaml, ROSTER_PATH, type Governance } from './load.js';
import type { ProposalMeta, Roster } from './model.js';
import { GOVERNANCE_RULES } from './rules/index.js';
import { rosterSchema } from './schemas.js';
import type { CheckSession } from './session.js';
import { gitFailure, readSnapshot, type Snapshot } from './snapshot.js';

export type { ListInfo } from './lists.js';
export { signoffFileName } from './signoffs.js';

export interface GovernanceReport {
  readonly diagnostics: Diagnostic[];
  /** Every diagnostic with the proposal it is about, when it is about one. */
  readonly findings: Finding[];
  readonly sources: Source[];
  readonly governance: Governance;
  readonly lists: ListInfo[];
  /** The baseline files' content, which a baseline proposal's sign-offs approve. */
  readonly baseline: string;
  /** Whether the governed history was walked. */
  readonly history: boolean;
  /** The commit checked. */
  readonly head?: string;
  /** The trust anchor: the first commit whose roster gives every person a key. */
  readonly epoch?: string;
  /** The commit of `--base`, whose roster is the trust root. */
  readonly base?: string;
}

export interface CheckOptions {
  /** The trusted revision: its roster is the trust root, and only commits after it are walked. */
  readonly base?: string;
  /** The revision checked (default HEAD). */
  readonly head?: string;
  /** Skip the history walk (signatures, commit rules). */
  readonly noHistory?: boolean;
  /** Only findings about these proposals (folder names). */
  readonly only?: readonly string[];
  /** A proposal's metadata as it would be (for `advance` and `status`), in place of the committed one. */
  readonly hypothetical?: ProposalMeta;
  /** Today's date (YYYY-MM-DD, UTC) for dates in the future; default: now. */
  readonly today?: string;
  /** The command's session on the repository whose top folder is the `dir` checked: the check shares its git process and history walks. */
  readonly session?: CheckSession;
}

const EMPTY: Governance = { proposals: [], diagnostics: [], sources: [] };

function failed(d: Diagnostic): GovernanceReport {
  return { diagnostics: [d], findings: [{ diagnostic: d }], sources: [], governance: EMPTY, lists: [], baseline: '[]', history: false };
}

async function baseRoster(reader: ObjectReader, base: string): Promise<Roster | undefined> {
  const snapshot = await readSnapshot(reader, base, [ROSTER_PATH]);
  return loadYaml<Roster>(snapshot.files, ROSTER_PATH, rosterSchema, 'roster', [], [])?.value;
}

/** Checks the governance of `root` at `options.head` (default HEAD). Git failures come back as QD4030. */
export async function checkGovernance(dir: string, options: CheckOptions = {}): Promise<GovernanceReport> {
  let root: string;
  let head: string;
  // A session on `dir` knows its top folder and resolves the revision through its git process.
  const session = options.session?.root === dir ? options.session : undefined;
  try {
    ({ root, commit: head } = session ? { root: dir, commit: await session.commit(options.head ?? 'HEAD') } : await repositoryCommit(dir, options.head ?? 'HEAD'));
  } catch (e) {
    return failed(gitFailure(e, options.head ?? 'HEAD'));
  }
  let base: string | undefined;
  try {
    base = options.base ? await resolveRevision(root, options.base) : undefined;
  } catch (e) {
    // Said in the report, so that `--json` answers JSON for a base that is not there too.
    if (!(e instanceof UnknownRevisionError)) throw e;
    return failed(unknownRevision(e));
  }
  // A base after the head leaves no history between them: it passed, having checked nothing.
  if (base && !(await isAncestor(root, base, head))) {
    return failed(diagnostic('governance-base-not-ancestor', undefined, { base: options.base!, head: options.head ?? 'HEAD' }, { hint: hint('base-before-head') }));
  }
  try {
    // One git process reads every object the check needs: the head's files, the base's roster,
    // the rosters and files of the history; the session's, when there is one.
    if (session) return await run(session.reader, root, head, base, options, session);
    return await withObjectReader(root, (reader) => run(reader, root, head, base, options));
  } catch (e) {
    if (e instanceof GitError) return failed(diagnostic('git-failed-history', undefined, {}, { detail: gitOutput(e) }));
    throw e;
  }
}

/** What a check reads of the commit it checks: its files, the governance records and the lists among them. */
export interface CommitReading {
  readonly snapshot: Snapshot;
  readonly governance: Governance;
  readonly read: ReturnType<typeof readLists>;
}

async function readCommit(reader: ObjectReader, commit: string): Promise<CommitReading> {
  const snapshot = await readSnapshot(reader, commit);
  return { snapshot, governance: loadGovernance(snapshot.files), read: readLists(snapshot.files) };
}

async function run(reader: ObjectReader, root: string, head: string, base: string | undefined, options: CheckOptions, session?: CheckSession): Promise<GovernanceReport> {
  const { snapshot, governance, read } = await (session ? session.reading(head, readCommit) : readCommit(reader, head));
  const trusted = (base ? await baseRoster(reader, base) : undefined) ?? governance.roster?.value;
  const walk = { ...(base ? { base } : {}), ...(base && trusted ? { baseRoster: trusted } : {}), folders: governance.proposals.map((p) => p.folder) };
  const ledger = options.noHistory || !trusted ? undefined : await (session ? session.ledger(head, walk) : Ledger.open(reader, root, head, walk));
  // A shallow clone shows a cut commit as the start of history: the walk then began at the cut
  // (its trust anchor there too) and passed, having checked nothing before it.
  if (ledger) {
    const shallow = await shallowCommits(root);
    const cut = [ledger.epoch, ...ledger.commits.map((c) => c.sha)].find((sha) => sha !== undefined && shallow.has(sha));
    if (cut) return failed(diagnostic('history-shallow', undefined, { commit: cut.slice(0, 12) }, { hint: hint('fetch-whole-history') }));
  }
  return runRules(head, base, options, { snapshot, governance, read, trusted, ledger });
}

interface Inputs extends CommitReading {
  readonly trusted: Roster | undefined;
  readonly ledger: Ledger | undefined;
}

async function runRules(head: string, base: string | undefined, options: CheckOptions, { snapshot, governance, read, trusted, ledger }: Inputs): Promise<GovernanceReport> {
  const findings: Finding[] = [...snapshot.diagnostics, ...governance.diagnostics, ...read.diagnostics].map((diagnostic) => ({ diagnostic, ...proposalOf(diagnostic) }));
  if (!governance.roster) findings.push({ diagnostic: diagnostic('not-in-commit', undefined, { path: ROSTER_PATH, commit: head.slice(0, 12) }) });
  const proposals = new Map(governance.proposals.flatMap((p) => (p.meta?.value ? [[p.meta.value.id, p.meta.value] as const] : [])));
  if (options.hypothetical) proposals.set(options.hypothetical.id, options.hypothetical);
  if (trusted) {
    const ctx: GovernanceContext = {
      roster: trusted,
      ...(governance.roster ? { rosterFile: governance.roster } : {}),
      governance,
      lists: read.lists,
      baseline: read.baseline,
      proposals,
      ...(ledger ? { ledger } : {}),
      today: options.today ?? today(),
    };
    const report = (d: Diagnostic, proposal?: string) => findings.push({ diagnostic: d, ...(proposal ? { proposal } : {}) });
    for (const rule of GOVERNANCE_RULES) {
      rule.state?.(ctx, report);
      if (rule.proposal) {
        for (const p of governance.proposals) {
          const value = p.meta?.value && (options.hypothetical?.id === p.folder ? options.hypothetical : p.meta.value);
          if (value) rule.proposal({ ...p, meta: { ...p.meta!, value } } as ProposalAt, ctx, report);
        }
      }
      if (rule.commit && ledger) for (const c of ledger.commits) await rule.commit(c, { ...ctx, ledger }, report);
    }
  }
  const kept = dedupe(options.only ? findings.filter((f) => f.proposal && options.only!.includes(f.proposal)) : findings);
  return {
    diagnostics: sortDiagnostics(kept.map((f) => f.diagnostic)),
    findings: kept,
    sources: [...governance.sources, ...read.sources],
    governance,
    lists: read.lists,
    baseline: read.baseline,
    history: !!ledger,
    head,
    ...(ledger?.epoch ? { epoch: ledger.epoch } : {}),
    ...(base ? { base } : {}),
  };
}

/** The proposal a file diagnostic is about, by its path. */
function proposalOf(d: Diagnostic): { proposal?: string } {
  const parts = d.span?.file.split('/') ?? [];
  return parts[0] === 'proposals' && parts[1] ? { proposal: parts[1] } : {};
}

function dedupe(list: Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter(({ diagnostic: d }) => {
    const key = `${d.code}|${d.span?.file}|${d.span?.offset}|${d.id}|${JSON.stringify(d.args)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
