/**
 * A temporary git repository for the governance tests: the real policy/ (icv without its
 * proposal), a small roster of fictional people each with an SSH key generated for the test
 * run, and helpers to run the CLI and to commit — signed, and dated by the repository's clock —
 * as any of them.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type YAMLSeq } from 'yaml';
import { ROOT, runCli, spawnCli, tempDir, type CliRun } from '../support.js';

export const PEOPLE = {
  admin: { id: 'p-admin', name: 'Admin Placeholder', email: 'admin@example.org', roles: ['drafter'] },
  li: { id: 'p-li', name: 'Li Drafter', email: 'li@example.org', roles: ['drafter'] },
  zhou: { id: 'p-zhou', name: 'Zhou Drafter', email: 'zhou@example.org', roles: ['drafter'] },
  wang: { id: 'p-wang', name: 'Wang CAC', email: 'wang@example.org', roles: ['provincial-cac'] },
  chen: { id: 'p-chen', name: 'Chen Commerce', email: 'chen@example.org', roles: ['provincial-commerce'] },
  huang: { id: 'p-huang', name: 'Huang Data', email: 'huang@example.org', roles: ['provincial-data-bureau'] },
  xu: { id: 'p-xu', name: 'Xu Coordination', email: 'xu@example.org', roles: ['coordination-mechanism'] },
  ma: { id: 'p-ma', name: 'Ma Committee', email: 'ma@example.org', roles: ['provincial-committee'] },
  zheng: { id: 'p-zheng', name: 'Zheng Industry', email: 'zheng@example.org', roles: ['expert-industry'] },
  feng: { id: 'p-feng', name: 'Feng Legal', email: 'feng@example.org', roles: ['expert-legal'] },
  deng: { id: 'p-deng', name: 'Deng Security', email: 'deng@example.org', roles: ['expert-data-security'] },
  qian: { id: 'p-qian', name: 'Qian Registrar', email: 'qian@example.org', roles: ['registrar'] },
} as const;
export type Who = keyof typeof PEOPLE;

/** The CLI's `main` run in this process with `dir` as the working directory. */
export function runIn(dir: string, args: string[]): Promise<CliRun> {
  return runCli(args, { cwd: dir, env: GIT_ENV });
}

export const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
// The git that the CLI runs in-process inherits this process's environment, not the CLI's.
Object.assign(process.env, GIT_ENV);

export interface Repo {
  readonly dir: string;
  /** The private key file of each person (generated once per test run, never committed). */
  readonly keys: Readonly<Record<Who, string>>;
  /** The date (YYYY-MM-DD) of the next commit; `ok()` moves it to the `--date` of each command. */
  clock: string;
  /** Runs the CLI in-process (fast) with this repository as the working directory. */
  run(args: string[]): Promise<CliRun>;
  /** Runs `node bin/qingdan.js` as a child process, exactly as a user would. */
  spawn(args: string[]): CliRun;
  /** Commits everything as `who`, signed with their key unless `sign: false`, dated by the clock. */
  commit(who: Who, message: string, options?: { sign?: boolean; key?: Who }): string;
  write(path: string, text: string): void;
  read(path: string): string;
  git(args: string[]): string;
}

