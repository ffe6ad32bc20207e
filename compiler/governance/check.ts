/**
 * Every governance rule, one function per rule, each reporting its own QD5xxx code:
 * the roster, each proposal's metadata and stage history, its sign-offs (and, with git, who
 * committed and signed them), comments and concerns, lists' statuses, and changes to policy/.
 */
import type { ListDecl } from '../ast.js';
import { readSources } from '../compile.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { resolveRevision } from '../diff/revision.js';
import { parseSource } from '../parse.js';
import type { Source, Span } from '../source.js';
import { History } from './history.js';
import { loadGovernance, ROSTER_PATH, type Governance, type Loaded, type LoadedProposal } from './load.js';
import { personByEmail, personById, requiredRoles, type ProposalMeta, type Roster, type SignoffRecord } from './model.js';
import { daysBetween, EDITABLE_STAGES, effectivePath, gateStages, isStage, listStatusFor, stageIndex, transitionError, type Stage } from './stages.js';
import { spanOfPointer } from './yaml-source.js';

export interface ListInfo {
  readonly id: string;
  readonly status?: string;
  readonly proposal?: string;
  readonly decl: ListDecl;
}

export interface GovernanceReport {
  readonly diagnostics: Diagnostic[];
  readonly sources: Source[];
  readonly governance: Governance;
  readonly lists: ListInfo[];
  /** Whether git history was available and checked. */
  readonly history: boolean;
  /** The commit that introduced the roster: policy changes before it are not checked. */
  readonly epoch?: string;
  /** The commit of `--base`: policy changes before it are not checked either. */
  readonly base?: string;
}

export interface CheckOptions {
  /** Check only changes to policy/ after this revision (default: since the roster's introduction). */
  readonly base?: string;
  /** Skip every rule that needs git. */
  readonly noHistory?: boolean;
  /** Only these proposals (folder names). */
  readonly only?: readonly string[];
}

const at = (f: { source: Source; doc: Loaded<unknown>['doc'] }, pointer: string, property?: string): Span | undefined => spanOfPointer(f, pointer, property);

/** The lists declared in the policy's `.qd` files, with their status and proposal. */
export async function readLists(root: string): Promise<{ lists: ListInfo[]; sources: Source[]; diagnostics: Diagnostic[] }> {
  const read = await readSources(['policy'], root);
  const lists: ListInfo[] = [];
  const diagnostics = [...read.diagnostics];
  for (const source of read.sources) {
    const parsed = parseSource(source);
    diagnostics.push(...parsed.diagnostics.filter((d) => d.severity === 'error'));
    for (const decl of parsed.file.declarations) {
      if (decl.kind !== 'List') continue;
      lists.push({ id: decl.id.text, ...(decl.status ? { status: decl.status.text } : {}), ...(decl.proposal ? { proposal: decl.proposal.value } : {}), decl });
    }
  }
  return { lists, sources: read.sources, diagnostics };
}

// ─── roster ────────────────────────────────────────────────────────────────

export function checkRosterIntegrity(roster: Loaded<Roster>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const r = roster.value;
  if (!r) return out;
  const ids = new Set<string>();
  const emails = new Set<string>();
  r.people.forEach((p, i) => {
    if (ids.has(p.id)) out.push(diagnostic('roster-duplicate', at(roster, `/people/${i}/id`), { what: 'person', value: p.id }));
    ids.add(p.id);
    const e = p.email.toLowerCase();
    if (emails.has(e)) out.push(diagnostic('roster-duplicate', at(roster, `/people/${i}/email`), { what: 'email', value: p.email }));
    emails.add(e);
    p.roles.forEach((role, j) => {
      if (!r.roles[role]) out.push(diagnostic('unknown-role', at(roster, `/people/${i}/roles/${j}`), { role }, { hint: `roles: ${Object.keys(r.roles).join(', ')}` }));
    });
  });
  const reqs: [string, Partial<Record<string, readonly string[]>>][] = [['/signoffs/default', r.signoffs.default], ...Object.entries(r.signoffs.sectors ?? {}).map(([s, v]) => [`/signoffs/sectors/${s}`, v] as [string, Partial<Record<string, readonly string[]>>])];
  for (const [pointer, req] of reqs) {
    for (const [stage, roles] of Object.entries(req)) {
      (roles ?? []).forEach((role, j) => {
        if (!r.roles[role]) out.push(diagnostic('unknown-role', at(roster, `${pointer}/${stage}/${j}`), { role }));
      });
    }
  }
  return out;
}

