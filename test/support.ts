/** Shared helpers for tests: the repository root, temporary folders, building the real policy, running the CLI. */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../cli/main.js';
import { build, type BuildResult } from '../compiler/build.js';
import { CODES, type DiagnosticArgs, type DiagnosticId, type Lang } from '../compiler/diagnostic-codes.js';
import { messageOf, render } from '../compiler/diagnostics.js';
import type { PolicyArtifact } from '../runtime/artifact.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A fresh temporary folder, inside the run's own (test/global-setup.ts) when there is one. */
export async function tempDir(prefix = 'qingdan-test-'): Promise<string> {
  return mkdtemp(join(process.env.QINGDAN_TEST_TMP ?? tmpdir(), prefix));
}

/**
 * A fresh folder inside the project (under the gitignored test-output/), for test sources: the
 * compiler reads no source from outside the project (QD4013).
 */
export async function projectTempDir(): Promise<string> {
  await mkdir(join(ROOT, 'test-output'), { recursive: true });
  return mkdtemp(join(ROOT, 'test-output', 'tmp-'));
}

/**
 * Builds the real `policy/` into a fresh temporary folder. `outDir` is the content folder the
 * output link resolves to, so a test that copies or alters it works on plain files.
 */
export async function buildRealPolicy(): Promise<{ outDir: string; result: BuildResult; artifact: PolicyArtifact }> {
  const link = join(await tempDir(), 'dist');
  const result = await build({ paths: ['policy'], outDir: link, root: ROOT });
  if (!result.files) throw new Error(`the real policy does not build: ${result.diagnostics.map((d) => `${d.code} ${messageOf(d, 'en')}`).join('; ')}`);
  const outDir = await realpath(link);
  const artifact = JSON.parse(await readFile(join(outDir, 'policy.json'), 'utf8')) as PolicyArtifact;
  return { outDir, result, artifact };
}

export async function seedText(): Promise<string> {
  return readFile(join(ROOT, 'policy/sources/measures.seed.txt'), 'utf8');
}

/** What one run of `qingdan` left behind. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** The working directory (default: the repository root). */
  readonly cwd?: string;
  /** Added to this process's environment; NO_COLOR is set unless overridden. */
  readonly env?: Record<string, string | undefined>;
  /** What the command reads from standard input: a text, or a stream of them (runCli only). */
  readonly stdin?: string | AsyncIterable<string>;
}

/**
 * Runs `qingdan args` in this process: the same `main` that bin/qingdan.js runs, with buffers
 * for stdout and stderr and a terminal that would show colours, so only NO_COLOR keeps them off.
 */
/**
 * What every CLI run in a test sees whatever the machine: no colours, and English diagnostics
 * (the locale decides the language, and tests must not depend on the machine's LANG).
 */
export const PINNED_ENV = { NO_COLOR: '1', LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8' } as const;

export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...PINNED_ENV, ...options.env },
    stdout: { write: (text) => void stdout.push(text), colors: true },
    stderr: { write: (text) => void stderr.push(text), colors: true },
    stdin: Readable.from(options.stdin === undefined ? [] : typeof options.stdin === 'string' ? [options.stdin] : options.stdin),
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** Runs `node bin/qingdan.js args` as a child process, exactly as a user would. */
export function spawnCli(args: readonly string[], options: CliOptions & { readonly stdin?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/qingdan.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...PINNED_ENV, ...options.env },
    ...(options.stdin === undefined ? {} : { input: options.stdin }),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stack trace's frame line, which no output of the CLI may contain. */
export const STACK_FRAME = /\n\s+at .+:\d+:\d+\)?\n/;

/**
 * The header line the CLI prints for a diagnostic without a source position (a usage error):
 * catalogue entry `id` with `args`, in `lang`. Tests match a printed error by its id and
 * arguments through this, never by its wording.
 */
export function diagnosticLine<I extends DiagnosticId>(id: I, args: DiagnosticArgs<I>, lang: Lang = 'en'): string {
  const kind = CODES[id];
  const label = lang === 'zh' ? (kind.severity === 'error' ? '错误' : '警告') : kind.severity;
  return `${label}[${kind.code}]${lang === 'zh' ? '：' : ': '}${render(kind, args, lang)}`;
}