/** The roster of PEOPLE with their public keys. */
export function roster(publicKeys: Readonly<Record<Who, string>>): string {
  const people = (Object.keys(PEOPLE) as Who[])
    .map((who) => {
      const p = PEOPLE[who];
      return `  - { id: ${p.id}, name: ${p.name}, email: ${p.email}, roles: [${p.roles.join(', ')}], key: "${publicKeys[who]}" }`;
    })
    .join('\n');
  const roles = ['provincial-cac', 'provincial-commerce', 'provincial-data-bureau']
    .map((r) => `  ${r}: { name: ${r}, group: provincial-authority, article: measures.art4 }`)
    .concat([
      '  coordination-mechanism: { name: 省数据安全工作协调机制, group: coordination, article: measures.art9 }',
      '  provincial-committee: { name: 省委网络安全和信息化委员会, group: committee, article: measures.art9 }',
      '  expert-industry: { name: 行业专家, group: expert, article: measures.art9 }',
      '  expert-legal: { name: 法律专家, group: expert, article: measures.art9 }',
      '  expert-data-security: { name: 数据安全专家, group: expert, article: measures.art9 }',
      '  drafter: { name: 起草人, group: drafter, article: measures.art9 }',
      '  registrar: { name: 档案登记员, group: registrar, article: measures.art9 }',
    ])
    .join('\n');
  return `# test roster (fictional)
since: 2026-01-01
reviewWindowDays: 15
roles:
${roles}
people:
${people}
chair: coordination-mechanism
signoffs:
  default:
    survey: [drafter]
    important-data-identification: [provincial-cac]
    scenario-analysis: [drafter]
    review: [expert-industry, expert-legal, expert-data-security]
    approved: [coordination-mechanism, provincial-committee]
    filed: [provincial-cac, provincial-data-bureau]
  ordered: [approved]
  sectors:
    S16: { review: [expert-industry, expert-legal, expert-data-security, provincial-commerce] }
  kinds:
    baseline: { review: [expert-legal], approved: [coordination-mechanism, provincial-committee] }
    governance: { approved: [provincial-cac, provincial-data-bureau] }
`;
}

let generated: Promise<{ keys: Record<Who, string>; publicKeys: Record<Who, string> }> | undefined;

