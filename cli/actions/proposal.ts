/**
 * `qingdan proposal new|status|advance|comment|resolve|sign|check`: drafting a list through the
 * stages of measures Art. 9. Commands write files; committing them (as yourself, signed when
 * the roster holds your key) is up to you, and `governance check` verifies who did.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDirectory } from '../../runtime/make-directory.js';
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import { diagnostic, hint, hintText, messageOf, type Diagnostic, type Hint } from '../../compiler/diagnostics.js';
import { EditError, setListStatus } from '../../compiler/edit.js';
import { checkGovernance, signoffFileName, type GovernanceReport } from '../../compiler/governance/check.js';
import { rosterMovedSinceApproval } from '../../compiler/governance/rules/EnactedRosterRule.js';
import { withCheckSession, type CheckSession } from '../../compiler/governance/session.js';
import { stageDigest } from '../../compiler/governance/digest.js';
import { parsePolicyFile } from '../../compiler/governance/lists.js';
import { PROPOSALS_DIR, PROPOSED_ROSTER, ROSTER_PATH, type LoadedProposal } from '../../compiler/governance/load.js';
import { personById, type ProposalMeta, type Roster } from '../../compiler/governance/model.js';
import { findRecord, nextRecordId, RECORD_KINDS } from '../../compiler/governance/record-ids.js';
import { recordProblems, type WrittenRecord } from '../../compiler/governance/record-check.js';
import { nextProposalId } from '../../compiler/governance/proposal-id.js';
import { PROPOSAL_ID } from '../../compiler/governance/schemas.js';
import { proposalTargets } from '../../compiler/governance/targets.js';
import { recordTemplates } from '../../compiler/governance/templates.js';
import { contextOf, outlook, todos } from '../../compiler/governance/todo.js';
import type { ProposalAt } from '../../compiler/governance/context.js';
import { didYouMean } from '../../compiler/suggest.js';
import { isActive, isStage, listStatusFor, nextStage, PROPOSAL_KINDS, SIGNED_STAGES, STAGES, transitionError, type ProposalKind, type Stage } from '../../compiler/governance/stages.js';
import { EXIT } from '../exit.js';
import { langOf, type Io } from '../io.js';
import { say } from '../messages.js';
import { printDiagnostics, printJson } from '../output.js';
import { today } from '../../runtime/dates.js';
import { dateOptionError } from '../date-option.js';
import { printUsageError, UsageError, usageError } from '../usage-error.js';
import { reportGovernance } from './governance.js';
import { repositoryFolder } from '../repository-folder.js';

/** The dispositions of a comment. */
const DECISIONS = ['accepted', 'partly', 'rejected'] as const;

const isProposalKind = (k: string): k is ProposalKind => (PROPOSAL_KINDS as readonly string[]).includes(k);

/** `d` (given to `option`; default today) when it is a date YYYY-MM-DD. */
function checkDate(d: string | undefined, option = '--date'): string {
  const date = d ?? today();
  const bad = dateOptionError(date, option);
  if (bad) throw bad;
  return date;
}

type Loaded = GovernanceReport & { rosterValue: Roster };

/** The committed governance (HEAD's git objects, without the history walk): what every command starts from. */
async function load(io: Io, root: string, session: CheckSession): Promise<Loaded> {
  const g = await checkGovernance(root, { noHistory: true, session });
  const failed = g.diagnostics.filter((d) => d.code.startsWith('QD4'));
  if (failed.length || !g.governance.roster?.value) {
    printDiagnostics(io, failed.length ? failed : g.governance.diagnostics, new Map(g.sources.map((s) => [s.path, s.text])));
    throw failed.length ? usageError('cli-governance-unreadable') : usageError('cli-roster-invalid', { path: ROSTER_PATH });
  }
  return { ...g, rosterValue: g.governance.roster.value };
}

function find(io: Io, g: Loaded, id: string): LoadedProposal & { meta: NonNullable<LoadedProposal['meta']> } {
  const p = g.governance.proposals.find((x) => x.folder === id || x.meta?.value?.id === id);
  if (!p) throw usageError('cli-unknown-proposal', { id: `'${id}'`, folder: `${PROPOSALS_DIR}/` }, { hint: hint('commit-proposal-first') });
  if (!p.meta?.value) {
    printDiagnostics(io, g.governance.diagnostics.filter((d) => d.span?.file.startsWith(`${p.dir}/`)), new Map(g.sources.map((s) => [s.path, s.text])));
    throw usageError('cli-proposal-invalid', { id: `'${id}'` });
  }
  return p as LoadedProposal & { meta: NonNullable<LoadedProposal['meta']> };
}

