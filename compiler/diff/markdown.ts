/**
 * The diff as Markdown for a pull-request comment: a summary table first, then each change
 * with its witnesses and old/new wording, cut to a size limit with a note saying so.
 */
import type { PathwayId } from '../../runtime/artifact.js';
import type { PolicyChange, PolicyDiff } from './change.js';

const PATHWAY: Record<PathwayId, string> = {
  'security-assessment': 'security assessment',
  'standard-contract-or-certification': 'standard contract / certification',
  exempt: 'exempt',
};

const ICON: Record<PolicyChange['classification'], string> = { tightening: '🔒 tightening', loosening: '🔓 loosening', mixed: '⚖️ mixed', editorial: '✏️ editorial' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join('\n') : JSON.stringify(value, null, 1);
  return text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

function details(c: PolicyChange): string {
  const out = [`#### ${cell(c.summary.zh)} — \`${c.id}\`${c.field ? ` (${c.field})` : ''}`, '', `${ICON[c.classification]}${c.breaking ? ' · **breaking**' : ''} · ${c.summary.en}`, ''];
  if (c.witnesses && c.witnesses.length > 0) {
    out.push('| persons | sensitive persons | before | after |', '| ---: | ---: | --- | --- |');
    for (const w of c.witnesses) out.push(`| ${w.persons} | ${w.sensitive} | ${PATHWAY[w.old]} | ${PATHWAY[w.new]} |`);
    out.push('');
  }
  if (c.kind === 'changed' && c.old !== undefined && c.new !== undefined && !c.witnesses) out.push('Before:', '', quote(c.old), '', 'After:', '', quote(c.new), '');
  return out.join('\n');
}

/** Markdown of at most `maxBytes` (UTF-8); when cut, a last line says how many changes were left out. */
export function diffMarkdown(diff: PolicyDiff, maxBytes = 60_000): string {
  const s = diff.summary;
  const head = [
    '## qingdan policy diff',
    '',
    `\`${diff.base.revision}\` (${diff.base.policyVersion}) → \`${diff.head.revision}\` (${diff.head.policyVersion}) · required bump: **${diff.bump}**`,
    '',
    '| changes | tightening | loosening | mixed | editorial | breaking |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${diff.changes.length} | ${s.tightening} | ${s.loosening} | ${s.mixed} | ${s.editorial} | ${s.breaking} |`,
    '',
  ];
  if (diff.changes.length === 0) return [...head, 'No regulatory change.', ''].join('\n');
  head.push('| | what | id | classification |', '| --- | --- | --- | --- |');
  for (const c of diff.changes) head.push(`| ${c.kind} | ${cell(c.summary.zh)} | \`${c.id}\` | ${ICON[c.classification]}${c.breaking ? ' · breaking' : ''} |`);
  head.push('', '### Details', '');
  let out = head.join('\n');
  let shown = 0;
  for (const c of diff.changes) {
    const block = `${details(c)}\n`;
    if (Buffer.byteLength(out + block) > maxBytes - 200) break;
    out += block;
    shown++;
  }
  if (shown < diff.changes.length) out += `\n_${diff.changes.length - shown} more changes are not shown here (size limit); run \`qingdan diff\` locally for all of them._\n`;
  return out;
}