/** One ed25519 key pair per person, generated once per test run in a temporary folder. */
export function peopleKeys(): Promise<{ keys: Record<Who, string>; publicKeys: Record<Who, string> }> {
  generated ??= (async () => {
    const dir = await tempDir('qingdan-keys-');
    const keys = {} as Record<Who, string>;
    const publicKeys = {} as Record<Who, string>;
    for (const who of Object.keys(PEOPLE) as Who[]) {
      keys[who] = join(dir, who);
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', PEOPLE[who].email, '-f', keys[who]]);
      publicKeys[who] = readFileSync(`${keys[who]}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
    }
    return { keys, publicKeys };
  })();
  return generated;
}

/*
 * The repositories the tests start from are made once per worker process and copied for each
 * caller: test files share a worker's modules (isolate: false in vitest.config.ts), so a walk
 * to review — a dozen signed commits and CLI runs — is not redone by every file that needs one.
 * Callers only ever get copies; the originals are never handed out, so no file sees another's
 * changes.
 */
let initial: Promise<Repo> | undefined;
let walked: Promise<Repo> | undefined;

/** A fresh repository whose first commit (by `admin`) holds policy/ and the roster. */
export async function createRepo(): Promise<Repo> {
  initial ??= firstCommit();
  return cloneRepo(await initial);
}

/** A fresh repository whose icv proposal `walkToReview` has taken to the review stage. */
export async function repoAtReview(): Promise<Repo> {
  walked ??= createRepo().then(async (repo) => {
    await walkToReview(repo);
    return repo;
  });
  return cloneRepo(await walked);
}

/** Makes the repository `createRepo` copies: policy/ and the roster, committed by `admin`. */
async function firstCommit(): Promise<Repo> {
  const dir = await tempDir('qingdan-gov-');
  const { keys, publicKeys } = await peopleKeys();
  cpSync(join(ROOT, 'policy'), join(dir, 'policy'), { recursive: true, filter: (src) => !src.includes(`${join('policy', 'governance')}`) });
  // The real proposals stay behind (their people are not in this roster): lists lose their
  // proposal links, and icv enters governance as a draft through the proposal the test creates.
  for (const file of readdirSync(join(dir, 'policy/lists'))) {
    const path = join(dir, 'policy/lists', file);
    const text = readFileSync(path, 'utf8').replace(/^\s*proposal "[^"]*"\n/m, '');
    writeFileSync(path, file === 'icv.qd' ? text.replace(/^(\s*status\s+)[\w-]+/m, '$1draft') : text);
  }
  mkdirSync(join(dir, 'policy/governance'), { recursive: true });
  writeFileSync(join(dir, 'policy/governance/roster.yaml'), roster(publicKeys));
  writeFileSync(join(dir, 'package.json'), readFileSync(join(ROOT, 'package.json')));
  const repo = repoAt(dir, keys, '2026-01-01');
  repo.git(['init', '-q', '-b', 'main']);
  repo.commit('admin', 'Adopt the governance roster');
  return repo;
}

/** Copies a repository (with its .git) so an attack can mutate it without touching the original. */
export async function cloneRepo(repo: Repo): Promise<Repo> {
  const dir = await tempDir('qingdan-gov-attack-');
  cpSync(repo.dir, dir, { recursive: true });
  return repoAt(dir, repo.keys, repo.clock);
}

/** The helpers for the repository in `dir`, whose people sign with `keys`. */
function repoAt(dir: string, keys: Readonly<Record<Who, string>>, clock: string): Repo {
  const git = (args: string[], env: Record<string, string> = {}) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT_ENV, ...env } });
  return {
    dir,
    keys,
    clock,
    git: (args) => git(args),
    run: (args) => runIn(dir, args),
    spawn: (args) => spawnCli(args, { cwd: dir, env: GIT_ENV }),
    commit(who, message, options = {}) {
      const p = PEOPLE[who];
      const sign = options.sign === false ? ['-c', 'commit.gpgsign=false'] : ['-c', 'gpg.format=ssh', '-c', `user.signingkey=${keys[options.key ?? who]}`, '-c', 'commit.gpgsign=true'];
      const when = `${this.clock}T12:00:00+00:00`;
      // add, commit and rev-parse in one shell, which forks git cheaply: each process this test
      // process starts itself costs more the more memory it holds, and a test file commits
      // dozens of times. No `git maintenance run --auto` after each commit either: housekeeping
      // a repository of a few dozen commits never needs.
      const commit = ['-c', `user.name=${p.name}`, '-c', `user.email=${p.email}`, '-c', 'maintenance.auto=false', ...sign, 'commit', '-q', '--allow-empty', '-m', message];
      return execFileSync('sh', ['-c', 'git add -A && git "$@" && git rev-parse HEAD', 'sh', ...commit], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ...GIT_ENV, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
      }).trim();
    },
    write(path, text) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    read(path) {
      return readFileSync(join(dir, path), 'utf8');
    },
  };
}

export const ID = '2026-0001-icv';
export const P = `proposals/${ID}`;

export const SURVEY = `conducted: { from: 2026-01-10, until: 2026-01-18 }
scenarios:
  - scenario: 售后服务
    list: icv
    categories:
      - { category: 车主个人信息, volume: 年度数万人, fields: [姓名, 手机号码] }
`;
export const IMPORTANT = `method: 逐项识别
items:
  - { item: icv.exterior-video, important: true, reason: 含人脸车牌 }
`;
export const SCENARIOS = `scenarios:
  - { scenario: 售后服务, list: icv, necessity: 全球联保, risks: [再转移], pathway: 按量级 }
`;

/** Runs `qingdan` and throws with its output unless it exits 0; a `--date` moves the repository's clock. */
export const okRun = (repo: Repo, args: string[]) => ok(repo, args);
export async function ok(repo: Repo, args: string[]): Promise<string> {
  const date = args.indexOf('--date');
  if (date >= 0) repo.clock = args[date + 1]!;
  const r = await repo.run(args);
  if (r.code !== 0) throw new Error(`qingdan ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r.stdout + r.stderr;
}

/**
 * Walks the proposal from nothing to the review stage, committing each step as the person who
 * would: Li drafts, Zhou and Wang sign. Returns the repository at review (entered 2026-02-11).
 */
export async function walkToReview(repo: Repo): Promise<void> {
  await ok(repo, ['proposal', 'new', 'icv', '--title', '智能网联汽车清单', '--sector', 'S16', '--list', 'icv', '--author', 'p-li', '--date', '2026-01-05']);
  repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace(/^(\s*status\s+draft\n)/m, `$1  proposal "${ID}"\n`));
  repo.commit('li', 'Propose the icv list');
  await ok(repo, ['proposal', 'advance', ID, '--date', '2026-01-10']);
  repo.write(`${P}/survey.yaml`, SURVEY);
  repo.commit('li', 'Survey');
  await ok(repo, ['proposal', 'sign', ID, '--stage', 'survey', '--role', 'drafter', '--person', 'p-zhou', '--date', '2026-01-20']);
  repo.commit('zhou', 'Sign off the survey');
  await ok(repo, ['proposal', 'advance', ID, '--date', '2026-01-21']);
  repo.write(`${P}/important-data.yaml`, IMPORTANT);
  repo.commit('li', 'Important-data identification');
  await ok(repo, ['proposal', 'sign', ID, '--stage', 'important-data-identification', '--role', 'provincial-cac', '--person', 'p-wang', '--date', '2026-02-01']);
  repo.commit('wang', 'Sign off the identification');
  await ok(repo, ['proposal', 'advance', ID, '--date', '2026-02-02']);
  repo.write(`${P}/scenario-analysis.yaml`, SCENARIOS);
  repo.commit('li', 'Scenario analysis');
  await ok(repo, ['proposal', 'sign', ID, '--stage', 'scenario-analysis', '--role', 'drafter', '--person', 'p-zhou', '--date', '2026-02-10']);
  repo.commit('zhou', 'Sign off the scenario analysis');
  await ok(repo, ['proposal', 'advance', ID, '--date', '2026-02-11']);
  repo.commit('li', 'Open the review and consultation');
}

/** The review's four sign-offs and the approval's two, each by the right person, signed. */
export async function signReviewAndApproval(repo: Repo, options: { keepClock?: boolean } = {}): Promise<void> {
  const dates = { review: '2026-03-01', mechanism: '2026-03-02', committee: '2026-03-03' };
  // With keepClock, the commits stay on the repository's day whatever the sign-offs say.
  const ok = async (r: Repo, args: string[]) => {
    const clock = r.clock;
    await okRun(r, args);
    if (options.keepClock) r.clock = clock;
  };
  await signReview(repo, dates.review, ok);
  await ok(repo, ['proposal', 'sign', ID, '--stage', 'approved', '--role', 'coordination-mechanism', '--person', 'p-xu', '--date', dates.mechanism]);
  repo.commit('xu', 'coordination');
  await ok(repo, ['proposal', 'sign', ID, '--stage', 'approved', '--role', 'provincial-committee', '--person', 'p-ma', '--date', dates.committee]);
  repo.commit('ma', 'committee');
}

/** The review's four sign-offs, each by the right person, committed one by one. */
export async function signReview(repo: Repo, date: string, run: (r: Repo, args: string[]) => Promise<unknown> = okRun): Promise<void> {
  for (const [who, person, role] of [['zheng', 'p-zheng', 'expert-industry'], ['feng', 'p-feng', 'expert-legal'], ['deng', 'p-deng', 'expert-data-security'], ['chen', 'p-chen', 'provincial-commerce']] as const) {
    await run(repo, ['proposal', 'sign', ID, '--stage', 'review', '--role', role, '--person', person, '--date', date]);
    repo.commit(who, `review ${role}`);
  }
}

/** The review's sign-offs, then the approval signed out of order: the committee before the coordination mechanism. */
export async function signApprovalOutOfOrder(repo: Repo): Promise<void> {
  await signReview(repo, '2026-03-01');
  await okRun(repo, ['proposal', 'sign', ID, '--stage', 'approved', '--role', 'provincial-committee', '--person', 'p-ma', '--date', '2026-03-02']);
  repo.commit('ma', 'committee first');
  await okRun(repo, ['proposal', 'sign', ID, '--stage', 'approved', '--role', 'coordination-mechanism', '--person', 'p-xu', '--date', '2026-03-03']);
  repo.commit('xu', 'coordination second');
}

/** The error codes `governance check` reports (with extra arguments, e.g. `--base`), and its exit code. */
/**
 * Records an approval by hand, as a forger would where the CLI refuses it: the proposal's stage
 * and its history entry on `date`, and the list's status. The caller commits.
 */
export function approveByHand(repo: Repo, date = '2026-03-05'): void {
  const doc = parseDocument(repo.read(`${P}/proposal.yaml`));
  doc.set('stage', 'approved');
  (doc.get('history') as YAMLSeq).add(doc.createNode({ stage: 'approved', date }));
  repo.write(`${P}/proposal.yaml`, doc.toString());
  repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace(/^(\s*status\s+)consultation/m, '$1approved'));
}

export async function errorCodes(repo: Repo, extra: string[] = []): Promise<{ codes: string[]; exit: number | null }> {
  const r = await repo.run(['governance', 'check', '--json', ...extra]);
  const verdict = JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string }[] };
  return { codes: verdict.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), exit: r.code };
}

