/**
 * The build output folder (`dist/` by default) and how a build replaces it without ever losing
 * data or leaving readers without a complete build.
 *
 * Layout: `dist` is a symbolic link to a sibling content folder `.dist.build-<pid>-<random>`
 * that holds one complete build and a marker file. A build writes a new content folder, makes a
 * new link to it and renames that link over `dist`: one `rename(2)`, so `dist` always resolves
 * to the previous or the new build, whenever the process is killed. The content folder `dist`
 * pointed to before is kept until the next build, and for SUPERSEDED_GRACE_MS after the flip
 * that replaced it whatever builds follow (a reader that resolved it may still be reading: on a
 * loaded machine a reader paused across two quick builds found its folder gone); older ones,
 * and those of killed builds, are removed by a later build, which recognises them by their name
 * and marker.
 *
 * `--out` may only name a folder that is absent, empty or written by a build, never the
 * project, a source, or a file: each refusal is a diagnostic, and nothing is touched.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, readlink, realpath, rename, rm, rmdir, symlink, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { makeDirectory } from '../runtime/make-directory.js';
import { BUILD_MARKER } from '../runtime/artifact.js';
import { diagnostic, hint, type Diagnostic, type Hint } from './diagnostics.js';

/** The marker file in every content folder, and its content: a format id. */
const MARKER_TEXT = 'qingdan-build/1\n';
/** A file a build writes into the content folder it replaces: its time is when that happened. */
export const SUPERSEDED = '.qingdan-superseded';
/** How long a replaced build stays for readers that resolved `dist` before the flip. */
export const SUPERSEDED_GRACE_MS = 2_000;

/** What `--out` names now, and so how a build replaces it. */
type OutputState =
  | { readonly kind: 'absent' }
  | { readonly kind: 'empty' }
  /** A link to a content folder of a build; `target` is that folder's name. */
  | { readonly kind: 'link'; readonly target: string }
  /** A plain folder a build of the former layout (or a copy of a content folder) wrote. */
  | { readonly kind: 'folder' };

const contentPrefix = (name: string) => `.${name}.build-`;
const linkPrefix = (name: string) => `.${name}.link-`;
/** The temporaries the former layout left when killed: `dist.tmp-<pid>`, `dist.old-<pid>`. */
const formerTemporary = (name: string, entry: string) => new RegExp(`^${escapeRegExp(name)}\\.(tmp|old)-\\d+$`).test(entry);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `inner` is `outer` or lies inside it (both absolute and normalised). */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code;
}

/** The `lstat` of `path`, or null when nothing is there; any other error is thrown. */
export async function lstatOrNull(path: string) {
  try {
    return await lstat(path);
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    throw e;
  }
}

async function hasMarker(folder: string, { partly = false } = {}): Promise<boolean> {
  const info = await lstatOrNull(join(folder, BUILD_MARKER));
  if (!info?.isFile() || info.size > 64) return false;
  const text = await readFile(join(folder, BUILD_MARKER), 'utf8');
  // A build killed between creating its marker and writing it leaves an empty or short one.
  return partly ? MARKER_TEXT.startsWith(text) : text === MARKER_TEXT;
}

/** Every file under `folder`, relative, or null when it holds anything but files and folders. */
async function plainFiles(folder: string): Promise<string[] | null> {
  const out: string[] = [];
  for (const e of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (e.isDirectory()) continue;
    if (!e.isFile()) return null;
    out.push(relative(folder, join(e.parentPath, e.name)).split(sep).join('/'));
  }
  return out;
}

/**
 * A plain folder some build wrote: it has the marker, or (the layout before markers) a
 * manifest.json, and every file in it is the manifest or an artifact the manifest lists.
 */
async function writtenByBuild(folder: string): Promise<boolean> {
  if (await hasMarker(folder)) return true;
  const files = await plainFiles(folder);
  if (!files?.includes('manifest.json')) return false;
  const manifest = await lstat(join(folder, 'manifest.json'));
  if (manifest.size > 16 * 1024 * 1024) return false;
  let artifacts: unknown;
  try {
    artifacts = (JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as { artifacts?: unknown }).artifacts;
  } catch {
    return false;
  }
  if (typeof artifacts !== 'object' || artifacts === null) return false;
  return files.every((f) => f === 'manifest.json' || Object.hasOwn(artifacts as object, f));
}

