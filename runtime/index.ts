/** qingdan's runtime: load a verified policy bundle and decide planned data exports. */
export { Policy } from './policy.js';
export type { ListState } from './reasons.js';
export { PolicyLoadError, InvalidRequestError, OptionError, type PolicyLoadErrorCode } from './errors.js';
export { loadBundle, openBundle, type PolicyBundle } from './load.js';
export type * from './artifact.js';
export type * from './request.js';
export { verifyBundleArchive, verifyBundleFiles, type VerifyOptions, type VerifiedFiles } from './bundle-archive.js';
export { keyId, pae, MANIFEST_PAYLOAD_TYPE, ENVELOPE_FILE, type Envelope, type TrustedKey } from './signature.js';
export { compareVersions, checkSuccession, type BundleIdentity } from './version.js';
export type { BundleSource } from './bundle-source.js';
export { PolicyClient, PolicyUnavailableError, type PolicyClientOptions, type PolicyClientState } from './client.js';
export { isSharedBatch, requestOf, requestsOf, type SharedBatch, type SharedContext } from './shared-batch.js';
export { compactDecisions, denseDecisions, expandDecisions, type CompactDecision, type CompactDecisions, type DenseDecision, type DenseDecisions } from './compact.js';
export { marginsOf, groupDigits, PERSONAL_INFO_PART, type Margins, type PartMargins, type Margin, type KindMargin, type MarginMeasure } from './margins.js';
export { checkReport, reportProblems, requestOfReport, reportOf, itemPathways, type ExportReport, type ReportProblem, type ReportCheck, type PathwayChange, type ReportParticulars, type ReportRecipient, type ReportCatalogueEntry } from './report.js';
export { compareReport, differencesOf, isDiscrepancy, type Difference, type ReportComparison } from './report-compare.js';
export { ExportLogCounter, countExportLog, fileChunks, type ExportLogCount, type ExportLogOptions, type LogProblem, type LogProblemParams, type LineRule, type LoggedPart } from './export-log.js';