/** What a command on one proposal starts from: the governance at the project root, the proposal and the date given. */
async function openProposal(io: Io, root: string, session: CheckSession, id: string, date: string | undefined) {
  const g = await load(io, root, session);
  const p = find(io, g, id);
  return { g, p, meta: p.meta.value!, date: checkDate(date) };
}

function person(roster: Roster, id: string | undefined, flag: string) {
  if (!id) throw usageError('cli-missing-option', { option: `${flag} <id>` });
  const p = personById(roster, id);
  if (!p) throw usageError('cli-unknown-person', { person: `'${id}'`, path: ROSTER_PATH }, { hint: hint('signer-in-roster') });
  return p;
}

/** The usage error for a transition the stage machine refuses, by its reason. */
function transitionRefused(meta: ProposalMeta, to: Stage): UsageError | undefined {
  const why = transitionError(meta.stage, to, meta.kind);
  const move = { id: meta.id, from: meta.stage, to };
  switch (why?.problem) {
    case undefined:
      return undefined;
    case 'from-final':
      return usageError('cli-transition-from-final', move);
    case 'not-on-path':
      return usageError('cli-transition-not-on-path', { ...move, kind: meta.kind ?? 'list' });
    case 'skips':
      return usageError('cli-transition-skips', { ...move, skipped: why.skipped }, { hint: hint('one-stage-at-a-time') });
    case 'same-stage':
      return usageError('cli-transition-same-stage', move);
    case 'backwards':
      return usageError('cli-transition-backwards', move, { hint: hint('raise-concern-first') });
  }
}

/**
 * What stops `meta` from going to `to` on `date`: every error the governance engine finds about
 * this proposal once the transition is added to its history (the very rules `governance check`
 * runs, history and signatures included).
 */
export async function blockers(root: string, meta: ProposalMeta, to: Stage, date: string, extra: Partial<ProposalMeta>, session: CheckSession): Promise<Diagnostic[]> {
  const refused = transitionRefused(meta, to);
  if (refused) throw refused;
  const hypothetical: ProposalMeta = { ...meta, ...extra, stage: to, history: [...meta.history, { stage: to, date }] };
  if (to === 'superseded' && !hypothetical.supersededBy) throw usageError('cli-superseded-by-required');
  const report = await checkGovernance(root, { hypothetical, only: [meta.id], session });
  // The lists' status is what the transition itself rewrites.
  const found = report.diagnostics.filter((d) => d.severity === 'error' && d.id !== 'list-status-mismatch');
  // The commit enacting a roster is checked against the roster it replaces (QD5053): refused
  // now rather than written and refused by `governance check` once committed.
  if (meta.kind === 'governance' && to === 'in-force') {
    const head = await session.commit('HEAD');
    const moved = await rosterMovedSinceApproval(await session.ledger(head), meta, head);
    if (moved) found.push(diagnostic('roster-moved-before-enactment', undefined, { proposal: meta.id, approval: moved.approval }, { hint: hint('propose-on-roster-in-force') }));
  }
  return found;
}

/**
 * The new text of every list file whose lists name proposal `id`, with their status set to
 * `status` through the syntax tree (compiler/edit.ts: parse, change the AST, print), never by
 * splicing text. Computed before anything is written, so a list file that does not parse
 * cleanly stops the command with nothing changed.
 */
async function listStatusEdits(root: string, id: string, status: string): Promise<Array<{ path: string; text: string }>> {
  const edits: Array<{ path: string; text: string }> = [];
  const dir = join(root, 'policy', 'lists');
  if (!existsSync(dir)) return edits;
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.qd')).sort()) {
    const path = `policy/lists/${name}`;
    const text = await readFile(join(root, path), 'utf8');
    const lists = parsePolicyFile(path, text).declarations.flatMap((d) => (d.kind === 'List' && d.proposal?.value === id && d.status && d.status.text !== status ? [d.id.text] : []));
    if (lists.length) edits.push({ path, text: lists.reduce((t, list) => setListStatus({ path, text: t }, list, status), text) });
  }
  return edits;
}

