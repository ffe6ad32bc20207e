/** The CLI's exit codes. */

/** 0: clean; 1: the policy (or request) has errors; 2: usage or internal error. */
export const EXIT = { ok: 0, policyErrors: 1, usage: 2 } as const;