// ─── proposal metadata and stage history ──────────────────────────────────

export function checkProposalId(p: LoadedProposal): Diagnostic[] {
  const meta = p.meta?.value;
  if (!meta || meta.id === p.folder) return [];
  return [diagnostic('proposal-id-mismatch', at(p.meta!, '/id'), { id: `'${meta.id}'`, folder: `'${p.folder}'` }, { hint: 'a proposal lives in proposals/<id>/; its id never changes' })];
}

export function checkAuthorsKnown(p: LoadedProposal, roster: Roster): Diagnostic[] {
  const meta = p.meta?.value;
  if (!meta) return [];
  return meta.authors.flatMap((a, i) => (personById(roster, a) ? [] : [diagnostic('unknown-person', at(p.meta!, `/authors/${i}`), { person: `'${a}'` })]));
}

export function checkListsExist(p: LoadedProposal, lists: readonly ListInfo[]): Diagnostic[] {
  const meta = p.meta?.value;
  if (!meta) return [];
  const known = new Set(lists.map((l) => l.id));
  return meta.lists.flatMap((l, i) => (known.has(l) ? [] : [diagnostic('unknown-list', at(p.meta!, `/lists/${i}`), { id: meta.id, list: `'${l}'` })]));
}

export function checkLinks(p: LoadedProposal, all: ReadonlyMap<string, ProposalMeta>): Diagnostic[] {
  const meta = p.meta?.value;
  if (!meta) return [];
  const out: Diagnostic[] = [];
  for (const field of ['replaces', 'supersededBy'] as const) {
    const ref = meta[field];
    if (ref && !all.has(ref)) out.push(diagnostic('unknown-proposal', at(p.meta!, `/${field}`), { what: field, ref: `'${ref}'` }));
  }
  if (meta.stage === 'superseded' && !meta.supersededBy) out.push(diagnostic('proposal-link-mismatch', at(p.meta!, '/stage'), { id: meta.id, problem: 'it is superseded but names no supersededBy' }));
  if (meta.supersededBy && meta.stage !== 'superseded') out.push(diagnostic('proposal-link-mismatch', at(p.meta!, '/supersededBy'), { id: meta.id, problem: `it names supersededBy but is at ${meta.stage}` }));
  if (meta.supersededBy) {
    const other = all.get(meta.supersededBy);
    if (other && other.replaces !== meta.id) out.push(diagnostic('proposal-link-mismatch', at(p.meta!, '/supersededBy'), { id: meta.id, problem: `${meta.supersededBy} does not say it replaces ${meta.id}` }));
  }
  return out;
}