/**
 * The roster governance proposal `id` proposes, put in place as its enactment must
 * (EnactedRosterRule): nothing when its folder has none or the roster already says it.
 */
async function rosterEdits(root: string, id: string): Promise<Array<{ path: string; text: string }>> {
  const read = (path: string) => readFile(join(root, path), 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
  const proposed = await read(`${PROPOSALS_DIR}/${id}/${PROPOSED_ROSTER}`);
  const current = await read(ROSTER_PATH);
  return proposed === undefined || proposed === current ? [] : [{ path: ROSTER_PATH, text: proposed }];
}

/** Writes `edits` (whole files); returns the files changed. */
async function writeEdits(root: string, edits: ReadonlyArray<{ path: string; text: string }>): Promise<string[]> {
  for (const e of edits) await writeFile(join(root, e.path), e.text);
  return edits.map((e) => e.path);
}

/** A record that `governance check` would refuse as written (its problems located in `source`): nothing is written. */
class RecordRefused extends Error {
  constructor(
    readonly source: { readonly path: string; readonly text: string },
    readonly problems: readonly Diagnostic[],
  ) {
    super(source.path);
    this.name = 'RecordRefused';
  }
}

/** Throws RecordRefused when check would refuse `text` as the record of kind `what` at `path`. */
function refuseInvalid(path: string, text: string, what: WrittenRecord): void {
  const problems = recordProblems({ path, text }, what);
  if (problems.length > 0) throw new RecordRefused({ path, text }, problems);
}

/** Writes the record `text` at `path` (from the root) when check will accept its shape; else throws RecordRefused. */
async function writeRecord(root: string, path: string, text: string, what: WrittenRecord, flag?: 'wx'): Promise<void> {
  refuseInvalid(path, text, what);
  await writeFile(join(root, path), text, flag ? { flag } : {});
}

async function appendHistory(root: string, p: LoadedProposal, stage: Stage, date: string, set: Record<string, unknown> = {}, note?: string): Promise<void> {
  const path = join(root, p.meta!.path);
  const doc = parseDocument(await readFile(path, 'utf8'));
  doc.set('stage', stage);
  for (const [k, v] of Object.entries(set)) doc.set(k, v);
  const history = doc.get('history');
  const entry = doc.createNode({ stage, date, ...(note ? { note } : {}) });
  entry.flow = true;
  if (isSeq(history)) history.add(entry);
  await writeRecord(root, p.meta!.path, doc.toString(), 'proposal');
}

/** The did-you-mean of `input` among `candidates`, as a usage error's hint. */
const meant = (input: string, candidates: readonly string[]) => {
  const h = didYouMean(input, candidates);
  return h ? { hint: h } : {};
};

/** Runs a proposal command; a usage error is printed as its diagnostic with exit code 2, an edit refused with exit 1. */
async function guarded(io: Io, body: () => Promise<number | void>): Promise<number> {
  try {
    return (await body()) ?? EXIT.ok;
  } catch (e) {
    if (e instanceof EditError) {
      printDiagnostics(io, e.diagnostics, new Map());
      printUsageError(io, e.reason);
      return EXIT.policyErrors;
    }
    if (e instanceof RecordRefused) {
      printDiagnostics(io, e.problems, new Map([[e.source.path, e.source.text]]));
      printUsageError(io, diagnostic('cli-record-refused', undefined, { path: e.source.path }));
      return EXIT.usage;
    }
    if (!(e instanceof UsageError)) throw e;
    printUsageError(io, e.diagnostic);
    return EXIT.usage;
  }
}

/** Runs a proposal command in the repository `io.cwd` lies in, its governance checks sharing one session. */
function inRepository(io: Io, body: (root: string, session: CheckSession) => Promise<number | void>): Promise<number> {
  return guarded(io, async () => {
    const root = await repositoryFolder(io.cwd);
    return withCheckSession(root, (session) => body(root, session));
  });
}

/** Creates a proposal at the draft stage; prints its id. Returns the exit code. */
export function proposalNew(io: Io, slug: string, o: { title: string; kind?: string; sector?: string; list?: string[]; author: string[]; date?: string }): Promise<number> {
  return inRepository(io, async (root, session) => {
    const g = await load(io, root, session);
    const date = checkDate(o.date);
    for (const a of o.author) person(g.rosterValue, a, '--author');
    const drafts = await readdir(join(root, PROPOSALS_DIR)).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? [] : Promise.reject(e)));
    const id = nextProposalId(date.slice(0, 4), slug, [...g.governance.proposals.map((p) => p.folder), ...drafts]);
    if (!new RegExp(PROPOSAL_ID).test(id)) throw usageError('cli-invalid-slug', { slug: `'${slug}'` });
    const kind = o.kind ?? 'list';
    if (!isProposalKind(kind)) throw usageError('cli-invalid-value', { option: '--kind', value: `'${kind}'` }, { hint: hint('cli-choices', { words: PROPOSAL_KINDS }) });
    const isList = kind === 'list';
    if (isList && (!o.sector || !o.list?.length)) throw usageError('cli-list-proposal-needs-lists');
    if (!isList && (o.sector || o.list?.length)) throw usageError('cli-proposal-names-no-list', { kind });
    const meta = { id, ...(isList ? {} : { kind }), title: o.title, ...(isList ? { sector: o.sector } : {}), lists: o.list ?? [], authors: o.author, stage: 'draft', history: [{ stage: 'draft', date }] };
    for (const l of o.list ?? []) if (!g.lists.some((x) => x.id === l)) throw usageError('cli-unknown-list', { list: `'${l}'` }, meant(l, g.lists.map((x) => x.id)));
    const metaPath = `${PROPOSALS_DIR}/${id}/proposal.yaml`;
    const metaText = stringify(meta);
    refuseInvalid(metaPath, metaText, 'proposal');
    await makeDirectory(join(root, PROPOSALS_DIR));
    // Its own new folder, or nothing: a draft of the same id is never written over.
    try {
      await mkdir(join(root, PROPOSALS_DIR, id));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw usageError('cli-file-exists', { path: `${PROPOSALS_DIR}/${id}` });
      throw e;
    }
    await writeFile(join(root, metaPath), metaText, { flag: 'wx' });
    const templates = recordTemplates(meta as ProposalMeta, g.lists, date, g.governance.roster?.source.text ?? '');
    for (const [name, text] of templates) await writeFile(join(root, PROPOSALS_DIR, id, name), text, { flag: 'wx' });
    io.stdout.write(`${id}\n`);
    io.stderr.write(`${say(io, 'proposal-created', { folder: `${PROPOSALS_DIR}/${id}/`, files: ['proposal.yaml', ...templates.keys()] })}\n`);
    if (isList) io.stderr.write(`${say(io, 'proposal-link-lists', { id, lists: o.list! })}\n`);
  });
}

