/**
 * The governed history, read from git objects: every commit after the trust anchor (or after
 * `--base`) that touches policy/ or proposals/, with what it changed — for a merge, only what
 * it introduced itself (content found in none of its parents), so an edit hidden in a merge is
 * checked like any other commit — each commit's signature under the roster it is trusted with,
 * and which commit recorded each sign-off and each stage transition.
 *
 * The trust anchor (epoch) is the first commit whose roster is valid and gives every person a
 * key: before it nothing could be verified, so nothing before it is governed. A commit is
 * trusted with the roster of its first parent, or with the base's roster under `--base`.
 */
import { parse as parseYaml } from 'yaml';
import { canonicalJson } from '../canonical-json.js';
import type { ObjectReader } from '../git/objects.js';
import { committerDates, diffTrees, mergeBase, mergeTree, readCommits, readHistory, verifySignatures, type CommitInfo, type MergeResult, type RawChange, type Signature } from '../git/log.js';
import { fileSubstance } from './lists.js';
import { PROPOSAL_FILE, PROPOSALS_DIR, ROSTER_PATH, TRUST_ROOTS } from './load.js';
import { allowedSigners, type ProposalMeta, type Roster } from './model.js';
import { proposalSchema, rosterSchema } from './schemas.js';
import { GOVERNED_PATHS, governedText } from './snapshot.js';
import { parseYamlFile } from './yaml-source.js';

export interface Change {
  readonly path: string;
  /** A added, M modified, D deleted, T type changed. */
  readonly status: string;
  /** The text before the commit (its first parent's), when it was a regular file. */
  readonly before?: string;
  readonly after?: string;
}

/** A merge gives `path` another parent's content, dropping the change `parent` made to it since they forked. */
export interface Discarded {
  readonly parent: string;
  readonly path: string;
}

export interface GovCommit extends CommitInfo {
  readonly short: string;
  readonly changes: readonly Change[];
  /**
   * The paths it changed against each of its parents, in order. For a merge these include what
   * it took verbatim from a side, which `changes` leaves to the side's own commits: those were
   * checked where the side stood, and a file frozen on the other line (a proposed roster after
   * approval) moved unseen when such a side was merged — whichever parent the merger put first.
   */
  readonly parentPaths: readonly (readonly string[])[];
  /** For a merge, the changes of its parents it drops (`Ledger.discardedChanges`). */
  readonly discarded: readonly Discarded[];
  /** The `Proposal: <id>` trailer of the message, if any. */
  readonly trailer?: string;
}

const parsedValues = new WeakMap<object, Map<string, unknown>>();

/**
 * A YAML text's value when it parses and fits `schema`; undefined otherwise (the head's own
 * check reports why). Memoised by text: the same version of a file is read by many rules.
 */
export function yamlValue<T>(path: string, text: string | undefined, schema: object): T | undefined {
  if (text === undefined) return undefined;
  let cache = parsedValues.get(schema);
  if (!cache) parsedValues.set(schema, (cache = new Map()));
  if (!cache.has(text)) {
    const parsed = parseYamlFile<T>({ path, text }, schema, 'record');
    cache.set(text, parsed.diagnostics.length ? undefined : parsed.value);
  }
  return cache.get(text) as T | undefined;
}

/** The proposal id a commit message's `Proposal:` trailer names (the last one wins, as git trailers go). */
function trailerOf(message: string): string | undefined {
  let found: string | undefined;
  for (const line of message.split('\n')) {
    const m = /^Proposal:[ \t]*(\S+)[ \t]*$/.exec(line);
    if (m) found = m[1];
  }
  return found;
}

/** Whether a roster can anchor trust: valid, and every person holds a key. */
function anchors(roster: Roster | undefined): roster is Roster {
  return !!roster && roster.people.length > 0 && roster.people.every((p) => p.key);
}

export class Ledger {
  private readonly signatures = new Map<string, Signature>();
  private readonly trust = new Map<string, Roster | undefined>();
  private readonly proposalCache = new Map<string, Promise<Map<string, ProposalMeta>>>();
  private readonly entries = new Map<string, readonly (GovCommit | undefined)[]>();

