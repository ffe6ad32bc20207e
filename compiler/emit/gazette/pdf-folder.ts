/**
 * The folder `qingdan gazette --pdf -o DIR` prints into. It wrote `<page>.pdf` over whatever
 * file had that name, so `-o ~/Documents` replaced a reader's own `measures.pdf`. Now it prints
 * only into a folder that is absent, empty, or one it printed into before, which it recognises by
 * a marker file it leaves there; anything else is refused before chromium runs.
 */
import { lstat, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDirectory } from '../../../runtime/make-directory.js';
import { lstatOrNull } from '../../output-folder.js';

/** The marker `gazette --pdf` leaves in its folder, and its content: a format id. */
export const PDF_MARKER = '.qingdan-gazette-pdf';
const MARKER_TEXT = 'qingdan-gazette-pdf/1\n';

/**
 * True when the PDFs may be printed into `dir`: nothing is there, an empty folder, or a folder
 * holding the marker. Throws the file system's error when it cannot tell.
 */
export async function mayPrintInto(dir: string): Promise<boolean> {
  const info = await lstatOrNull(dir);
  if (!info) return true;
  if (!info.isDirectory()) return false;
  if ((await readdir(dir)).length === 0) return true;
  const marker = await lstat(join(dir, PDF_MARKER)).catch(() => undefined);
  return marker?.isFile() === true && marker.size === MARKER_TEXT.length && (await readFile(join(dir, PDF_MARKER), 'utf8')) === MARKER_TEXT;
}

/** Makes `dir` (which `mayPrintInto` allowed) and marks it as the PDFs' folder. */
export async function claimPdfFolder(dir: string): Promise<void> {
  await makeDirectory(dir);
  await writeFile(join(dir, PDF_MARKER), MARKER_TEXT);
}
