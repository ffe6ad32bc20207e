import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { P } from '../fixture.js';
import type { Attack } from './attack.js';

/** A missing git object: the machinery failing is an I/O error (exit 2), never a verdict. */
export const attack: Attack = {
  title: 'a git object missing from the repository',
  from: 'review',
  catches: ['QD4030'],
  async apply(repo) {
    const oid = repo.git(['rev-parse', `HEAD:${P}/survey.yaml`]).trim();
    rmSync(join(repo.dir, '.git/objects', oid.slice(0, 2), oid.slice(2)), { force: true });
  },
};
