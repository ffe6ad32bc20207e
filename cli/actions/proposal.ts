/**
 * `qingdan proposal new|status|advance|comment|resolve|sign|check`: drafting a list through the
 * stages of measures Art. 9. Commands write files; committing them (as yourself, signed when
 * the roster holds your key) is up to you, and `governance check` verifies who did.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import { hintText, messageOf, type Diagnostic, type Hint } from '../../compiler/diagnostics.js';
import { EditError, setListStatus } from '../../compiler/edit.js';
import { checkGovernance, signoffFileName, type GovernanceReport } from '../../compiler/governance/check.js';
import { stageDigest } from '../../compiler/governance/digest.js';
import { parsePolicyFile } from '../../compiler/governance/lists.js';
import { PROPOSALS_DIR, type LoadedProposal } from '../../compiler/governance/load.js';
import { personById, type ProposalMeta, type Roster } from '../../compiler/governance/model.js';
import { findRecord, nextRecordId, RECORD_KINDS } from '../../compiler/governance/record-ids.js';
import { PROPOSAL_ID } from '../../compiler/governance/schemas.js';
import { proposalTargets } from '../../compiler/governance/targets.js';
import { recordTemplates } from '../../compiler/governance/templates.js';
import { contextOf, outlook, todos } from '../../compiler/governance/todo.js';
import type { ProposalAt } from '../../compiler/governance/context.js';
import { didYouMean } from '../../compiler/suggest.js';
import { isActive, isStage, listStatusFor, nextStage, SIGNED_STAGES, transitionError, type Stage } from '../../compiler/governance/stages.js';
import { EXIT } from '../exit.js';
import { langOf, type Io } from '../io.js';
import { printDiagnostics, printJson } from '../output.js';
import { reportGovernance } from './governance.js';

class UsageError extends Error {}

const today = () => new Date().toISOString().slice(0, 10);

function checkDate(d: string | undefined): string {
  const date = d ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new UsageError(`invalid date '${date}' (YYYY-MM-DD)`);
  return date;
}

type Loaded = GovernanceReport & { rosterValue: Roster };

/** The committed governance (HEAD's git objects, without the history walk): what every command starts from. */
async function load(io: Io, root: string): Promise<Loaded> {
  const g = await checkGovernance(root, { noHistory: true });
  const failed = g.diagnostics.filter((d) => d.code.startsWith('QD4'));
  if (failed.length || !g.governance.roster?.value) {
    printDiagnostics(io, failed.length ? failed : g.governance.diagnostics, new Map(g.sources.map((s) => [s.path, s.text])));
    throw new UsageError(failed.length ? 'cannot read the committed governance files' : 'the roster policy/governance/roster.yaml is missing or invalid');
  }
  return { ...g, rosterValue: g.governance.roster.value };
}

function find(io: Io, g: Loaded, id: string): LoadedProposal & { meta: NonNullable<LoadedProposal['meta']> } {
  const p = g.governance.proposals.find((x) => x.folder === id || x.meta?.value?.id === id);
  if (!p) throw new UsageError(`no proposal '${id}' under ${PROPOSALS_DIR}/ at HEAD (commit it first)`);
  if (!p.meta?.value) {
    printDiagnostics(io, g.governance.diagnostics.filter((d) => d.span?.file.startsWith(`${p.dir}/`)), new Map(g.sources.map((s) => [s.path, s.text])));
    throw new UsageError(`proposal '${id}' has invalid metadata; fix it first`);
  }
  return p as LoadedProposal & { meta: NonNullable<LoadedProposal['meta']> };
}

/** What a command on one proposal starts from: the project root, its governance, the proposal and the date given. */
async function openProposal(io: Io, id: string, date: string | undefined) {
  const root = io.cwd;
  const g = await load(io, root);
  const p = find(io, g, id);
  return { root, g, p, meta: p.meta.value!, date: checkDate(date) };
}

function person(roster: Roster, id: string | undefined, flag: string) {
  if (!id) throw new UsageError(`${flag} <person> is required`);
  const p = personById(roster, id);
  if (!p) throw new UsageError(`unknown person '${id}': not in policy/governance/roster.yaml`);
  return p;
}

