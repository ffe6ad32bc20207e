/**
 * `qingdan proposal new|status|advance|comment|resolve|sign|check`: drafting a list through the
 * stages of measures Art. 9. Commands write files; committing them (as yourself, signed when
 * the roster holds your key) is up to you, and `governance check` verifies who did.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import { hasErrors, type Diagnostic } from '../../compiler/diagnostics.js';
import {
  checkCommentsDisposed,
  checkConcerns,
  checkFiling,
  checkGates,
  checkGovernance,
  checkReviewWindow,
  checkStageRecords,
  signoffFileName,
} from '../../compiler/governance/check.js';
import { loadGovernance, PROPOSALS_DIR, type Governance, type LoadedProposal } from '../../compiler/governance/load.js';
import { personById, requiredRoles, type ProposalMeta, type Roster } from '../../compiler/governance/model.js';
import { PROPOSAL_ID } from '../../compiler/governance/schemas.js';
import { gateStages, isActive, isStage, listStatusFor, nextStage, SIGNED_STAGES, transitionError, type Stage } from '../../compiler/governance/stages.js';
import { EXIT } from '../exit.js';
import type { Io } from '../io.js';
import { printDiagnostics, printJson } from '../output.js';
import { reportGovernance } from './governance.js';

class UsageError extends Error {}

const today = () => new Date().toISOString().slice(0, 10);

function checkDate(d: string | undefined): string {
  const date = d ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new UsageError(`invalid date '${date}' (YYYY-MM-DD)`);
  return date;
}

async function load(io: Io, root: string): Promise<Governance & { rosterValue: Roster }> {
  const g = await loadGovernance(root);
  if (!g.roster?.value) {
    printDiagnostics(io, g.diagnostics, new Map(g.sources.map((s) => [s.path, s.text])));
    throw new UsageError('the roster policy/governance/roster.yaml is missing or invalid');
  }
  return { ...g, rosterValue: g.roster.value };
}

function find(io: Io, g: Governance, id: string): LoadedProposal & { meta: NonNullable<LoadedProposal['meta']> } {
  const p = g.proposals.find((x) => x.folder === id || x.meta?.value?.id === id);
  if (!p) throw new UsageError(`no proposal '${id}' under ${PROPOSALS_DIR}/`);
  if (!p.meta?.value) {
    printDiagnostics(io, g.diagnostics.filter((d) => d.span?.file.startsWith(`${p.dir}/`)), new Map(g.sources.map((s) => [s.path, s.text])));
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

/** What stops `p` from going to `to` (using the same rules as `governance check`). */
export function blockers(p: LoadedProposal, roster: Roster, to: Stage, date: string, extra: Partial<ProposalMeta> = {}): Diagnostic[] {
  const meta = p.meta!.value!;
  const from = meta.stage;
  const hypothetical: ProposalMeta = { ...meta, ...extra, stage: to, history: [...meta.history, { stage: to, date }] };
  const q: LoadedProposal = { ...p, meta: { ...p.meta!, value: hypothetical } };
  const why = transitionError(from, to);
  const out: Diagnostic[] = [];
  if (why) throw new UsageError(`${meta.id} cannot go from ${from} to ${to}: ${why}`);
  if (to === 'superseded' && !hypothetical.supersededBy) throw new UsageError('--superseded-by <id> is required to supersede a proposal');
  out.push(...checkGates(q, roster).filter((d) => d.span && d.message.includes(`entered ${to} `)));
  out.push(...checkReviewWindow(q, roster), ...checkCommentsDisposed(q), ...checkConcerns(q, roster), ...checkStageRecords(q), ...checkFiling(q));
  return out.filter((d) => d.severity === 'error');
}

/** Sets every list that names `id` to `status` in its .qd file; returns the files changed. */
async function setListStatus(root: string, id: string, status: string): Promise<string[]> {
  const changed: string[] = [];
  const dir = join(root, 'policy', 'lists');
  if (!existsSync(dir)) return changed;
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.qd'))) {
    const file = join(dir, name);
    const text = await readFile(file, 'utf8');
    if (!new RegExp(`^\\s*proposal\\s+"${id.replace(/[-]/g, '\\-')}"`, 'm').test(text)) continue;
    const next = text.replace(/^(\s*status\s+)[\w-]+/m, `$1${status}`);
    if (next !== text) {
      await writeFile(file, next);
      changed.push(`policy/lists/${name}`);
    }
  }
  return changed;
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

async function nextNumber(root: string, dir: string): Promise<string> {
  const names = existsSync(join(root, dir)) ? await readdir(join(root, dir)) : [];
  const max = Math.max(0, ...names.map((n) => Number(n.match(/^(\d+)/)?.[1] ?? 0)));
  return String(max + 1).padStart(3, '0');
}

