/**
 * Where one run of the CLI reads and writes. `bin/qingdan.js` passes the process's own streams;
 * tests pass buffers, so a command runs in-process exactly as it runs from a shell. Commands
 * never touch `process.stdout`, `process.stderr`, `process.cwd()` or `process.env` themselves.
 */
import pc from 'picocolors';
import type { Lang } from '../compiler/diagnostic-codes.js';
import { EXIT } from './exit.js';

/** A stream the CLI writes text to. */
export interface Output {
  write(text: string): void;
  /** Whether the terminal behind it shows ANSI colours (NO_COLOR still turns them off). */
  readonly colors: boolean;
  /** The terminal's width, for help text; undefined when it is not a terminal. */
  readonly columns?: number;
}

export interface Io {
  /** The working directory: every relative path on the command line is resolved against it. */
  readonly cwd: string;
  /** The environment the run sees (NO_COLOR, QINGDAN_DEBUG, CHROMIUM_PATH). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Output;
  readonly stderr: Output;
  /** Standard input, read by `evaluate -`. */
  readonly stdin: AsyncIterable<string | Uint8Array>;
  /** The language of diagnostics (`--lang`); when absent, the locale of `env` decides. */
  readonly lang?: Lang;
}

/** The running process's working directory, environment and standard streams. */
export function processIo(): Io {
  const io: Io = {
    cwd: process.cwd(),
    env: process.env,
    // picocolors decides for the process as a whole (a terminal, FORCE_COLOR, CI, --no-color).
    stdout: { write: (text) => void process.stdout.write(text), colors: pc.isColorSupported, columns: process.stdout.columns },
    stderr: { write: (text) => void process.stderr.write(text), colors: pc.isColorSupported, columns: process.stderr.columns },
    stdin: process.stdin,
  };
  // A reader that stops early (`qingdan diff | head`) closes the pipe: stop quietly, as cat
  // does, instead of dying of an unhandled EPIPE with a stack trace. Any other failure to write
  // (a full disk behind `> file`) is an I/O error, exit 2, said on stderr: it was a stack trace
  // and exit 1.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit();
    // Loaded only now: the printer is not part of what every start loads.
    void Promise.all([import('../compiler/io-failure.js'), import('./usage-error.js')]).then(([{ ioFailure }, { printUsageError }]) => {
      const said = ioFailure(e, io.cwd, '<stdout>');
      if (said) printUsageError(io, said);
      process.exit(EXIT.usage);
    });
  });
  process.stderr.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? undefined : EXIT.usage));
  return io;
}

/**
 * The language diagnostics are written in: `--lang`, else the locale (`LC_ALL`, then `LANG`):
 * Chinese for `zh_*`, English otherwise.
 */
export function langOf(io: Io): Lang {
  if (io.lang) return io.lang;
  const locale = io.env.LC_ALL || io.env.LANG || '';
  return /^zh([_.@-]|$)/i.test(locale) ? 'zh' : 'en';
}

/** Whether to colour what goes to `out`: the terminal supports it and NO_COLOR is not set. */
export function useColor(io: Io, out: Output = io.stderr): boolean {
  return out.colors && !io.env.NO_COLOR;
}