/**
 * What stops `meta` from going to `to` on `date`: every error the governance engine finds about
 * this proposal once the transition is added to its history (the very rules `governance check`
 * runs, history and signatures included).
 */
export async function blockers(root: string, meta: ProposalMeta, to: Stage, date: string, extra: Partial<ProposalMeta> = {}): Promise<Diagnostic[]> {
  const why = transitionError(meta.stage, to, meta.kind);
  if (why) throw new UsageError(`${meta.id} cannot go from ${meta.stage} to ${to}: ${why}`);
  const hypothetical: ProposalMeta = { ...meta, ...extra, stage: to, history: [...meta.history, { stage: to, date }] };
  if (to === 'superseded' && !hypothetical.supersededBy) throw new UsageError('--superseded-by <id> is required to supersede a proposal');
  const report = await checkGovernance(root, { hypothetical, only: [meta.id] });
  // The lists' status is what the transition itself rewrites.
  return report.diagnostics.filter((d) => d.severity === 'error' && d.id !== 'list-status-mismatch');
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

/** Writes the edits of `listStatusEdits`; returns the files changed. */
async function writeEdits(root: string, edits: ReadonlyArray<{ path: string; text: string }>): Promise<string[]> {
  for (const e of edits) await writeFile(join(root, e.path), e.text);
  return edits.map((e) => e.path);
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
  await writeFile(path, doc.toString());
}

/** ` (did you mean …?)` when there is a suggestion. */
/** A usage error's did-you-mean, in English like the usage errors themselves. */
const suffix = (hint: Hint | undefined) => (hint ? ` (${hintText(hint, 'en')})` : '');

/** Runs a proposal command; a UsageError becomes its message and exit code 2. */
async function guarded(io: Io, body: () => Promise<number | void>): Promise<number> {
  try {
    return (await body()) ?? EXIT.ok;
  } catch (e) {
    if (e instanceof EditError) {
      printDiagnostics(io, e.diagnostics, new Map());
      io.stderr.write(`qingdan: ${e.message}\n`);
      return EXIT.policyErrors;
    }
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`qingdan: ${e.message}\n`);
    return EXIT.usage;
  }
}

/** Creates a proposal at the draft stage; prints its id. Returns the exit code. */
export function proposalNew(io: Io, slug: string, o: { title: string; kind?: string; sector?: string; list?: string[]; author: string[]; date?: string }): Promise<number> {
  return guarded(io, async () => {
    const root = io.cwd;
    const g = await load(io, root);
    const date = checkDate(o.date);
    for (const a of o.author) person(g.rosterValue, a, '--author');
    const year = date.slice(0, 4);
    const n = Math.max(0, ...g.governance.proposals.map((p) => (p.folder.startsWith(`${year}-`) ? Number(p.folder.slice(5, 9)) : 0))) + 1;
    const id = `${year}-${String(n).padStart(4, '0')}-${slug}`;
    if (!new RegExp(PROPOSAL_ID).test(id)) throw new UsageError(`'${slug}' is not a valid slug (lower-case letters, digits, hyphens)`);
    const kind = o.kind ?? 'list';
    if (!['list', 'baseline', 'governance'].includes(kind)) throw new UsageError(`unknown kind '${kind}': list, baseline or governance`);
    const isList = kind === 'list';
    if (isList && (!o.sector || !o.list?.length)) throw new UsageError('a list proposal needs --sector and --list');
    if (!isList && (o.sector || o.list?.length)) throw new UsageError(`a ${kind} proposal names no sector and no list`);
    const meta = { id, ...(isList ? {} : { kind }), title: o.title, ...(isList ? { sector: o.sector } : {}), lists: o.list ?? [], authors: o.author, stage: 'draft', history: [{ stage: 'draft', date }] };
    await mkdir(join(root, PROPOSALS_DIR, id), { recursive: true });
    for (const l of o.list ?? []) if (!g.lists.some((x) => x.id === l)) throw new UsageError(`unknown list '${l}'${suffix(didYouMean(l, g.lists.map((x) => x.id)))}`);
    await writeFile(join(root, PROPOSALS_DIR, id, 'proposal.yaml'), stringify(meta));
    const templates = recordTemplates(meta as ProposalMeta, g.lists, date);
    for (const [name, text] of templates) await writeFile(join(root, PROPOSALS_DIR, id, name), text);
    io.stdout.write(`${id}\n`);
    io.stderr.write(`created ${PROPOSALS_DIR}/${id}/: proposal.yaml, ${[...templates.keys()].join(', ')} (templates: fill in every 待填写)${isList ? `; add proposal "${id}" to the list(s) ${o.list!.join(', ')}` : ''}\n`);
  });
}