export function checkHistory(p: LoadedProposal, roster: Roster): Diagnostic[] {
  const meta = p.meta?.value;
  if (!meta) return [];
  const out: Diagnostic[] = [];
  const h = meta.history;
  const last = h[h.length - 1]!;
  if (h[0]!.stage !== 'draft') out.push(diagnostic('stage-history-mismatch', at(p.meta!, '/history/0/stage'), { id: meta.id, problem: 'history must start at draft' }));
  if (last.stage !== meta.stage) out.push(diagnostic('stage-history-mismatch', at(p.meta!, '/stage'), { id: meta.id, problem: `stage is ${meta.stage} but the history ends at ${last.stage}` }));
  let internal = false;
  h.forEach((e, i) => {
    if (i > 0) {
      const prev = h[i - 1]!;
      if (e.date < prev.date) out.push(diagnostic('stage-history-mismatch', at(p.meta!, `/history/${i}/date`), { id: meta.id, problem: `history goes back in time (${e.date} after ${prev.date})` }));
      const why = transitionError(prev.stage, e.stage);
      if (why) out.push(diagnostic('stage-skipped', at(p.meta!, `/history/${i}/stage`), { id: meta.id, from: prev.stage, to: e.stage, reason: why }, { hint: 'advance one stage at a time with `qingdan proposal advance`' }));
    }
    if (e.external) {
      if (internal) out.push(diagnostic('stage-history-mismatch', at(p.meta!, `/history/${i}/external`), { id: meta.id, problem: 'external (pre-governance) entries may only open the history' }));
      if (e.date > roster.since) out.push(diagnostic('stage-history-mismatch', at(p.meta!, `/history/${i}/external`), { id: meta.id, problem: `an external entry is dated ${e.date}, after the roster was adopted (${roster.since})` }));
    } else internal = true;
  });
  return out;
}

export function checkStageRecords(p: LoadedProposal): Diagnostic[] {
  const meta = p.meta?.value;
  if (!meta) return [];
  const reached = Math.max(...meta.history.map((e) => stageIndex(e.stage)));
  const needs: [Stage, string, unknown][] = [
    ['survey', 'survey.yaml', p.survey],
    ['important-data-identification', 'important-data.yaml', p.importantData],
    ['scenario-analysis', 'scenario-analysis.yaml', p.scenarioAnalysis],
  ];
  return needs.filter(([stage, , file]) => reached > stageIndex(stage) && !file).map(([stage, file]) => diagnostic('stage-record-missing', at(p.meta!, '/stage'), { id: meta.id, stage, file }));
}

export function checkFiling(p: LoadedProposal): Diagnostic[] {
  const meta = p.meta?.value;
  if (!meta || !(meta.stage === 'filed' || meta.stage === 'in-force') || meta.filing) return [];
  return [diagnostic('filing-missing', at(p.meta!, '/stage'), { id: meta.id, stage: meta.stage }, { hint: 'record the national filing receipt: qingdan proposal advance <id> --to filed --receipt <number>' })];
}

// ─── sign-offs ────────────────────────────────────────────────────────────

export function signoffFileName(s: Pick<SignoffRecord, 'stage' | 'role' | 'person'>): string {
  return `${s.stage}--${s.role}--${s.person}.yaml`;
}

export function checkSignoffRecords(p: LoadedProposal, roster: Roster): Diagnostic[] {
  const meta = p.meta?.value;
  const out: Diagnostic[] = [];
  for (const f of p.signoffs) {
    const s = f.value;
    if (!s) continue;
    const expected = signoffFileName(s);
    if (!f.path.endsWith(`/${expected}`)) out.push(diagnostic('signoff-file-name', at(f, ''), { expected }));
    const person = personById(roster, s.person);
    if (!person) {
      out.push(diagnostic('unknown-person', at(f, '/person'), { person: `'${s.person}'` }, { hint: 'every signer must be in policy/governance/roster.yaml' }));
      continue;
    }
    if (!roster.roles[s.role]) out.push(diagnostic('unknown-role', at(f, '/role'), { role: `'${s.role}'` }));
    else if (!person.roles.includes(s.role)) out.push(diagnostic('signoff-wrong-role', at(f, '/role'), { person: s.person, role: s.role }, { hint: `${s.person} holds: ${person.roles.join(', ')}` }));
    if (meta?.authors.includes(s.person)) out.push(diagnostic('self-approval', at(f, '/person'), { person: s.person, id: meta.id }, { hint: 'nobody signs off their own proposal' }));
  }
  return out;
}

/** Sign-offs that validly count for `stage` (known person holding the role, not an author). */
function validSignoffs(p: LoadedProposal, roster: Roster, stage: Stage): SignoffRecord[] {
  const meta = p.meta?.value;
  return p.signoffs
    .map((f) => f.value)
    .filter((s): s is SignoffRecord => !!s && s.stage === stage)
    .filter((s) => personById(roster, s.person)?.roles.includes(s.role) && !meta?.authors.includes(s.person));
}