/** The roster change the fixture's governance proposals propose unless told otherwise: a longer review window. */
export const longerWindow = (roster: string): string => roster.replace('reviewWindowDays: 15', 'reviewWindowDays: 16');

/**
 * A governance proposal taken to approved the honest way: drafted by Li, proposing the roster
 * `propose` makes of the one in force, in review from the repository's clock, approved after the
 * review window by the provincial CAC and the data bureau (the fixture roster's governance
 * approvers), each sign-off committed signed. Returns its id.
 */
export async function approvedGovernanceProposal(repo: Repo, name = 'tidy-roster', propose: (roster: string) => string = longerWindow): Promise<string> {
  const { id, approvedOn } = await signedGovernanceProposal(repo, name, propose);
  await ok(repo, ['proposal', 'advance', id, '--date', approvedOn]);
  repo.commit('li', 'Approved');
  return id;
}

/**
 * `approvedGovernanceProposal` up to its last sign-off, its approval not yet recorded: returns
 * its id and the day to record it on.
 */
export async function signedGovernanceProposal(repo: Repo, name: string, propose: (roster: string) => string): Promise<{ id: string; approvedOn: string }> {
  const start = repo.clock;
  const created = await ok(repo, ['proposal', 'new', name, '--title', '整理名册', '--kind', 'governance', '--author', 'p-li', '--date', start]);
  const id = new RegExp(`(2026-\\d{4}-${name})`).exec(created)![1]!;
  repo.write(`proposals/${id}/roster.yaml`, propose(repo.read(`proposals/${id}/roster.yaml`)));
  repo.commit('li', `Propose ${name}`);
  await ok(repo, ['proposal', 'advance', id, '--date', start]);
  repo.commit('li', 'Open its review');
  const later = (days: number) => new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  await ok(repo, ['proposal', 'sign', id, '--stage', 'approved', '--role', 'provincial-cac', '--person', 'p-wang', '--date', later(16)]);
  repo.commit('wang', 'approve as the provincial CAC');
  await ok(repo, ['proposal', 'sign', id, '--stage', 'approved', '--role', 'provincial-data-bureau', '--person', 'p-huang', '--date', later(17)]);
  repo.commit('huang', 'approve as the data bureau');
  return { id, approvedOn: later(17) };
}

