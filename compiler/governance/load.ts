/** Reads the roster (`policy/governance/roster.yaml`) and every proposal (`proposals/<id>/`). */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Source } from '../source.js';
import type { CommentRecord, ConcernRecord, ProposalMeta, Roster, SignoffRecord } from './model.js';
import { commentSchema, concernSchema, importantDataSchema, proposalSchema, rosterSchema, scenarioAnalysisSchema, signoffSchema, surveySchema } from './schemas.js';
import { parseYamlFile, type YamlFile } from './yaml-source.js';

export const ROSTER_PATH = 'policy/governance/roster.yaml';
export const PROPOSALS_DIR = 'proposals';

export interface Loaded<T> extends YamlFile<T> {
  /** Path relative to the repository root, with forward slashes. */
  readonly path: string;
}

export interface LoadedProposal {
  /** The folder name (`2026-0001-icv`). */
  readonly folder: string;
  readonly dir: string;
  readonly meta?: Loaded<ProposalMeta>;
  readonly survey?: Loaded<unknown>;
  readonly importantData?: Loaded<unknown>;
  readonly scenarioAnalysis?: Loaded<unknown>;
  readonly comments: Loaded<CommentRecord>[];
  readonly concerns: Loaded<ConcernRecord>[];
  readonly signoffs: Loaded<SignoffRecord>[];
}

export interface Governance {
  readonly root: string;
  readonly roster?: Loaded<Roster>;
  readonly proposals: LoadedProposal[];
  /** Problems reading or validating the files (syntax, schema, I/O). */
  readonly diagnostics: Diagnostic[];
  /** Every text read, for code frames. */
  readonly sources: Source[];
}

async function loadFile<T>(root: string, path: string, schema: object, what: string, sources: Source[], diagnostics: Diagnostic[]): Promise<Loaded<T> | undefined> {
  let text: string;
  try {
    text = await readFile(join(root, path), 'utf8');
  } catch (e) {
    diagnostics.push(diagnostic('cannot-read', undefined, { path, reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
    return undefined;
  }
  const source = { path, text };
  sources.push(source);
  const parsed = parseYamlFile<T>(source, schema, what);
  diagnostics.push(...parsed.diagnostics);
  return { ...parsed, path };
}

async function yamlFilesIn(root: string, dir: string): Promise<string[]> {
  if (!existsSync(join(root, dir))) return [];
  const names = await readdir(join(root, dir));
  return names.filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort().map((n) => `${dir}/${n}`);
}

export async function loadProposal(root: string, folder: string, sources: Source[], diagnostics: Diagnostic[]): Promise<LoadedProposal> {
  const dir = `${PROPOSALS_DIR}/${folder}`;
  const optional = async <T>(name: string, schema: object, what: string) =>
    existsSync(join(root, dir, name)) ? loadFile<T>(root, `${dir}/${name}`, schema, what, sources, diagnostics) : undefined;
  const many = async <T>(sub: string, schema: object, what: string) => {
    const out: Loaded<T>[] = [];
    for (const path of await yamlFilesIn(root, `${dir}/${sub}`)) {
      const f = await loadFile<T>(root, path, schema, what, sources, diagnostics);
      if (f) out.push(f);
    }
    return out;
  };
  const meta = await loadFile<ProposalMeta>(root, `${dir}/proposal.yaml`, proposalSchema, 'proposal', sources, diagnostics);
  return {
    folder,
    dir,
    ...(meta ? { meta } : {}),
    survey: await optional('survey.yaml', surveySchema, 'survey'),
    importantData: await optional('important-data.yaml', importantDataSchema, 'important-data identification'),
    scenarioAnalysis: await optional('scenario-analysis.yaml', scenarioAnalysisSchema, 'scenario analysis'),
    comments: await many<CommentRecord>('comments', commentSchema, 'comment'),
    concerns: await many<ConcernRecord>('concerns', concernSchema, 'concern'),
    signoffs: await many<SignoffRecord>('signoffs', signoffSchema, 'sign-off'),
  };
}

/** Loads the roster and every proposal under `root`. */
export async function loadGovernance(root: string): Promise<Governance> {
  const sources: Source[] = [];
  const diagnostics: Diagnostic[] = [];
  const roster = await loadFile<Roster>(root, ROSTER_PATH, rosterSchema, 'roster', sources, diagnostics);
  const proposals: LoadedProposal[] = [];
  if (existsSync(join(root, PROPOSALS_DIR))) {
    const entries = await readdir(join(root, PROPOSALS_DIR), { withFileTypes: true });
    for (const e of entries.filter((x) => x.isDirectory() && !x.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      proposals.push(await loadProposal(root, e.name, sources, diagnostics));
    }
  }
  return { root, ...(roster ? { roster } : {}), proposals, diagnostics, sources };
}