  private constructor(
    /** The caller's, open while the ledger is used: stage lookups at past commits read through it. */
    private readonly reader: ObjectReader,
    private readonly root: string,
    /** The trust anchor, or undefined when no roster has anchored trust yet. */
    readonly epoch: string | undefined,
    /** The date of the roster's very first commit: nothing recorded as external may be later. */
    readonly rosterAdopted: string | undefined,
    readonly base: string | undefined,
    readonly commits: readonly GovCommit[],
    /** The proposal folders at the head. */
    private readonly known: readonly string[],
    /** The committer date of every parent of a walked commit, walked or not (the base, a commit outside policy/). */
    private readonly parentDates: ReadonlyMap<string, string>,
  ) {}

  /**
   * The governed commits of `head`: after `base` when given (whose roster `baseRoster` is then
   * the only trust root), else after the epoch. Rejects with a GitError when git fails.
   */
  static async open(reader: ObjectReader, root: string, head: string, options: { base?: string; baseRoster?: Roster; folders?: readonly string[] } = {}): Promise<Ledger> {
    const rosterAt = async (sha: string) => {
      const blob = await reader.read(`${sha}:${ROSTER_PATH}`);
      return blob ? yamlValue<Roster>(ROSTER_PATH, governedText(ROSTER_PATH, blob), rosterSchema) : undefined;
    };
    const anchorOf = async (commits: readonly CommitInfo[]) => {
      for (const c of commits) if (anchors(await rosterAt(c.sha))) return c.sha;
      return undefined;
    };
    // Under --base the anchor and the adoption date come from the base's history: a pull
    // request's own commit (the root of an unrelated history it merges) was taken as the
    // anchor, and the walk after it left out the commit that changed the roster. Only a base
    // that has no roster yet leaves it to the head (the pull request that adopts one).
    let rosterCommits = options.base ? await readCommits(root, [options.base], [ROSTER_PATH]) : [];
    let epoch = await anchorOf(rosterCommits);
    if (!epoch) {
      rosterCommits = await readCommits(root, [head], [ROSTER_PATH]);
      epoch = await anchorOf(rosterCommits);
    }
    const adopted = rosterCommits[0]?.committerDate.slice(0, 10);
    const excluded = epoch ? [`^${epoch}`, ...(options.base ? [`^${options.base}`] : [])] : [];
    const { commits: infos, changes: raw } = epoch ? await readHistory(root, [head, ...excluded], [...GOVERNED_PATHS]) : { commits: [], changes: new Map<string, RawChange[][]>() };
    const perParent = await Ledger.parentDiffs(root, infos, raw);
    const commits: GovCommit[] = [];
    for (const info of infos) commits.push(await Ledger.changesOf(root, reader, info, raw.get(info.sha) ?? [], perParent.get(info.sha)!));
    // The dates of the commits read already are known; git is asked only for the others'.
    const parentDates = new Map([...rosterCommits, ...infos].map((c) => [c.sha, c.committerDate]));
    const unknownParents = [...new Set(commits.flatMap((c) => c.parents))].filter((sha) => !parentDates.has(sha));
    for (const [sha, date] of await committerDates(root, unknownParents)) parentDates.set(sha, date);
    const ledger = new Ledger(reader, root, epoch, adopted, options.base, commits, options.folders ?? [], parentDates);
    // Every walked commit is governed, a branch forked before the epoch and merged after it
    // too. A commit whose first parent was walked, or is the epoch, is trusted with that
    // parent's roster, whatever it holds (a person without a key yet takes no one's key back
    // to the epoch's). One whose parent is before the epoch, or has none (an unrelated
    // history), is trusted with the epoch's: trusted with none, it went unverified, and a
    // forged sign-off passed.
    const epochRoster = epoch ? await rosterAt(epoch) : undefined;
    const governed = new Set([...(epoch ? [epoch] : []), ...commits.map((c) => c.sha)]);
    for (const c of commits) {
      const parent = c.parents[0];
      ledger.trust.set(c.sha, options.baseRoster ?? (parent && governed.has(parent) ? await rosterAt(parent) : epochRoster));
    }
    await ledger.verify();
    return ledger;
  }