/** Runs a proposal command; a UsageError becomes its message and exit code 2. */
async function guarded(io: Io, body: () => Promise<number | void>): Promise<number> {
  try {
    return (await body()) ?? EXIT.ok;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`qingdan: ${e.message}\n`);
    return EXIT.usage;
  }
}

/** Creates a proposal at the draft stage; prints its id. Returns the exit code. */
export function proposalNew(io: Io, slug: string, o: { title: string; sector: string; list: string[]; author: string[]; date?: string }): Promise<number> {
  return guarded(io, async () => {
    const root = io.cwd;
    const g = await load(io, root);
    const date = checkDate(o.date);
    for (const a of o.author) person(g.rosterValue, a, '--author');
    const year = date.slice(0, 4);
    const n = Math.max(0, ...g.proposals.map((p) => (p.folder.startsWith(`${year}-`) ? Number(p.folder.slice(5, 9)) : 0))) + 1;
    const id = `${year}-${String(n).padStart(4, '0')}-${slug}`;
    if (!new RegExp(PROPOSAL_ID).test(id)) throw new UsageError(`'${slug}' is not a valid slug (lower-case letters, digits, hyphens)`);
    const meta = { id, title: o.title, sector: o.sector, lists: o.list, authors: o.author, stage: 'draft', history: [{ stage: 'draft', date }] };
    await mkdir(join(root, PROPOSALS_DIR, id), { recursive: true });
    await writeFile(join(root, PROPOSALS_DIR, id, 'proposal.yaml'), stringify(meta));
    io.stdout.write(`${id}\n`);
    io.stderr.write(`created ${PROPOSALS_DIR}/${id}/proposal.yaml; add proposal "${id}" to the list(s) ${o.list.join(', ')}\n`);
  });
}

/** Shows a proposal's stage and what it needs to move on. Returns the exit code. */
export function proposalStatus(io: Io, id: string | undefined, o: { json?: boolean }): Promise<number> {
  return guarded(io, async () => {
    const g = await load(io, io.cwd);
    const ps = id ? [find(io, g, id)] : g.proposals.filter((p) => p.meta?.value);
    const rows = ps.map((p) => {
      const meta = p.meta!.value!;
      const next = nextStage(meta.stage);
      const needs = next ? blockers(p, g.rosterValue, next, today()).map((d) => `${d.code} ${d.message}`) : [];
      const signed = p.signoffs.flatMap((f) => (f.value ? [`${f.value.stage}: ${f.value.role} ${f.value.person} (${f.value.date})`] : []));
      const required = next ? gateStages(meta.stage, next).flatMap((s) => requiredRoles(g.rosterValue, meta.sector, s).map((r) => `${s}: ${r}`)) : [];
      return { id: meta.id, title: meta.title, stage: meta.stage, next: next ?? null, required, signed, needs, openConcerns: p.concerns.filter((c) => c.value && !c.value.resolution).map((c) => c.path), undisposedComments: p.comments.filter((c) => c.value && !c.value.disposition).map((c) => c.path) };
    });
    if (o.json) printJson(io, id ? rows[0] : rows);
    else
      for (const r of rows) {
        const lines = [`${r.id}  ${r.title}`, `  stage: ${r.stage}${r.next ? ` → next: ${r.next}` : ''}`];
        if (r.required.length) lines.push(`  sign-offs required: ${r.required.join('; ')}`);
        if (r.signed.length) lines.push(`  signed: ${r.signed.join('; ')}`);
        if (r.undisposedComments.length) lines.push(`  comments without disposition: ${r.undisposedComments.length}`);
        if (r.openConcerns.length) lines.push(`  open concerns: ${r.openConcerns.join(', ')}`);
        for (const n of r.needs) lines.push(`  needs: ${n}`);
        if (r.next && r.needs.length === 0) lines.push(`  ready: qingdan proposal advance ${r.id}`);
        io.stdout.write(`${lines.join('\n')}\n`);
      }
  });
}