/** A link `--out` may replace: relative, to a sibling content folder that has the marker. */
async function buildLinkTarget(out: string): Promise<string | null> {
  const target = await readlink(out);
  if (target.includes('/') || target.includes(sep) || !target.startsWith(contentPrefix(basename(out)))) return null;
  const folder = join(dirname(out), target);
  const info = await lstatOrNull(folder);
  return info?.isDirectory() && (await hasMarker(folder)) ? target : null;
}

/** Where `path` lies on disk: its nearest existing ancestor with links resolved, then the rest. */
async function physical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (e) {
    const parent = dirname(path);
    if (errno(e) !== 'ENOENT' || parent === path) return path;
    return join(await physical(parent), basename(path));
  }
}

export interface OutputRequest {
  /** The output folder, absolute. */
  readonly out: string;
  /** The project root, absolute. */
  readonly root: string;
  /** The source files and folders given to the build, absolute. */
  readonly sources: readonly string[];
  /** What is written: a build's artifacts or the review site. Neither replaces the other's folder. */
  readonly writes: 'build' | 'site';
}

/**
 * Which command wrote the content folder `folder`, when it is the other one's: a build's output
 * holds manifest.json, a site's index.html and no manifest. Both carry the same marker, so
 * `site --out dist` replaced the build that `serve` or `verify` was reading, and the reverse.
 */
async function otherWriter(folder: string, writes: OutputRequest['writes']): Promise<'build' | 'site' | undefined> {
  const manifest = (await lstatOrNull(join(folder, 'manifest.json')))?.isFile() ?? false;
  if (writes === 'site') return manifest ? 'build' : undefined;
  return !manifest && (await lstatOrNull(join(folder, 'index.html')))?.isFile() ? 'site' : undefined;
}

/**
 * Whether a build may replace `out`, and how: the state, or the refusals. Reads only. Every
 * refusal names the folder as given (`shown`) and says what to do instead.
 */
export async function inspectOutput(request: OutputRequest, shown: string): Promise<{ state?: OutputState; diagnostics: Diagnostic[] }> {
  const { out, root } = request;
  const refuse = (id: 'out-contains-project' | 'out-foreign-link' | 'out-is-file' | 'out-not-build', advice: Hint) => ({ diagnostics: [diagnostic(id, undefined, { path: shown }, { hint: advice })] });
  const overlap = (id: 'out-contains-sources' | 'out-inside-sources', source: string, advice: Hint) => ({ diagnostics: [diagnostic(id, undefined, { path: shown, source }, { hint: advice })] });
  // Compared both as written and as they lie on disk, so a link in the way hides nothing.
  const outs = [out, await physical(dirname(out)).then((p) => join(p, basename(out)))];
  const roots = [root, await physical(root)];
  if (outs.some((o) => roots.some((r) => within(r, o)))) return refuse('out-contains-project', hint('out-in-project'));
  for (const source of request.sources) {
    const name = relative(root, source) || '.';
    const sources = [source, await physical(source)];
    const overlaps = (inner: string[], outer: string[]) => inner.some((i) => outer.some((o) => within(i, o)));
    if (overlaps(sources, outs)) return overlap('out-contains-sources', name, hint('out-no-sources'));
    if (overlaps(outs, sources)) return overlap('out-inside-sources', name, hint('out-outside-sources'));
  }
  const info = await lstatOrNull(out);
  if (!info) return { state: { kind: 'absent' }, diagnostics: [] };
  const ours = async (content: string, state: OutputState) => {
    const other = await otherWriter(content, request.writes);
    return other ? { diagnostics: [diagnostic('out-other-output', undefined, { path: shown, other }, { hint: hint('out-own-folders') })] } : { state, diagnostics: [] };
  };
  if (info.isSymbolicLink()) {
    const target = await buildLinkTarget(out);
    if (target) return ours(join(dirname(out), target), { kind: 'link', target });
    return refuse('out-foreign-link', hint('out-own-link'));
  }
  if (!info.isDirectory()) return refuse('out-is-file', hint('out-folder'));
  if ((await readdir(out)).length === 0) return { state: { kind: 'empty' }, diagnostics: [] };
  if (await writtenByBuild(out)) return ours(out, { kind: 'folder' });
  return refuse('out-not-build', hint('out-empty'));
}

/** A fresh name for a content folder or link of this process. */
function freshName(prefix: string): string {
  return `${prefix}${process.pid}-${randomBytes(6).toString('hex')}`;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === 'EPERM';
  }
}

/** The name of the folder the link `out` points to now, or null when `out` is no link. */
async function currentTarget(out: string): Promise<string | null> {
  try {
    return await readlink(out);
  } catch {
    return null;
  }
}