/** Errors as keys, to tell the errors a transition would add from those already in the record. */
const errorKey = (d: Diagnostic) => `${d.code}|${d.span?.file}|${d.span?.offset}|${d.id}|${JSON.stringify(d.args)}`;

/**
 * Shows each proposal's stage, what is still to do before its next stage and by whom, and what
 * blocks the transition — only errors the transition itself would meet, never problems already
 * in the record (those are counted, for `proposal check`). Returns the exit code.
 */
export function proposalStatus(io: Io, id: string | undefined, o: { json?: boolean }): Promise<number> {
  return guarded(io, async () => {
    const g = await load(io, io.cwd);
    const ps = id ? [find(io, g, id)] : g.governance.proposals.filter((p) => p.meta?.value);
    const ctx = contextOf(g, today())!;
    const name = (who: string) => (personById(g.rosterValue, who) ? `${personById(g.rosterValue, who)!.name} (${who})` : who);
    const rows = [];
    for (const p of ps) {
      const at = p as ProposalAt;
      const meta = at.meta.value;
      const view = outlook(at, ctx);
      const recorded = (await checkGovernance(io.cwd, { only: [meta.id] })).diagnostics.filter((d) => d.severity === 'error');
      const known = new Set(recorded.map(errorKey));
      const blocking = view.next ? (await blockers(io.cwd, meta, view.next, today())).filter((d) => !known.has(errorKey(d))) : [];
      const todo = todos(at, view, ctx).map((t) => ({ ...t, who: t.who.map(name) }));
      const signed = p.signoffs.flatMap((f) => (f.value ? [`${f.value.stage}: ${f.value.role} ${f.value.person} (${f.value.date})`] : []));
      rows.push({ id: meta.id, title: meta.title, stage: meta.stage, next: view.next ?? null, signed, reviewEnds: view.reviewEnds ?? null, todo, blocking: blocking.map((d) => ({ code: d.code, id: d.id, args: d.args, message: messageOf(d, langOf(io)) })), recordedProblems: recorded.length });
    }
    if (o.json) printJson(io, id ? rows[0] : rows);
    else
      for (const r of rows) {
        const lines = [`${r.id}  ${r.title}`, `  stage: ${r.stage}${r.next ? ` → next: ${r.next}` : ' (end of its path)'}`];
        if (r.reviewEnds) lines.push(`  review window: until ${r.reviewEnds}`);
        if (r.signed.length) lines.push(`  signed: ${r.signed.join('; ')}`);
        if (r.todo.length) lines.push('  to do:');
        for (const t of r.todo) lines.push(`    - ${t.what}${t.who.length ? `\n      by: ${t.who.join(' or ')}` : ''}${t.command ? `\n      $ ${t.command}` : ''}`);
        for (const b of r.blocking) lines.push(`  blocking: ${b.code} ${b.message}`);
        if (r.recordedProblems) lines.push(`  problems already in the record: ${r.recordedProblems} (qingdan proposal check ${r.id})`);
        if (r.next && r.blocking.length === 0) lines.push(`  ready: qingdan proposal advance ${r.id}`);
        io.stdout.write(`${lines.join('\n')}\n`);
      }
  });
}