/** What `proposal status` shows of one proposal (and prints as JSON with --json). */
interface StatusRow {
  readonly id: string;
  readonly title: string;
  readonly stage: Stage;
  readonly next: Stage | null;
  readonly signed: ReadonlyArray<{ stage: Stage; role: string; person: string; date: string }>;
  readonly reviewEnds: string | null;
  readonly todo: ReadonlyArray<{ what: Hint & { text: string }; who: readonly string[]; command: string }>;
  readonly blocking: ReadonlyArray<{ code: string; id: string; args: object; message: string }>;
  readonly recordedProblems: number;
}

/** Errors as keys, to tell the errors a transition would add from those already in the record. */
const errorKey = (d: Diagnostic) => `${d.code}|${d.span?.file}|${d.span?.offset}|${d.id}|${JSON.stringify(d.args)}`;

/**
 * Shows each proposal's stage, what is still to do before its next stage and by whom, and what
 * blocks the transition — only errors the transition itself would meet, never problems already
 * in the record (those are counted, for `proposal check`). Returns the exit code.
 */
export function proposalStatus(io: Io, id: string | undefined, o: { json?: boolean }): Promise<number> {
  return inRepository(io, async (root, session) => statusOf(io, root, await load(io, root, session), id, o, session));
}

/** `proposal status` of the loaded governance `g`, its checks sharing one session. */
async function statusOf(io: Io, root: string, g: Loaded, id: string | undefined, o: { json?: boolean }, session: CheckSession): Promise<void> {
  const ps = id ? [find(io, g, id)] : g.governance.proposals.filter((p) => p.meta?.value);
  const ctx = contextOf(g, today())!;
  const name = (who: string) => (personById(g.rosterValue, who) ? `${personById(g.rosterValue, who)!.name} (${who})` : who);
  const rows: StatusRow[] = [];
  for (const p of ps) {
    const at = p as ProposalAt;
    const meta = at.meta.value;
    const view = outlook(at, ctx);
    const recorded = (await checkGovernance(root, { only: [meta.id], session })).diagnostics.filter((d) => d.severity === 'error');
    const known = new Set(recorded.map(errorKey));
    const blocking = view.next ? (await blockers(root, meta, view.next, today(), {}, session)).filter((d) => !known.has(errorKey(d))) : [];
    const todo = todos(at, view, ctx).map((t) => ({ ...t, what: { ...t.what, text: hintText(t.what, langOf(io)) }, who: t.who.map(name) }));
    const signed = p.signoffs.flatMap((f) => (f.value ? [{ stage: f.value.stage, role: f.value.role, person: f.value.person, date: f.value.date }] : []));
    rows.push({ id: meta.id, title: meta.title, stage: meta.stage, next: view.next ?? null, signed, reviewEnds: view.reviewEnds ?? null, todo, blocking: blocking.map((d) => ({ code: d.code, id: d.id, args: d.args, message: messageOf(d, langOf(io)) })), recordedProblems: recorded.length });
  }
  if (o.json) printJson(io, id ? rows[0] : rows);
  else for (const r of rows) io.stdout.write(`${statusLines(io, r).join('\n')}\n`);
}

