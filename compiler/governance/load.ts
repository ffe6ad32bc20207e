/**
 * The roster (`policy/governance/roster.yaml`) and every proposal (`proposals/<id>/`) parsed
 * from a snapshot's files (compiler/governance/snapshot.ts): nothing here reads the disk.
 */
import type { Term } from '../diagnostic-codes.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Source } from '../source.js';
import type { CommentRecord, ConcernRecord, ProposalMeta, Roster, SignoffRecord } from './model.js';
import { commentSchema, concernSchema, importantDataSchema, proposalSchema, rosterSchema, scenarioAnalysisSchema, signoffSchema, surveySchema } from './schemas.js';
import { parseYamlFile, type YamlFile } from './yaml-source.js';

export const ROSTER_PATH = 'policy/governance/roster.yaml';
/** The files of a proposal's three stage records, in its folder (what sign-offs cover besides its lists). */
export const RECORD_FILES = { survey: 'survey.yaml', importantData: 'important-data.yaml', scenarioAnalysis: 'scenario-analysis.yaml' } as const;
/** A governance proposal's roster: the whole roster it would enact (EnactedRosterRule), in its folder. */
export const PROPOSED_ROSTER = 'roster.yaml';
/** A proposal's metadata and stage history, in its folder. */
export const PROPOSAL_FILE = 'proposal.yaml';
/** A proposal's sign-offs, one file each (signoffFileName), in its folder. */
export const SIGNOFFS_DIR = 'signoffs';
/** The folder of the trust roots: the roster, its keys and its stage rules (TrustRootRule). */
export const TRUST_ROOTS = 'policy/governance/';
export const PROPOSALS_DIR = 'proposals';

export interface Loaded<T> extends YamlFile<T> {
  /** Path relative to the repository root, with forward slashes. */
  readonly path: string;
}

export interface ImportantDataRecord {
  readonly items: readonly { item: string; important: boolean }[];
}

export interface LoadedProposal {
  /** The folder name (`2026-0001-icv`). */
  readonly folder: string;
  readonly dir: string;
  readonly meta?: Loaded<ProposalMeta>;
  readonly survey?: Loaded<unknown>;
  readonly importantData?: Loaded<ImportantDataRecord>;
  readonly scenarioAnalysis?: Loaded<unknown>;
  /** A governance proposal's roster (PROPOSED_ROSTER). */
  readonly proposedRoster?: Loaded<Roster>;
  readonly comments: Loaded<CommentRecord>[];
  readonly concerns: Loaded<ConcernRecord>[];
  readonly signoffs: Loaded<SignoffRecord>[];
}

export interface Governance {
  readonly roster?: Loaded<Roster>;
  readonly proposals: LoadedProposal[];
  /** Problems reading or validating the files (syntax, schema). */
  readonly diagnostics: Diagnostic[];
  /** Every text read, for code frames. */
  readonly sources: Source[];
}

export type FileSet = ReadonlyMap<string, string>;

/** Parses and validates one YAML file of `files`, or undefined when it is absent. */
export function loadYaml<T>(files: FileSet, path: string, schema: object, what: Term<'governanceFile'>, sources: Source[], diagnostics: Diagnostic[]): Loaded<T> | undefined {
  const text = files.get(path);
  if (text === undefined) return undefined;
  const source = { path, text };
  sources.push(source);
  const parsed = parseYamlFile<T>(source, schema, what);
  diagnostics.push(...parsed.diagnostics);
  return { ...parsed, path };
}

const isYaml = (path: string) => path.endsWith('.yaml') || path.endsWith('.yml');

/** The YAML files directly inside `dir`, sorted. */
function yamlFilesIn(files: FileSet, dir: string): string[] {
  return [...files.keys()].filter((p) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes('/') && isYaml(p)).sort();
}

export function loadProposal(files: FileSet, folder: string, sources: Source[], diagnostics: Diagnostic[]): LoadedProposal {
  const dir = `${PROPOSALS_DIR}/${folder}`;
  const one = <T>(name: string, schema: object, what: Term<'governanceFile'>) => loadYaml<T>(files, `${dir}/${name}`, schema, what, sources, diagnostics);
  const many = <T>(sub: string, schema: object, what: Term<'governanceFile'>) => yamlFilesIn(files, `${dir}/${sub}`).map((path) => loadYaml<T>(files, path, schema, what, sources, diagnostics)!);
  const meta = one<ProposalMeta>(PROPOSAL_FILE, proposalSchema, 'proposal');
  const survey = one<unknown>(RECORD_FILES.survey, surveySchema, 'survey');
  const importantData = one<ImportantDataRecord>(RECORD_FILES.importantData, importantDataSchema, 'important-data');
  const scenarioAnalysis = one<unknown>(RECORD_FILES.scenarioAnalysis, scenarioAnalysisSchema, 'scenario-analysis');
  const proposedRoster = one<Roster>(PROPOSED_ROSTER, rosterSchema, 'roster');
  return {
    folder,
    dir,
    ...(meta ? { meta } : {}),
    ...(survey ? { survey } : {}),
    ...(importantData ? { importantData } : {}),
    ...(scenarioAnalysis ? { scenarioAnalysis } : {}),
    ...(proposedRoster ? { proposedRoster } : {}),
    comments: many<CommentRecord>('comments', commentSchema, 'comment'),
    concerns: many<ConcernRecord>('concerns', concernSchema, 'concern'),
    signoffs: many<SignoffRecord>(SIGNOFFS_DIR, signoffSchema, 'signoff'),
  };
}

/** The folders under proposals/ of `files`, sorted. */
export function proposalFolders(files: FileSet): string[] {
  const folders = new Set<string>();
  for (const path of files.keys()) {
    const m = path.split('/');
    if (m[0] === PROPOSALS_DIR && m.length > 2 && !m[1]!.startsWith('.')) folders.add(m[1]!);
  }
  return [...folders].sort();
}

/** Loads the roster and every proposal of `files`. */
export function loadGovernance(files: FileSet): Governance {
  const sources: Source[] = [];
  const diagnostics: Diagnostic[] = [];
  const roster = loadYaml<Roster>(files, ROSTER_PATH, rosterSchema, 'roster', sources, diagnostics);
  const proposals = proposalFolders(files).map((folder) => loadProposal(files, folder, sources, diagnostics));
  return { ...(roster ? { roster } : {}), proposals, diagnostics, sources };
}