/** Moves a proposal to its next stage (or `o.to`) and updates its lists' status. Returns the exit code. */
export function proposalAdvance(io: Io, id: string, o: { to?: string; date?: string; receipt?: string; filingDate?: string; supersededBy?: string; note?: string }): Promise<number> {
  return guarded(io, async () => {
    const { root, g, p, meta, date } = await openProposal(io, id, o.date);
    const to = o.to ?? nextStage(meta.stage, meta.kind);
    if (!to || !isStage(to)) throw new UsageError(o.to ? `unknown stage '${o.to}'` : `${meta.id} is at ${meta.stage}; nothing follows`);
    const set: Record<string, unknown> = {};
    if (o.receipt) set.filing = { receipt: o.receipt, date: checkDate(o.filingDate ?? date) };
    if (o.supersededBy) set.supersededBy = o.supersededBy;
    const blocked = await blockers(root, meta, to, date, set as Partial<ProposalMeta>);
    if (blocked.length) {
      printDiagnostics(io, blocked, new Map(g.sources.map((s) => [s.path, s.text])));
      io.stderr.write(`${meta.id} cannot advance to ${to}\n`);
      return EXIT.policyErrors;
    }
    const status = listStatusFor(to)[0]!;
    const edits = await listStatusEdits(root, meta.id, status);
    await appendHistory(root, p, to, date, set, o.note);
    const files = await writeEdits(root, edits);
    io.stderr.write(`${meta.id}: ${meta.stage} → ${to}${files.length ? `; ${files.join(', ')} now status ${status}` : ''}\n`);
  });
}

/** Records a comment, or a concern that blocks approval, on a target the proposal's lists have. Returns the exit code. */
export function proposalComment(io: Io, id: string, o: { target: string; text: string; author?: string; person?: string; concern?: boolean; date?: string }): Promise<number> {
  return guarded(io, async () => {
    const { root, g, p, meta, date } = await openProposal(io, id, o.date);
    if ((meta.kind ?? 'list') === 'list') {
      const targets = proposalTargets(meta, g.lists);
      if (!targets.includes(o.target)) throw new UsageError(`unknown target '${o.target}': not a list of ${meta.id} or an item of one${suffix(didYouMean(o.target, targets))}`);
    }
    const kind = o.concern ? 'concern' : 'comment';
    const folder = RECORD_KINDS[kind].folder;
    // Numbered after the committed records and any not yet committed, so none is overwritten.
    const onDisk = existsSync(join(root, p.dir, folder)) ? (await readdir(join(root, p.dir, folder))).map((n) => `${p.dir}/${folder}/${n}`) : [];
    const record = nextRecordId(kind, [...(kind === 'concern' ? p.concerns : p.comments).map((c) => c.path), ...onDisk]);
    const file = join(p.dir, folder, `${record}.yaml`);
    if (o.concern) {
      const raiser = person(g.rosterValue, o.person, '--person');
      if (!isActive(meta.stage) || meta.stage === 'in-force') throw new UsageError(`${meta.id} is ${meta.stage}; open a new proposal that replaces it instead`);
      await mkdir(join(root, p.dir, folder), { recursive: true });
      await writeFile(join(root, file), stringify({ raisedBy: raiser.id, date, target: o.target, text: o.text }), { flag: 'wx' });
      io.stdout.write(`${record}\n`);
      io.stderr.write(`recorded concern ${record} in ${file}\n`);
      if (meta.stage === 'approved' || meta.stage === 'filed') {
        const edits = await listStatusEdits(root, meta.id, 'consultation');
        await appendHistory(root, p, 'review', date, {}, `concern ${record}`);
        await writeEdits(root, edits);
        io.stderr.write(`${meta.id}: ${meta.stage} → review (a new concern sends it back to review)\n`);
      }
      return;
    }
    if (!o.author && !o.person) throw new UsageError('--author <name> or --person <id> is required');
    const who = o.person ? person(g.rosterValue, o.person, '--person') : undefined;
    await mkdir(join(root, p.dir, folder), { recursive: true });
    await writeFile(join(root, file), stringify({ author: o.author ?? who!.name, ...(who ? { person: who.id } : {}), date, target: o.target, text: o.text }), { flag: 'wx' });
    io.stdout.write(`${record}\n`);
    io.stderr.write(`recorded comment ${record} in ${file}\n`);
  });
}