export function checkGates(p: LoadedProposal, roster: Roster): Diagnostic[] {
  const meta = p.meta?.value;
  if (!meta) return [];
  const out: Diagnostic[] = [];
  const path = effectivePath(meta.history);
  for (let k = 1; k < path.length; k++) {
    const from = path[k - 1]!.entry;
    const { entry: to, index } = path[k]!;
    if (to.external || !isStage(from.stage) || !isStage(to.stage) || transitionError(from.stage as Stage, to.stage as Stage)) continue;
    for (const stage of gateStages(from.stage as Stage, to.stage as Stage)) {
      const valid = validSignoffs(p, roster, stage).filter((s) => s.date >= from.date && s.date <= to.date);
      for (const role of requiredRoles(roster, meta.sector, stage)) {
        if (!valid.some((s) => s.role === role)) {
          out.push(diagnostic('missing-signoff', at(p.meta!, `/history/${index}`), { id: meta.id, to: to.stage, role, stage }, { hint: `sign-offs count when dated between ${from.date} and ${to.date}; qingdan proposal sign ${meta.id} --stage ${stage} --role ${role} --person <id>` }));
        }
      }
    }
  }
  return out;
}

export function checkSignoffOrder(p: LoadedProposal, roster: Roster): Diagnostic[] {
  const meta = p.meta?.value;
  if (!meta) return [];
  const out: Diagnostic[] = [];
  for (const stage of roster.signoffs.ordered ?? []) {
    const roles = requiredRoles(roster, meta.sector, stage);
    const byRole = roles.map((role) => validSignoffs(p, roster, stage).filter((s) => s.role === role));
    for (let i = 1; i < roles.length; i++) {
      for (const later of byRole[i]!) {
        for (const earlier of byRole[i - 1]!) {
          if (later.date < earlier.date) {
            const file = p.signoffs.find((f) => f.value === later)!;
            out.push(diagnostic('signoff-out-of-order', at(file, '/date'), { stage, later: roles[i]!, earlier: roles[i - 1]! }));
          }
        }
      }
    }
  }
  return out;
}

// ─── review: window, comments, concerns ───────────────────────────────────

export function checkReviewWindow(p: LoadedProposal, roster: Roster): Diagnostic[] {
  const meta = p.meta?.value;
  if (!meta) return [];
  const out: Diagnostic[] = [];
  const path = effectivePath(meta.history);
  for (let k = 1; k < path.length; k++) {
    const from = path[k - 1]!.entry;
    const { entry: to, index } = path[k]!;
    if (from.stage !== 'review' || to.stage !== 'approved' || to.external) continue;
    const days = daysBetween(from.date, to.date);
    if (days < roster.reviewWindowDays) out.push(diagnostic('review-window-short', at(p.meta!, `/history/${index}/date`), { id: meta.id, days, min: roster.reviewWindowDays }));
  }
  return out;
}

const PAST_REVIEW: readonly string[] = ['approved', 'filed', 'in-force'];

export function checkCommentsDisposed(p: LoadedProposal): Diagnostic[] {
  const meta = p.meta?.value;
  if (!meta || !PAST_REVIEW.includes(meta.stage)) return [];
  return p.comments.filter((c) => c.value && !c.value.disposition).map((c) => diagnostic('comment-undisposed', at(c, ''), { comment: c.path, id: meta.id, stage: meta.stage }, { hint: `qingdan proposal resolve ${meta.id} ${c.path.split('/').pop()!.replace(/\.ya?ml$/, '')} --decision accepted|partly|rejected` }));
}