/** Makes the roster the one governance proposal `id` proposes, as the commit enacting it must. */
export function enactProposedRoster(repo: Repo, id: string): void {
  repo.write('policy/governance/roster.yaml', repo.read(`proposals/${id}/roster.yaml`));
}

/**
 * Enacts governance proposal `id` by hand, as `proposal advance <id> --to in-force` would but
 * where it refuses to: its roster put in place and its entry into force recorded on the clock's day.
 */
export function enactByHand(repo: Repo, id: string): void {
  enactProposedRoster(repo, id);
  const meta = repo.read(`proposals/${id}/proposal.yaml`);
  repo.write(`proposals/${id}/proposal.yaml`, meta.replace(/^stage: approved$/m, 'stage: in-force').concat(`  - stage: in-force\n    date: ${repo.clock}\n`));
}

/**
 * A baseline proposal taken through its legal review (Feng, 03-02), with `between(id)` run after
 * the review is signed (an edit, another proposal's change), then both approvals signed (03-17,
 * 03-18) and committed; the caller records the approval. Returns its id.
 */
export async function signedBaselineProposal(repo: Repo, name: string, between: (id: string) => Promise<void> | void): Promise<string> {
  const created = await ok(repo, ['proposal', 'new', name, '--title', '国家规定', '--kind', 'baseline', '--author', 'p-li', '--date', '2026-03-01']);
  const id = new RegExp(`(2026-\\d{4}-${name})`).exec(created)![1]!;
  repo.commit('li', `Propose ${name}`);
  await ok(repo, ['proposal', 'advance', id, '--date', '2026-03-01']);
  repo.commit('li', 'Open its review');
  await ok(repo, ['proposal', 'sign', id, '--stage', 'review', '--role', 'expert-legal', '--person', 'p-feng', '--date', '2026-03-02']);
  repo.commit('feng', 'legal review');
  await between(id);
  await ok(repo, ['proposal', 'sign', id, '--stage', 'approved', '--role', 'coordination-mechanism', '--person', 'p-xu', '--date', '2026-03-17']);
  repo.commit('xu', 'coordination');
  await ok(repo, ['proposal', 'sign', id, '--stage', 'approved', '--role', 'provincial-committee', '--person', 'p-ma', '--date', '2026-03-18']);
  repo.commit('ma', 'committee');
  return id;
}

