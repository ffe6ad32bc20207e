/**
 * The checks one command makes of one repository (given by its top folder), sharing what does
 * not change between them: one git process for objects and revisions, and the history walk (the
 * ledger) of each head and base, and what they read of a commit. A proposal command checked the
 * governance two or three times, each check starting its own git processes and parsing the
 * commit's records and lists again.
 * `proposal status` checked each proposal twice — its record, and its next transition — and
 * walked the same history each time (six walks for three proposals).
 */
import { ObjectReader } from '../git/objects.js';
import { GitError } from '../git/run.js';
import type { CommitReading } from './check.js';
import { Ledger } from './ledger.js';

export class CheckSession {
  /** Open until `close()`: the ledgers read past commits through it while rules run. */
  readonly reader: ObjectReader;
  private readonly ledgers = new Map<string, Promise<Ledger>>();
  private readonly readings = new Map<string, Promise<CommitReading>>();

  constructor(readonly root: string) {
    this.reader = new ObjectReader(root);
  }

  /** The commit `revision` names, through the session's git process. Rejects with a GitError when there is none. */
  async commit(revision: string): Promise<string> {
    const info = await this.reader.info(`${revision}^{commit}`);
    // git's own answer, as the message: the object name, then "missing".
    if (!info) throw new GitError(['cat-file', '--batch-command'], `${revision}^{commit} missing`, null, undefined, true);
    return info.oid;
  }

  /** What the checks read of `commit`, read once per session (by `read`, through the session's reader). Checks only read it. */
  reading(commit: string, read: (reader: ObjectReader, commit: string) => Promise<CommitReading>): Promise<CommitReading> {
    let reading = this.readings.get(commit);
    if (!reading) this.readings.set(commit, (reading = read(this.reader, commit)));
    return reading;
  }

  /** The ledger of `head` after `options.base`, walked once per session. */
  ledger(head: string, options: Parameters<typeof Ledger.open>[3] = {}): Promise<Ledger> {
    // The other options follow from these two: the base's roster, the head's proposal folders.
    const key = `${head} ${options.base ?? ''}`;
    let ledger = this.ledgers.get(key);
    if (!ledger) this.ledgers.set(key, (ledger = Ledger.open(this.reader, this.root, head, options)));
    return ledger;
  }

  /** Ends the git process. */
  close(): void {
    this.reader.close();
  }
}

/** Runs `use` with a session on `root`, and closes it however `use` ends. */
export async function withCheckSession<T>(root: string, use: (session: CheckSession) => Promise<T>): Promise<T> {
  const session = new CheckSession(root);
  try {
    return await use(session);
  } finally {
    session.close();
  }
}