export function checkConcerns(p: LoadedProposal, roster: Roster): Diagnostic[] {
  const meta = p.meta?.value;
  if (!meta) return [];
  const out: Diagnostic[] = [];
  const approvedAt = [...meta.history].reverse().find((e) => e.stage === 'approved')?.date;
  for (const c of p.concerns) {
    const v = c.value;
    if (!v) continue;
    const name = c.path.split('/').pop()!.replace(/\.ya?ml$/, '');
    if (!personById(roster, v.raisedBy)) out.push(diagnostic('unknown-person', at(c, '/raisedBy'), { person: `'${v.raisedBy}'` }));
    if (v.resolution && v.resolution.by !== v.raisedBy) out.push(diagnostic('concern-resolved-by-other', at(c, '/resolution/by'), { concern: name, raiser: v.raisedBy, actual: v.resolution.by }, { hint: 'only the person who raised a concern resolves it' }));
    const openNow = !v.resolution;
    const openAtApproval = approvedAt !== undefined && v.date <= approvedAt && (!v.resolution || v.resolution.date > approvedAt);
    if (PAST_REVIEW.includes(meta.stage) && (openNow || openAtApproval)) {
      out.push(diagnostic('open-concern', at(c, ''), { id: meta.id, stage: meta.stage, concern: name }, { hint: 'a new concern sends the proposal back to review until its raiser resolves it' }));
    }
  }
  return out;
}

// ─── lists and proposals agree ────────────────────────────────────────────

export function checkListStatuses(lists: readonly ListInfo[], proposals: readonly LoadedProposal[]): Diagnostic[] {
  const byId = new Map(proposals.filter((p) => p.meta?.value).map((p) => [p.meta!.value!.id, p] as const));
  const out: Diagnostic[] = [];
  for (const l of lists) {
    if (!l.proposal) {
      if (l.status && l.status !== 'draft') out.push(diagnostic('list-without-proposal', l.decl.status!.span, { list: l.id, status: l.status }, { hint: `add proposal "<id>" to the list; no list is in force unless its proposal is filed` }));
      if (l.status === 'in-force') out.push(diagnostic('list-status-mismatch', l.decl.status!.span, { list: l.id, status: l.status, id: '(none)', stage: '(none)', expected: 'draft' }));
      continue;
    }
    const p = byId.get(l.proposal);
    if (!p) {
      out.push(diagnostic('unknown-proposal', l.decl.proposal!.span, { what: `list ${l.id}`, ref: `'${l.proposal}'` }, { hint: `create it with: qingdan proposal new` }));
      continue;
    }
    const meta = p.meta!.value!;
    const expected = listStatusFor(meta.stage);
    if (l.status && !expected.includes(l.status)) out.push(diagnostic('list-status-mismatch', l.decl.status!.span, { list: l.id, status: l.status, id: meta.id, stage: meta.stage, expected: expected.join(' or ') }, { hint: '`qingdan proposal advance` updates the status of the lists it governs' }));
    if (!meta.lists.includes(l.id)) out.push(diagnostic('proposal-link-mismatch', at(p.meta!, '/lists'), { id: meta.id, problem: `list ${l.id} names this proposal but the proposal does not list it` }));
  }
  return out;
}

// ─── git history ──────────────────────────────────────────────────────────

export async function checkSignoffCommits(p: LoadedProposal, roster: Roster, history: History): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const f of p.signoffs) {
    const s = f.value;
    const person = s && personById(roster, s.person);
    if (!s || !person) continue;
    const commits = await history.commitsTouching(f.path);
    if (commits.length === 0) {
      out.push(diagnostic('signoff-uncommitted', at(f, ''), { file: f.path }));
      continue;
    }
    for (const c of commits) {
      if (c.authorEmail.toLowerCase() !== person.email.toLowerCase()) {
        out.push(diagnostic('signoff-wrong-author', at(f, '/person'), { person: s.person, actual: `${c.authorName} <${c.authorEmail}>`, commit: c.sha.slice(0, 12) }, { hint: 'a sign-off is committed by the person it names' }));
      } else if (person.key && !(await history.signedWith(c.sha, person.email, person.key))) {
        out.push(diagnostic('signoff-unsigned', at(f, '/person'), { commit: c.sha.slice(0, 12), person: s.person }, { hint: 'commit with -c gpg.format=ssh -c user.signingkey=<key> -S' }));
      }
    }
  }
  // Ordered stages: the later role's sign-off is committed after the earlier role's.
  const meta = p.meta?.value;
  if (meta) {
    for (const stage of roster.signoffs.ordered ?? []) {
      const roles = requiredRoles(roster, meta.sector, stage);
      const firstCommit = async (role: string) => {
        const files = p.signoffs.filter((f) => f.value?.stage === stage && f.value.role === role);
        let best: { when: string; file: Loaded<SignoffRecord> } | undefined;
        for (const file of files) {
          const c = (await history.commitsAdding(file.path))[0];
          if (c && (!best || c.date < best.when)) best = { when: c.date, file };
        }
        return best;
      };
      for (let i = 1; i < roles.length; i++) {
        const [a, b] = [await firstCommit(roles[i - 1]!), await firstCommit(roles[i]!)];
        if (a && b && b.when < a.when) out.push(diagnostic('signoff-out-of-order', at(b.file, '/role'), { stage, later: roles[i]!, earlier: roles[i - 1]! }));
      }
    }
  }
  return out;
}