/** Records, by hand, proposal `id`'s approval on 03-18, and its entry into force the same day when `inForce`. */
export function recordApproval(repo: Repo, id: string, inForce: boolean): void {
  const doc = repo.read(`proposals/${id}/proposal.yaml`);
  const entries = ['approved', ...(inForce ? ['in-force'] : [])].map((stage) => `  - stage: ${stage}\n    date: 2026-03-18\n`).join('');
  repo.write(`proposals/${id}/proposal.yaml`, doc.replace('stage: review\n', `stage: ${inForce ? 'in-force' : 'approved'}\n`).concat(entries));
}

/** A branch `name` off main holding one empty commit by Li (an octopus merge's side that changes nothing); main is checked out again. */
export function emptyBranch(repo: Repo, name: string): void {
  repo.git(['checkout', '-q', '-b', name, 'main']);
  repo.commit('li', 'nothing', { sign: false });
  repo.git(['checkout', '-q', 'main']);
}

/** An unsigned merge of `branches` into the branch checked out, by Li, keeping ours, then taking `paths` from `from`. */
export function mergeTaking(repo: Repo, branches: readonly string[], paths: readonly string[], from: string = branches[0]!): void {
  repo.git(['-c', 'user.name=Li Drafter', '-c', 'user.email=li@example.org', 'merge', '-q', '--no-ff', '--no-commit', '-s', 'ours', ...branches]);
  repo.git(['checkout', from, '--', ...paths]);
  repo.commit('li', `Merge ${branches.join(', ')}`, { sign: false });
}

/** An unsigned merge of `other` into `branch` (checked out), by Li, taking `other`'s side of every conflict but keeping `branch`'s `paths`. */
export function mergeKeeping(repo: Repo, branch: string, other: string, paths: readonly string[]): void {
  repo.git(['-c', 'user.name=Li Drafter', '-c', 'user.email=li@example.org', 'merge', '-q', '--no-ff', '--no-commit', '-X', 'theirs', other]);
  repo.git(['checkout', branch, '--', ...paths]);
  repo.commit('li', `Merge branch ${other}`, { sign: false });
}