/** One row of `proposal status` as printed, its labels in the reader's language. */
function statusLines(io: Io, r: StatusRow): string[] {
  const lines = [`${r.id}  ${r.title}`, `  ${r.next ? say(io, 'status-stage', { stage: r.stage, next: r.next }) : say(io, 'status-stage-last', { stage: r.stage })}`];
  if (r.reviewEnds) lines.push(`  ${say(io, 'status-review-window', { date: r.reviewEnds })}`);
  if (r.signed.length) lines.push(`  ${say(io, 'status-signed', { signoffs: r.signed.map((s) => say(io, 'status-signoff', s)) })}`);
  if (r.todo.length) lines.push(`  ${say(io, 'status-todo')}`);
  for (const t of r.todo) {
    lines.push(`    - ${t.what.text}`);
    if (t.who.length) lines.push(`      ${say(io, 'status-by', { people: t.who })}`);
    if (t.command) lines.push(`      $ ${t.command}`);
  }
  for (const b of r.blocking) lines.push(`  ${say(io, 'status-blocking', { code: b.code, message: b.message })}`);
  if (r.recordedProblems) lines.push(`  ${say(io, 'status-recorded-problems', { count: r.recordedProblems, command: `qingdan proposal check ${r.id}` })}`);
  if (r.next && r.blocking.length === 0) lines.push(`  ${say(io, 'status-ready', { command: `qingdan proposal advance ${r.id}` })}`);
  return lines;
}

/** Moves a proposal to its next stage (or `o.to`) and updates its lists' status. Returns the exit code. */
export function proposalAdvance(io: Io, id: string, o: { to?: string; date?: string; receipt?: string; filingDate?: string; supersededBy?: string; note?: string }): Promise<number> {
  return inRepository(io, async (root, session) => {
    const { g, p, meta, date } = await openProposal(io, root, session, id, o.date);
    const to = o.to ?? nextStage(meta.stage, meta.kind);
    if (!to) throw usageError('cli-nothing-follows', { id: meta.id, stage: meta.stage });
    if (!isStage(to)) throw usageError('cli-invalid-value', { option: '--to', value: `'${to}'` }, { hint: hint('cli-choices', { words: STAGES }) });
    const set: Record<string, unknown> = {};
    if (o.receipt) set.filing = { receipt: o.receipt, date: checkDate(o.filingDate ?? date, '--filing-date') };
    if (o.supersededBy) set.supersededBy = o.supersededBy;
    const blocked = await blockers(root, meta, to, date, set as Partial<ProposalMeta>, session);
    if (blocked.length) {
      printDiagnostics(io, blocked, new Map(g.sources.map((s) => [s.path, s.text])));
      io.stderr.write(`${say(io, 'proposal-blocked', { id: meta.id, stage: to })}\n`);
      return EXIT.policyErrors;
    }
    const status = listStatusFor(to)[0]!;
    const edits = await listStatusEdits(root, meta.id, status);
    // Entering in-force, a governance proposal's roster becomes the roster.
    const roster = meta.kind === 'governance' && to === 'in-force' ? await rosterEdits(root, meta.id) : [];
    await appendHistory(root, p, to, date, set, o.note);
    const files = await writeEdits(root, edits);
    await writeEdits(root, roster);
    io.stderr.write(`${say(io, 'proposal-advanced', { id: meta.id, from: meta.stage, to })}\n`);
    if (files.length) io.stderr.write(`${say(io, 'lists-now-status', { files, status })}\n`);
    if (roster.length) io.stderr.write(`${say(io, 'roster-enacted', { path: ROSTER_PATH, id: meta.id })}\n`);
  });
}