/** Moves a proposal to its next stage (or `o.to`) and updates its lists' status. Returns the exit code. */
export function proposalAdvance(io: Io, id: string, o: { to?: string; date?: string; receipt?: string; filingDate?: string; supersededBy?: string; note?: string }): Promise<number> {
  return guarded(io, async () => {
    const { root, g, p, meta, date } = await openProposal(io, id, o.date);
    const to = o.to ?? nextStage(meta.stage);
    if (!to || !isStage(to)) throw new UsageError(o.to ? `unknown stage '${o.to}'` : `${meta.id} is at ${meta.stage}; nothing follows`);
    const set: Record<string, unknown> = {};
    if (o.receipt) set.filing = { receipt: o.receipt, date: checkDate(o.filingDate ?? date) };
    if (o.supersededBy) set.supersededBy = o.supersededBy;
    const blocked = blockers(p, g.rosterValue, to, date, set as Partial<ProposalMeta>);
    if (hasErrors(blocked)) {
      printDiagnostics(io, blocked, new Map(g.sources.map((s) => [s.path, s.text])));
      io.stderr.write(`${meta.id} cannot advance to ${to}\n`);
      return EXIT.policyErrors;
    }
    await appendHistory(root, p, to, date, set, o.note);
    const status = listStatusFor(to)[0]!;
    const files = await setListStatus(root, meta.id, status);
    io.stderr.write(`${meta.id}: ${meta.stage} → ${to}${files.length ? `; ${files.join(', ')} now status ${status}` : ''}\n`);
  });
}

/** Records a comment, or a concern that blocks approval. Returns the exit code. */
export function proposalComment(io: Io, id: string, o: { target: string; text: string; author?: string; person?: string; concern?: boolean; date?: string }): Promise<number> {
  return guarded(io, async () => {
    const { root, g, p, meta, date } = await openProposal(io, id, o.date);
    if (o.concern) {
      const raiser = person(g.rosterValue, o.person, '--person');
      if (!isActive(meta.stage) || meta.stage === 'in-force') throw new UsageError(`${meta.id} is ${meta.stage}; open a new proposal that replaces it instead`);
      const name = await nextNumber(root, `${p.dir}/concerns`);
      await mkdir(join(root, p.dir, 'concerns'), { recursive: true });
      await writeFile(join(root, p.dir, 'concerns', `${name}.yaml`), stringify({ raisedBy: raiser.id, date, target: o.target, text: o.text }));
      io.stderr.write(`recorded concern ${p.dir}/concerns/${name}.yaml\n`);
      if (meta.stage === 'approved' || meta.stage === 'filed') {
        await appendHistory(root, p, 'review', date, {}, `concern ${name}`);
        await setListStatus(root, meta.id, 'consultation');
        io.stderr.write(`${meta.id}: ${meta.stage} → review (a new concern sends it back to review)\n`);
      }
      return;
    }
    if (!o.author && !o.person) throw new UsageError('--author <name> or --person <id> is required');
    const who = o.person ? person(g.rosterValue, o.person, '--person') : undefined;
    const name = await nextNumber(root, `${p.dir}/comments`);
    await mkdir(join(root, p.dir, 'comments'), { recursive: true });
    await writeFile(join(root, p.dir, 'comments', `${name}.yaml`), stringify({ author: o.author ?? who!.name, ...(who ? { person: who.id } : {}), date, target: o.target, text: o.text }));
    io.stderr.write(`recorded comment ${p.dir}/comments/${name}.yaml\n`);
  });
}

/** Gives a comment its disposition, or resolves a concern. Returns the exit code. */
export function proposalResolve(io: Io, id: string, item: string, o: { decision?: string; reason?: string; by: string; note?: string; date?: string }): Promise<number> {
  return guarded(io, async () => {
    const { root, g, p, date } = await openProposal(io, id, o.date);
    const by = person(g.rosterValue, o.by, '--by');
    const concern = p.concerns.find((c) => c.path.endsWith(`/${item}.yaml`));
    const comment = p.comments.find((c) => c.path.endsWith(`/${item}.yaml`));
    const target = concern ?? comment;
    if (!target) throw new UsageError(`no comment or concern '${item}' in ${p.dir}`);
    const file = join(root, target.path);
    const doc = parseDocument(await readFile(file, 'utf8'));
    if (!isMap(doc.contents)) throw new UsageError(`${target.path} is not a YAML mapping`);
    if (concern) {
      if (concern.value && concern.value.raisedBy !== by.id) throw new UsageError(`only ${concern.value.raisedBy}, who raised it, may resolve this concern`);
      if (!o.note) throw new UsageError('--note <text> is required to resolve a concern');
      doc.set('resolution', { by: by.id, date, note: o.note });
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
    const record = { stage: o.stage, role: o.role, person: who.id, date, ...(o.note ? { note: o.note } : {}) };
    const name = signoffFileName(record as { stage: Stage; role: string; person: string });
    await mkdir(join(root, p.dir, 'signoffs'), { recursive: true });
    await writeFile(join(root, p.dir, 'signoffs', name), stringify(record));
    io.stderr.write(`wrote ${p.dir}/signoffs/${name}\ncommit it as ${who.name} <${who.email}>${who.key ? ', signed with your registered key (git commit -S with gpg.format=ssh)' : ''}\n`);
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
