/**
 * A small repository for the site's tests, with fixed identities and dates so that its commits —
 * and so every page of the site, base commit ids included — are the same on every run: the real
 * policy/ and roster first, then the icv proposal with its records and comments, an open concern,
 * a rejected comment, a sign-off whose content has changed since, and an item renamed in the list.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempDir } from './support.js';

export const SITE_DATE = '2026-12-01';

const ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Site Fixture', GIT_AUTHOR_EMAIL: 'fixture@example.org', GIT_COMMITTER_NAME: 'Site Fixture', GIT_COMMITTER_EMAIL: 'fixture@example.org' };

function git(dir: string, args: string[], date: string): void {
  execFileSync('git', args, { cwd: dir, env: { ...process.env, ...ENV, GIT_AUTHOR_DATE: `${date}T09:00:00+08:00`, GIT_COMMITTER_DATE: `${date}T09:00:00+08:00` }, stdio: 'pipe' });
}

/** The renamed item: its old and new title. */
export const RENAMED = { from: '车辆远程诊断与故障数据', to: '车辆远程诊断、故障与维修数据' };

/** Creates the fixture repository and returns its folder. */
export async function siteRepo(): Promise<string> {
  const dir = await tempDir('qingdan-site-');
  git(dir, ['init', '-q', '-b', 'main'], '2026-10-01');
  cpSync(join(ROOT, 'policy'), join(dir, 'policy'), { recursive: true });
  // A fixed package.json (the policy's name and version), so the project's own dependencies never change the fixture's commits.
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'qingdan', version: '0.1.0', private: true }, null, 2)}\n`);
  git(dir, ['add', '-A'], '2026-10-01');
  git(dir, ['commit', '-q', '-m', 'the policy before the proposal'], '2026-10-01');

  const p = join(dir, 'proposals/2026-0001-icv');
  cpSync(join(ROOT, 'proposals/2026-0001-icv'), p, { recursive: true });
  mkdirSync(join(p, 'concerns'), { recursive: true });
  mkdirSync(join(p, 'signoffs'), { recursive: true });
  writeFileSync(join(p, 'concerns/k-001.yaml'), 'raisedBy: p-feng-legal\ndate: 2026-11-20\ntarget: icv.owner-pi\ntext: 车主个人信息的量级门槛须与国家规定的累计口径一致，请说明依据。\n');
  writeFileSync(join(p, 'comments/c-004.yaml'), 'author: 某地图服务企业（示意）\ndate: 2026-11-21\ntarget: icv\ntext: 建议将高精度地图数据单列为一个业务场景。\ndisposition:\n  decision: rejected\n  reason: 测绘地理信息数据由测绘管理规定另行规范，不在本清单范围内。\n  date: 2026-11-25\n  by: p-li-drafter\n');
  writeFileSync(join(p, 'signoffs/review--expert-industry--p-zheng-industry.yaml'), `proposal: 2026-0001-icv\nstage: review\nrole: expert-industry\nperson: p-zheng-industry\ndate: 2026-11-26\ndigest: sha256:${'0'.repeat(64)}\n`);
  const icv = join(dir, 'policy/lists/icv.qd');
  const text = readFileSync(icv, 'utf8');
  if (!text.includes(RENAMED.from)) throw new Error(`policy/lists/icv.qd no longer has the item ${RENAMED.from}; update the site fixture`);
  writeFileSync(icv, text.replace(RENAMED.from, RENAMED.to));
  git(dir, ['add', '-A'], '2026-11-26');
  git(dir, ['commit', '-q', '-m', 'the icv proposal, its consultation and a renamed item'], '2026-11-26');
  return dir;
}

/** Runs `qingdan site` in `dir` into `out` on the fixture's date. */
export async function buildSite(dir: string, out = 'site'): Promise<string> {
  const run = await runCli(['site', '-o', out, '--date', SITE_DATE], { cwd: dir, env: ENV });
  if (run.code !== 0) throw new Error(`qingdan site failed (${run.code}): ${run.stderr}`);
  return join(dir, out);
}