/**
 * Removes what earlier builds into `out` left behind: content folders (by marker) other than
 * those in `keep`, links never renamed into place, and the former layout's temporaries (by
 * their manifest). Entries of a build still running in another process are left alone, and so
 * is whatever `out` points to when the entry is reached: a concurrent build may have flipped
 * `out` to its own folder and exited since this build flipped it.
 */
export async function removeStale(out: string, keep: ReadonlySet<string>): Promise<void> {
  const parent = dirname(out);
  const name = basename(out);
  for (const entry of await readdir(parent)) {
    const path = join(parent, entry);
    const ours = entry.startsWith(contentPrefix(name)) || entry.startsWith(linkPrefix(name));
    if (ours) {
      const pid = Number(/-(\d+)-[0-9a-f]+$/.exec(entry)?.[1]);
      if (keep.has(entry) || (pid !== process.pid && processAlive(pid)) || entry === (await currentTarget(out))) continue;
      const info = await lstatOrNull(path);
      if (info?.isSymbolicLink() && entry.startsWith(linkPrefix(name))) await unlink(path);
      // The name says a build of ours made it; a marker, even one cut short, that it holds a build.
      else if (info?.isDirectory() && (await hasMarker(path, { partly: true }))) {
        if (!(await supersededLately(path))) await removeMarked(path);
      }
      // Killed between making the folder and writing its marker: only ever removed while empty.
      else if (info?.isDirectory()) await rmdir(path).catch(() => undefined);
    } else if (formerTemporary(name, entry)) {
      const info = await lstatOrNull(path);
      if (info?.isDirectory() && (await writtenByBuild(path))) await rm(path, { recursive: true, force: true });
    }
  }
}

/** Whether the content folder was replaced less than SUPERSEDED_GRACE_MS ago. */
async function supersededLately(folder: string): Promise<boolean> {
  const info = await lstatOrNull(join(folder, SUPERSEDED));
  return info !== null && Date.now() - info.mtimeMs < SUPERSEDED_GRACE_MS;
}

/** Removes a marked content folder, the marker last: a removal cut short is finished next time. */
async function removeMarked(folder: string): Promise<void> {
  for (const entry of await readdir(folder)) {
    if (entry !== BUILD_MARKER) await rm(join(folder, entry), { recursive: true, force: true });
  }
  await unlink(join(folder, BUILD_MARKER));
  await rmdir(folder);
}

/** Writes `files` (relative path → content) and the marker into a new content folder. */
async function writeContent(folder: string, files: ReadonlyMap<string, string>): Promise<void> {
  await mkdir(folder);
  // The marker first: a folder a killed build left half-written is then recognisably ours.
  await writeFile(join(folder, BUILD_MARKER), MARKER_TEXT);
  for (const [path, content] of files) {
    const target = join(folder, path);
    await makeDirectory(dirname(target));
    await writeFile(target, content);
  }
}

/**
 * Publishes `files` as the new content of `out`, whose state `inspectOutput` gave: after the
 * one rename that flips `out`, readers see the new build; before it, the previous one.
 */
export async function publishOutput(out: string, state: OutputState, files: ReadonlyMap<string, string>): Promise<void> {
  const parent = dirname(out);
  const name = basename(out);
  await makeDirectory(parent);
  const content = freshName(contentPrefix(name));
  const link = join(parent, freshName(linkPrefix(name)));
  try {
    await writeContent(join(parent, content), files);
    await symlink(content, link);
  } catch (e) {
    await rm(join(parent, content), { recursive: true, force: true });
    await rm(link, { force: true });
    throw e;
  }
  const keep = new Set([content]);
  let previous: string | undefined;
  if (state.kind === 'link') {
    // What `out` points to just before the flip is the previous build, which readers may still
    // be reading: another build may have flipped `out` since it was inspected.
    previous = (await currentTarget(out)) ?? state.target;
    keep.add(previous);
  } else if (state.kind === 'empty') await rmdir(out);
  else if (state.kind === 'folder') {
    // A link cannot be renamed over a folder: the former build becomes a content folder first.
    // Only this once, between the two renames, is there no `out`; the next build tidies up.
    const former = freshName(contentPrefix(name));
    await writeFile(join(out, BUILD_MARKER), MARKER_TEXT);
    await rename(out, join(parent, former));
    keep.add(former);
  }
  await rename(link, out);
  // Not for a former plain folder: its readers resolved no link. Should the write fail (a
  // concurrent build removed the folder), the folder merely loses its grace.
  if (previous !== undefined) await writeFile(join(resolve(parent, previous), SUPERSEDED), '').catch(() => undefined);
  await removeStale(out, keep);
}