/** Gives a comment its disposition, or resolves a concern. Returns the exit code. */
export function proposalResolve(io: Io, id: string, item: string, o: { decision?: string; reason?: string; by: string; note?: string; asChair?: boolean; date?: string }): Promise<number> {
  return guarded(io, async () => {
    const { root, g, p, date } = await openProposal(io, id, o.date);
    const by = person(g.rosterValue, o.by, '--by');
    const found = findRecord(item, p);
    if ('error' in found) throw new UsageError(`${found.error} in ${p.dir}`);
    const concern = 'concern' in found ? found.concern : undefined;
    const target = 'concern' in found ? found.concern : found.comment;
    const file = join(root, target.path);
    const doc = parseDocument(await readFile(file, 'utf8'));
    if (!isMap(doc.contents)) throw new UsageError(`${target.path} is not a YAML mapping`);
    if (concern) {
      const chair = g.rosterValue.chair;
      if (o.asChair && !(chair && by.roles.includes(chair))) throw new UsageError(`${by.id} does not hold the chair role${chair ? ` ${chair}` : ' (the roster names none)'}`);
      if (!o.asChair && concern.value && concern.value.raisedBy !== by.id) throw new UsageError(`only ${concern.value.raisedBy}, who raised it, or the chair (--as-chair) may resolve this concern`);
      if (!o.note) throw new UsageError('--note <text> is required to resolve a concern');
      doc.set('resolution', { by: by.id, date, note: o.note, ...(o.asChair ? { asChair: true } : {}) });
    } else {
      if (!o.decision || !['accepted', 'partly', 'rejected'].includes(o.decision)) throw new UsageError('--decision accepted|partly|rejected is required');
      if (o.decision !== 'accepted' && !o.reason) throw new UsageError(`--reason is required for ${o.decision}`);
      doc.set('disposition', { decision: o.decision, ...(o.reason ? { reason: o.reason } : {}), date, by: by.id });
    }
    await writeFile(file, doc.toString());
    io.stderr.write(`updated ${target.path}\n`);
  });
}

/** Writes a sign-off record. Returns the exit code. */
export function proposalSign(io: Io, id: string, o: { stage: string; role: string; person: string; date?: string; note?: string }): Promise<number> {
  return guarded(io, async () => {
    const { root, g, p, meta, date } = await openProposal(io, id, o.date);
    if (!(SIGNED_STAGES as readonly string[]).includes(o.stage)) throw new UsageError(`stage '${o.stage}' is not signed; signed stages: ${SIGNED_STAGES.join(', ')}`);
    const who = person(g.rosterValue, o.person, '--person');
    if (!g.rosterValue.roles[o.role]) throw new UsageError(`unknown role '${o.role}'`);
    if (!who.roles.includes(o.role)) throw new UsageError(`${who.id} does not hold the role ${o.role}`);
    if (meta.authors.includes(who.id)) throw new UsageError(`${who.id} is an author of ${meta.id}; nobody signs their own proposal`);
    if (!who.key) throw new UsageError(`${who.id} has no key in the roster; enrol it through a governance proposal before signing`);
    // The sign-off binds what HEAD holds: the content its stage covers, as committed.
    const digest = stageDigest(p, g.lists, o.stage as Stage);
    const record = { proposal: meta.id, stage: o.stage, role: o.role, person: who.id, date, digest, ...(o.note ? { note: o.note } : {}) };
    const name = signoffFileName(record as { stage: Stage; role: string; person: string });
    await mkdir(join(root, p.dir, 'signoffs'), { recursive: true });
    await writeFile(join(root, p.dir, 'signoffs', name), stringify(record));
    io.stderr.write(`wrote ${p.dir}/signoffs/${name}\ncommit it as ${who.name} <${who.email}>, signed with your registered key: git -c gpg.format=ssh -c user.signingkey=<key> commit -S\n`);
  });
}

/** Checks proposals (default: all) with every governance rule. Returns the exit code. */
export function proposalCheck(io: Io, ids: string[], o: { history: boolean; json?: boolean }): Promise<number> {
  return guarded(io, async () => {
    const report = await checkGovernance(io.cwd, { noHistory: !o.history, ...(ids.length ? { only: ids } : {}) });
    if (ids.length && !report.governance.proposals.some((p) => ids.includes(p.folder))) throw new UsageError(`no proposal ${ids.join(', ')}`);
    return reportGovernance(io, report, o.json);
  });
}
