/**
 * The id of a new proposal: `<year>-<nnnn>-<slug>`, numbered after every proposal of the year —
 * those committed and those only in the working tree. Counting only the committed ones gave a
 * second `proposal new` before a commit the same number, and with the same slug the same folder:
 * its files were written over the draft's.
 */

/** The id after every proposal folder in `folders` (names such as `2026-0003-icv`) of `year`. */
export function nextProposalId(year: string, slug: string, folders: Iterable<string>): string {
  let last = 0;
  for (const folder of folders) {
    const m = /^(\d{4})-(\d{4})-/.exec(folder);
    if (m && m[1] === year) last = Math.max(last, Number(m[2]));
  }
  return `${year}-${String(last + 1).padStart(4, '0')}-${slug}`;
}