  /**
   * What `info` changed: against its parent, or for a merge, the paths whose content is in none
   * of its parents (a parent whose diff is empty contributed everything, so nothing is new), and
   * the first parent's changes it drops (see `discardedChanges`).
   */
  private static async changesOf(root: string, reader: ObjectReader, info: CommitInfo, diffs: readonly RawChange[][], perParent: readonly (readonly RawChange[])[]): Promise<GovCommit> {
    const parents = Math.max(1, info.parents.length);
    const introduced = diffs.length < parents ? [] : diffs[0]!.filter((ch) => diffs.every((d) => d.some((x) => x.path === ch.path)));
    const text = async (path: string, oid: string, kind: string | undefined) => (kind === 'file' || kind === 'executable' ? governedText(path, (await reader.read(oid)) ?? Buffer.alloc(0)) : undefined);
    const changeOf = async (ch: RawChange): Promise<Change> => {
      const before = ch.status === 'A' ? undefined : await text(ch.path, ch.oldOid, ch.oldKind);
      const after = ch.status === 'D' ? undefined : await text(ch.path, ch.newOid, ch.newKind);
      return { path: ch.path, status: ch.status, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
    };
    const changes: Change[] = [];
    for (const ch of introduced) {
      const change = await changeOf(ch);
      // A merge that resolves a file to what one of its parents says (a resolution that keeps one
      // side's content in the other side's layout) introduces nothing: that parent's own commits
      // are checked. Anything else it says is its own change (an evil merge, or a conflict
      // resolution that combines both sides, which is then checked as a change of its own).
      if (parents > 1 && change.after !== undefined && (await Ledger.saidByAParent(ch.path, change.after, diffs, text))) continue;
      changes.push(change);
    }
    const discarded = await Ledger.discardedChanges(root, reader, info, perParent);
    // What a merge drops of its first parent's own change is also checked as its own change,
    // against that parent, by every rule.
    for (const d of discarded) {
      const ch = d.parent === info.parents[0] && !changes.some((x) => x.path === d.path) ? perParent[0]!.find((x) => x.path === d.path) : undefined;
      if (ch) changes.push(await changeOf(ch));
    }
    const trailer = trailerOf(info.message);
    return { ...info, short: info.sha.slice(0, 12), changes, parentPaths: perParent.map((list) => list.map((ch) => ch.path)), discarded, ...(trailer ? { trailer } : {}) };
  }

  /**
   * Each commit's raw changes against each of its parents (one list for a commit that has none).
   * git log -m gives a list per parent, but none for a parent the merge equals, and then which
   * list is whose is git's to say: those merges are asked again, parent by parent, in one call.
   */
  private static async parentDiffs(root: string, infos: readonly CommitInfo[], raw: ReadonlyMap<string, RawChange[][]>): Promise<Map<string, readonly (readonly RawChange[])[]>> {
    const result = new Map<string, readonly (readonly RawChange[])[]>();
    const unsure = (info: CommitInfo) => info.parents.length > 1 && (raw.get(info.sha) ?? []).length !== info.parents.length;
    const pairs = infos.filter(unsure).flatMap((info) => info.parents.map((parent) => ({ parent, commit: info.sha })));
    // One list per pair, in the order of `infos`: each unsure merge takes the next lists.
    const asked = await diffTrees(root, pairs, [...GOVERNED_PATHS]);
    for (const info of infos) {
      const diffs = raw.get(info.sha) ?? [];
      result.set(info.sha, unsure(info) ? asked.splice(0, info.parents.length) : info.parents.length <= 1 ? [diffs[0] ?? []] : diffs);
    }
    return result;
  }

  /**
   * The changes merge `info` drops: a path to which it gives another parent's content, although
   * its own parent changed the path since the two forked (both changed it, and it kept one).
   * Compared by what the file says (a `.qd` file's layout and comments aside), as
   * `saidByAParent` compares. No commit of the side made that undoing, to be checked: taking an
   * old branch's roster, a proposal's history from before a concern, a side's own concern
   * written under the name of the mainline's, or an old baseline text with a comment added,
   * each passed as "content of a parent" — and with the side put first, so did a proposed
   * roster changed after its approval.
   */
  private static async discardedChanges(root: string, reader: ObjectReader, info: CommitInfo, perParent: readonly (readonly RawChange[])[]): Promise<readonly Discarded[]> {
    if (info.parents.length < 2) return [];
    const at = (commit: string | undefined, path: string) => (commit ? reader.read(`${commit}:${path}`) : Promise.resolve(undefined));
    const changedAgainst = perParent.map((list) => new Set(list.map((ch) => ch.path)));
    const forks = new Map<string, Promise<string | undefined>>();
    const forkOf = (a: string, b: string) => {
      const key = [a, b].sort().join(' ');
      if (!forks.has(key)) forks.set(key, mergeBase(root, a, b));
      return forks.get(key)!;
    };
    const merges = new Map<string, Promise<MergeResult>>();
    const gitMerge = (a: string, b: string) => {
      const key = [a, b].sort().join(' ');
      if (!merges.has(key)) merges.set(key, mergeTree(root, a, b));
      return merges.get(key)!;
    };
    const discarded: Discarded[] = [];
    for (const [i, list] of perParent.entries()) {
      const parent = info.parents[i]!;
      for (const { path } of list) {
        const merged = await at(info.sha, path);
        const own = await at(parent, path);
        if (sameSubstance(path, merged, own)) continue;
        for (const [j, other] of info.parents.entries()) {
          if (j === i) continue;
          // Unchanged against `other`: the merge holds its bytes.
          if (changedAgainst[j]!.has(path) && !sameSubstance(path, await at(other, path), merged)) continue;
          if (sameSubstance(path, await at(await forkOf(parent, other), path), own)) continue; // `parent` never changed it: the other side's change
          // Both changed it. What git merges cleanly keeps both: the same fix made on both
          // sides, or a side that had merged `parent`'s change already (criss-cross merges).
          const clean = await gitMerge(parent, other);
          if (!clean.conflicted.has(path) && sameSubstance(path, await at(clean.tree, path), merged)) continue;
          discarded.push({ parent, path });
          break;
        }
      }
    }
    return discarded;
  }

  /** Whether `after` says what `path` says in one of a merge's parents (`diffs`, one per parent). */
  private static async saidByAParent(path: string, after: string, diffs: readonly RawChange[][], text: (path: string, oid: string, kind: string | undefined) => Promise<string | undefined>): Promise<boolean> {
    const substance = fileSubstance(path, after);
    for (const diff of diffs) {
      const ch = diff.find((x) => x.path === path);
      const parent = ch && ch.status !== 'A' ? await text(path, ch.oldOid, ch.oldKind) : undefined;
      if (parent !== undefined && fileSubstance(path, parent) === substance) return true;
    }
    return false;
  }

  /**
   * Whether a rule asks who signed `c`: it writes a sign-off or a concern, or records an
   * external history entry. (Verifying a signature runs ssh-keygen once per commit, so only
   * these are verified.)
   */
  private static needsSignature(c: GovCommit): boolean {
    return c.changes.some((ch) => {
      if (/^proposals\/[^/]+\/(signoffs|concerns)\//.test(ch.path) || ch.path.startsWith(TRUST_ROOTS)) return true;
      if (!/^proposals\/[^/]+\/proposal\.yaml$/.test(ch.path)) return false;
      const before = yamlValue<ProposalMeta>(ch.path, ch.before, proposalSchema);
      const after = yamlValue<ProposalMeta>(ch.path, ch.after, proposalSchema);
      return !!after?.history.some((e, i) => e.external && JSON.stringify(before?.history[i]) !== JSON.stringify(e));
    });
  }

  /** Verifies the signatures rules ask about, one git call per distinct trust roster. */
  private async verify(): Promise<void> {
    const groups = new Map<string, string[]>();
    for (const c of this.commits.filter((x) => Ledger.needsSignature(x))) {
      const roster = this.trust.get(c.sha);
      if (!roster) continue;
      const signers = allowedSigners(roster);
      groups.set(signers, [...(groups.get(signers) ?? []), c.sha]);
    }
    for (const [signers, shas] of groups) for (const [sha, sig] of await verifySignatures(this.root, shas, signers)) this.signatures.set(sha, sig);
  }

  /** The committer date (ISO) of `parent`, a parent of a walked commit. */
  parentDate(parent: string): string | undefined {
    return this.parentDates.get(parent);
  }

  /** The roster `commit` is trusted with: the base's; else its first parent's, or the epoch's when that parent was not walked (before the epoch, or none). */
  trustedRoster(commit: GovCommit): Roster | undefined {
    return this.trust.get(commit.sha);
  }

  /** The email of the key that made a good signature on `commit` under its trusted roster, if any. */
  signer(commit: GovCommit): string | undefined {
    const sig = this.signatures.get(commit.sha);
    return sig?.status === 'G' && sig.principal ? sig.principal : undefined;
  }

  /** The last governed commit that wrote `path` as it is now (added or modified it), if any. */
  writerOf(path: string): GovCommit | undefined {
    for (let i = this.commits.length - 1; i >= 0; i--) {
      const c = this.commits[i]!;
      const ch = c.changes.find((x) => x.path === path);
      if (ch) return ch.status === 'D' ? undefined : c;
    }
    return undefined;
  }

  /**
   * The governed commit that appended each entry of `path`'s history (a proposal.yaml), by
   * index; entries recorded before the governed range have none.
   */
  entryCommits(path: string): readonly (GovCommit | undefined)[] {
    // Asked for each transition and each sign-off a rule weighs: found once per file.
    const known = this.entries.get(path);
    if (known) return known;
    const out: (GovCommit | undefined)[] = [];
    for (const c of this.commits) {
      const ch = c.changes.find((x) => x.path === path);
      if (!ch) continue;
      const before = yamlValue<ProposalMeta>(path, ch.before, proposalSchema)?.history.length ?? 0;
      const after = yamlValue<ProposalMeta>(path, ch.after, proposalSchema)?.history.length ?? 0;
      out.length = Math.min(out.length, after);
      for (let i = before; i < after; i++) out[i] = c;
    }
    this.entries.set(path, out);
    return out;
  }

  /**
   * The commit that appended entry `index` to the history of `path` (a proposal.yaml), in the
   * history of `from`: a governed commit when the range holds it, else the first commit before
   * the range (under --base) whose `path` has that entry. Undefined when none has it.
   */
  async entryCommit(path: string, index: number, from: string): Promise<string | undefined> {
    const governed = this.entryCommits(path)[index];
    if (governed) return governed.sha;
    for (const c of await readCommits(this.root, [from], [path])) {
      if ((yamlValue<ProposalMeta>(path, await this.textAt(c.sha, path), proposalSchema)?.history.length ?? 0) > index) return c.sha;
    }
    return undefined;
  }

  /**
   * When the content `path` has at `from` was written: the oldest commit in the history of
   * `from` whose `path` is that same blob. Undefined when `from` has no such file.
   */
  async writtenAt(path: string, from: string): Promise<string | undefined> {
    const now = (await this.reader.info(`${from}:${path}`))?.oid;
    if (now === undefined) return undefined;
    for (const c of await readCommits(this.root, [from], [path])) {
      if ((await this.reader.info(`${c.sha}:${path}`))?.oid === now) return c.sha;
    }
    return undefined;
  }

  /** The names of the entries of the folder `path` at `commit` (none when it has no such folder). */
  async namesAt(commit: string, path: string): Promise<string[]> {
    return ((await this.reader.readTree(`${commit}:${path}`)) ?? []).map((entry) => entry.name);
  }

  /** The text of the regular file `path` at `commit`, undefined when it has none there. */
  async textAt(commit: string, path: string): Promise<string | undefined> {
    const blob = await this.reader.read(`${commit}:${path}`);
    return blob ? governedText(path, blob) : undefined;
  }

  /**
   * Every proposal's metadata at `commit` (those that parse), by id. A proposal present at a
   * governed commit is either still at the head (`folders` of `open`) or touched by a governed commit, so
   * those folders are all there is to read.
   */
  proposalsAt(commit: string): Promise<Map<string, ProposalMeta>> {
    let cached = this.proposalCache.get(commit);
    if (!cached) {
      const folders = new Set(this.known);
      for (const c of this.commits) for (const ch of c.changes) if (ch.path.startsWith('proposals/')) folders.add(ch.path.split('/')[1]!);
      cached = (async () => {
        const out = new Map<string, ProposalMeta>();
        for (const folder of [...folders].sort()) {
          const path = `${PROPOSALS_DIR}/${folder}/${PROPOSAL_FILE}`;
          const blob = await this.reader.read(`${commit}:${path}`);
          const meta = blob && yamlValue<ProposalMeta>(path, governedText(path, blob), proposalSchema);
          if (meta && meta.id === folder) out.set(meta.id, meta);
        }
        return out;
      })();
      this.proposalCache.set(commit, cached);
    }
    return cached;
  }
}

/**
 * Whether two versions of `path` (absent: undefined) say the same: the same bytes, or the same
 * substance (a `.qd` file's layout and comments aside, as `saidByAParent` compares).
 */
function sameSubstance(path: string, a: Buffer | undefined, b: Buffer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.equals(b)) return true;
  const [ta, tb] = [governedText(path, a), governedText(path, b)];
  return ta !== undefined && tb !== undefined && mergedSubstance(path, ta) === mergedSubstance(path, tb);
}

/**
 * What a file says for telling a merge's sides apart: a `.qd` file's substance, a YAML record's
 * value (a comment added to a side's concern made it no side's, and its drop went unseen), else
 * the text.
 */
function mergedSubstance(path: string, text: string): string {
  if (!/\.ya?ml$/.test(path)) return fileSubstance(path, text);
  try {
    return `yaml:${canonicalJson(parseYaml(text))}`;
  } catch {
    return text;
  }
}