/** Records a comment, or a concern that blocks approval, on a target the proposal's lists have. Returns the exit code. */
export function proposalComment(io: Io, id: string, o: { target: string; text: string; author?: string; person?: string; concern?: boolean; date?: string }): Promise<number> {
  return inRepository(io, async (root, session) => {
    const { g, p, meta, date } = await openProposal(io, root, session, id, o.date);
    if ((meta.kind ?? 'list') === 'list') {
      const targets = proposalTargets(meta, g.lists);
      if (!targets.includes(o.target)) throw usageError('cli-unknown-target', { target: `'${o.target}'`, id: meta.id }, meant(o.target, targets));
    }
    const kind = o.concern ? 'concern' : 'comment';
    const folder = RECORD_KINDS[kind].folder;
    // Numbered after the committed records and any not yet committed, so none is overwritten.
    const onDisk = existsSync(join(root, p.dir, folder)) ? (await readdir(join(root, p.dir, folder))).map((n) => `${p.dir}/${folder}/${n}`) : [];
    const record = nextRecordId(kind, [...(kind === 'concern' ? p.concerns : p.comments).map((c) => c.path), ...onDisk]);
    const file = join(p.dir, folder, `${record}.yaml`);
    if (o.concern) {
      const raiser = person(g.rosterValue, o.person, '--person');
      if (!isActive(meta.stage) || meta.stage === 'in-force') throw usageError('cli-proposal-closed', { id: meta.id, stage: meta.stage });
      await makeDirectory(join(root, p.dir, folder));
      await writeRecord(root, file, stringify({ raisedBy: raiser.id, date, target: o.target, text: o.text }), 'concern', 'wx');
      io.stdout.write(`${record}\n`);
      io.stderr.write(`${say(io, 'concern-recorded', { record, file })}\n`);
      if (meta.stage === 'approved' || meta.stage === 'filed') {
        const edits = await listStatusEdits(root, meta.id, 'consultation');
        await appendHistory(root, p, 'review', date, {}, `concern ${record}`);
        await writeEdits(root, edits);
        io.stderr.write(`${say(io, 'concern-sends-back', { id: meta.id, from: meta.stage, to: 'review' })}\n`);
      }
      return;
    }
    if (!o.author && !o.person) throw usageError('cli-author-or-person');
    const who = o.person ? person(g.rosterValue, o.person, '--person') : undefined;
    await makeDirectory(join(root, p.dir, folder));
    await writeRecord(root, file, stringify({ author: o.author ?? who!.name, ...(who ? { person: who.id } : {}), date, target: o.target, text: o.text }), 'comment', 'wx');
    io.stdout.write(`${record}\n`);
    io.stderr.write(`${say(io, 'comment-recorded', { record, file })}\n`);
  });
}

