/**
 * Where a bundle comes from: an archive's bytes, an archive file, or a `qingdan build` folder.
 * All three go through the same verification; a folder loaded without trusted keys or a held
 * bundle keeps the plain manifest-and-digests check of loadBundle.
 */
import { statSync } from 'node:fs';
import { readArchiveFile, verifyBundleArchive, verifyBundleFiles, readBundleFolder, type VerifyOptions } from './bundle-archive.js';
import { loadBundle, openBundle, type PolicyBundle } from './load.js';
import { checkSource, checkVerifyOptions } from './options.js';

/** A bundle: the bytes of a .tar.gz, or the path of a .tar.gz file or of a bundle folder. */
export type BundleSource = string | Uint8Array;

/** Reads, verifies and opens the bundle at `source`; throws PolicyLoadError, or OptionError before reading anything. */
export async function openSource(source: BundleSource, options: VerifyOptions = {}): Promise<PolicyBundle> {
  checkSource(source);
  checkVerifyOptions(options);
  if (typeof source !== 'string') return openBundle(verifyBundleArchive(source, options).files);
  const kind = statSync(source, { throwIfNoEntry: false });
  if (kind?.isFile()) return openBundle(verifyBundleArchive(await readArchiveFile(source, options.maxBytes), options).files);
  if (kind?.isDirectory() && (options.trustedKeys || options.previous)) return openBundle(verifyBundleFiles(readBundleFolder(source, options.maxBytes), options).files);
  return loadBundle(source);
}