export async function checkConcernCommits(p: LoadedProposal, roster: Roster, history: History): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const c of p.concerns) {
    const v = c.value;
    const raiser = v && personById(roster, v.raisedBy);
    if (!v?.resolution || !raiser) continue;
    for (const commit of await history.commitsTouching(c.path)) {
      const text = await history.fileAt(commit.sha, c.path);
      if (!text || !/^resolution:/m.test(text)) continue;
      if (commit.authorEmail.toLowerCase() !== raiser.email.toLowerCase()) {
        const name = c.path.split('/').pop()!.replace(/\.ya?ml$/, '');
        out.push(diagnostic('concern-resolved-by-other', at(c, '/resolution'), { concern: name, raiser: v.raisedBy, actual: `${commit.authorName} <${commit.authorEmail}>` }));
      }
      break;
    }
  }
  return out;
}

export async function checkIdNeverChanged(p: LoadedProposal, history: History): Promise<Diagnostic[]> {
  const meta = p.meta?.value;
  if (!meta) return [];
  const first = (await history.commitsAdding(p.meta!.path))[0];
  if (!first) return [];
  const text = await history.fileAt(first.sha, p.meta!.path);
  const was = text?.match(/^id:\s*['"]?([^'"\s]+)/m)?.[1];
  if (!was || was === meta.id) return [];
  return [diagnostic('proposal-id-changed', at(p.meta!, '/id'), { was: `'${was}'`, id: `'${meta.id}'` })];
}

/** The lines a list past its editable stages may still change: its status, and the link to its proposal. */
const BOOKKEEPING_LINE = /^\s*(?:status\s+[\w-]+|proposal\s+"[^"]*")\s*$/;

/**
 * Changes to policy/ after the epoch: a list file belongs to the proposal it names, which at
 * that commit must be at an editable stage (later stages may change only the status line and
 * the proposal link);
 * any other policy file needs a `Proposal: <id>` trailer naming an editable proposal.
 * policy/governance/ (the roster itself) is governed by CODEOWNERS review instead.
 */
export async function checkPolicyChanges(history: History, after: readonly string[]): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const stageAt = async (sha: string, id: string): Promise<string | undefined> => {
    const text = await history.fileAt(sha, `proposals/${id}/proposal.yaml`);
    return text?.match(/^stage:\s*['"]?([\w-]+)/m)?.[1];
  };
  for (const commit of await history.commitsIn([...after.map((c) => `^${c}`), 'HEAD'], 'policy')) {
    const short = commit.sha.slice(0, 12);
    const trailer = commit.message.match(/^Proposal:\s*(\S+)\s*$/m)?.[1];
    const parent = await history.parentOf(commit.sha);
    for (const file of await history.changedFiles(commit.sha)) {
      if (!file.path.startsWith('policy/') || file.path.startsWith('policy/governance/')) continue;
      const after = file.status === 'D' ? undefined : await history.fileAt(commit.sha, file.path);
      const before = parent ? await history.fileAt(parent, file.path) : undefined;
      const link = (text: string | undefined) => text?.match(/^\s*proposal\s+"([^"]+)"/m)?.[1];
      const named = link(after) ?? link(before);
      const id = file.path.startsWith('policy/lists/') ? named : trailer;
      if (!id) {
        out.push(diagnostic('policy-change-outside-proposal', undefined, { commit: short, file: file.path, reason: file.path.startsWith('policy/lists/') ? 'the list names no proposal' : 'the commit has no `Proposal: <id>` trailer' }));
        continue;
      }
      const stage = await stageAt(commit.sha, id);
      if (!stage) {
        out.push(diagnostic('policy-change-outside-proposal', undefined, { commit: short, file: file.path, reason: `proposal ${id} does not exist at that commit` }));
        continue;
      }
      if ((EDITABLE_STAGES as readonly string[]).includes(stage)) continue;
      const strip = (t: string | undefined) => (t ?? '').split('\n').filter((line) => !BOOKKEEPING_LINE.test(line)).join('\n');
      if (before !== undefined && after !== undefined && strip(before) === strip(after)) continue;
      out.push(diagnostic('policy-change-outside-proposal', undefined, { commit: short, file: file.path, reason: `proposal ${id} is at ${stage}, where only the list's status and proposal link may change` }, { hint: 'raise a concern to send the proposal back to review first' }));
    }
  }
  return out;
}

// ─── all of it ─────────────────────────────────────────────────────────────

export async function checkGovernance(root: string, options: CheckOptions = {}): Promise<GovernanceReport> {
  const governance = await loadGovernance(root);
  const read = await readLists(root);
  const diagnostics: Diagnostic[] = [...governance.diagnostics, ...read.diagnostics];
  const sources = [...governance.sources, ...read.sources];
  const lists = read.lists;
  const roster = governance.roster?.value;
  const proposals = governance.proposals.filter((p) => !options.only || options.only.includes(p.folder) || options.only.includes(p.meta?.value?.id ?? ''));
  const all = new Map(governance.proposals.filter((p) => p.meta?.value).map((p) => [p.meta!.value!.id, p.meta!.value!] as const));

  if (governance.roster) diagnostics.push(...checkRosterIntegrity(governance.roster));
  for (const p of proposals) {
    diagnostics.push(...checkProposalId(p), ...checkListsExist(p, lists), ...checkLinks(p, all), ...checkStageRecords(p), ...checkFiling(p), ...checkCommentsDisposed(p));
    if (roster) {
      diagnostics.push(...checkAuthorsKnown(p, roster), ...checkHistory(p, roster), ...checkSignoffRecords(p, roster), ...checkGates(p, roster), ...checkSignoffOrder(p, roster), ...checkReviewWindow(p, roster), ...checkConcerns(p, roster));
    }
  }
  diagnostics.push(...checkListStatuses(options.only ? lists.filter((l) => l.proposal && options.only!.includes(l.proposal)) : lists, governance.proposals));

  let epoch: string | undefined;
  let base: string | undefined;
  const history = options.noHistory ? undefined : await History.open(root);
  if (history && roster) {
    for (const p of proposals) {
      diagnostics.push(...(await checkSignoffCommits(p, roster, history)), ...(await checkConcernCommits(p, roster, history)), ...(await checkIdNeverChanged(p, history)));
    }
    epoch = (await history.commitsAdding(ROSTER_PATH))[0]?.sha;
    if (epoch && !options.only) {
      // Changes after the roster's commit, and after --base when given, are governed.
      if (options.base) base = await resolveRevision(root, options.base);
      diagnostics.push(...(await checkPolicyChanges(history, base ? [epoch, base] : [epoch])));
    }
  }
  return { diagnostics: sortDiagnostics(dedupe(diagnostics)), sources, governance, lists, history: !!history, ...(epoch ? { epoch } : {}), ...(base ? { base } : {}) };
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.span?.file}|${d.span?.offset}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export { personByEmail };