/** Gives a comment its disposition, or resolves a concern. Returns the exit code. */
export function proposalResolve(io: Io, id: string, item: string, o: { decision?: string; reason?: string; by: string; note?: string; asChair?: boolean; date?: string }): Promise<number> {
  return inRepository(io, async (root, session) => {
    const { g, p, date } = await openProposal(io, root, session, id, o.date);
    const by = person(g.rosterValue, o.by, '--by');
    const found = findRecord(item, p);
    if ('error' in found) {
      throw found.error === 'ambiguous'
        ? usageError('cli-record-ambiguous', { record: `'${item}'`, ids: found.ids })
        : usageError('cli-unknown-record', { record: `'${item}'`, folder: p.dir }, found.known.length ? { hint: hint('existing-records', { words: found.known }) } : {});
    }
    const concern = 'concern' in found ? found.concern : undefined;
    const target = 'concern' in found ? found.concern : found.comment;
    const doc = parseDocument(await readFile(join(root, target.path), 'utf8'));
    if (!isMap(doc.contents)) throw usageError('cli-not-a-mapping', { path: target.path });
    if (concern) {
      const chair = g.rosterValue.chair;
      if (o.asChair && !chair) throw usageError('cli-no-chair');
      if (o.asChair && chair && !by.roles.includes(chair)) throw usageError('cli-not-chair', { person: by.id, role: chair });
      if (!o.asChair && concern.value && concern.value.raisedBy !== by.id) throw usageError('cli-not-raiser', { raiser: concern.value.raisedBy }, { hint: hint('raiser-resolves') });
      if (!o.note) throw usageError('cli-note-required');
      doc.set('resolution', { by: by.id, date, note: o.note, ...(o.asChair ? { asChair: true } : {}) });
    } else {
      const choices = { hint: hint('cli-choices', { words: DECISIONS }) };
      if (!o.decision) throw usageError('cli-decision-required', {}, choices);
      if (!(DECISIONS as readonly string[]).includes(o.decision)) throw usageError('cli-invalid-value', { option: '--decision', value: `'${o.decision}'` }, choices);
      if (o.decision !== 'accepted' && !o.reason) throw usageError('cli-reason-required', { decision: o.decision });
      doc.set('disposition', { decision: o.decision, ...(o.reason ? { reason: o.reason } : {}), date, by: by.id });
    }
    await writeRecord(root, target.path, doc.toString(), concern ? 'concern' : 'comment');
    io.stderr.write(`${say(io, 'record-updated', { path: target.path })}\n`);
  });
}

/** Writes a sign-off record. Returns the exit code. */
export function proposalSign(io: Io, id: string, o: { stage: string; role: string; person: string; date?: string; note?: string }): Promise<number> {
  return inRepository(io, async (root, session) => {
    const { g, p, meta, date } = await openProposal(io, root, session, id, o.date);
    if (!(SIGNED_STAGES as readonly string[]).includes(o.stage)) throw usageError('cli-invalid-value', { option: '--stage', value: `'${o.stage}'` }, { hint: hint('cli-choices', { words: SIGNED_STAGES }) });
    const who = person(g.rosterValue, o.person, '--person');
    const roles = Object.keys(g.rosterValue.roles);
    if (!g.rosterValue.roles[o.role]) throw usageError('cli-unknown-role', { role: `'${o.role}'` }, { hint: hint('roles-are', { words: roles }) });
    if (!who.roles.includes(o.role)) throw usageError('cli-role-not-held', { person: who.id, role: o.role }, { hint: hint('holds-roles', { person: who.id, words: who.roles }) });
    if (meta.authors.includes(who.id)) throw usageError('cli-self-signoff', { person: who.id, id: meta.id }, { hint: hint('no-self-signoff') });
    if (!who.key) throw usageError('cli-no-key', { person: who.id }, { hint: hint('enrol-key') });
    // The sign-off binds what HEAD holds: the content its stage covers, as committed.
    const digest = stageDigest(p, g, o.stage as Stage);
    const record = { proposal: meta.id, stage: o.stage, role: o.role, person: who.id, date, digest, ...(o.note ? { note: o.note } : {}) };
    const name = signoffFileName(record as { stage: Stage; role: string; person: string });
    await makeDirectory(join(root, p.dir, 'signoffs'));
    await writeRecord(root, join(p.dir, 'signoffs', name), stringify(record), 'signoff');
    io.stderr.write(`${say(io, 'file-written', { path: `${p.dir}/signoffs/${name}` })}\n`);
    io.stderr.write(`${say(io, 'signoff-commit', { name: who.name, email: who.email, command: '`git -c gpg.format=ssh -c user.signingkey=<key> commit -S`' })}\n`);
  });
}

/** Checks proposals (default: all) with every governance rule. Returns the exit code. */
export function proposalCheck(io: Io, ids: string[], o: { history: boolean; json?: boolean }): Promise<number> {
  return guarded(io, async () => {
    const report = await checkGovernance(io.cwd, { noHistory: !o.history, ...(ids.length ? { only: ids } : {}) });
    if (ids.length && !report.governance.proposals.some((p) => ids.includes(p.folder))) throw usageError('cli-unknown-proposals', { ids });
    return reportGovernance(io, report, o.json);
  });
}
