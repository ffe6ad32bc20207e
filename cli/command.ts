/** What a command's registration hands its action: the run's I/O, and a place for its exit code. */
import type { Io } from './io.js';

/**
 * Runs one command's action with the run's I/O and records the exit code it returns. Actions
 * live in `cli/actions/` and are imported inside the action, so that starting the CLI loads
 * only the command that runs (and `--help` loads none).
 */
export type Run = (action: (io: Io) => Promise<number>) => Promise<void>;
