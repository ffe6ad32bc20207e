import { describe, expect, it } from 'vitest';
import { checkSources, readSources } from '../compiler/compile.js';
import { formatSource } from '../compiler/format.js';
import { newListSkeleton } from '../compiler/new-list.js';
import { ROOT } from './support.js';

const { sources } = await readSources(['policy'], ROOT);
const policy = checkSources(sources);

describe('qingdan new list', () => {
  it.each([
    ['S22', '2027-03-01'],
    ['S36', '2028-02-29'],
  ])('writes a skeleton for %s that checks clean with the policy and is in canonical form', (sector, effectiveFrom) => {
    const result = newListSkeleton({ id: 'new-sector-list', sector, effectiveFrom }, policy.files, policy.symbols);
    if (!('text' in result)) throw new Error(result.diagnostics.map((d) => d.code).join());
    const source = { path: 'policy/lists/new-sector-list.qd', text: result.text };
    expect(checkSources([...sources, source]).diagnostics.map((d) => `${d.code} ${d.span?.line}`)).toEqual([]);
    const formatted = formatSource(source);
    expect(formatted.ok && formatted.changed).toBe(false);
    expect(result.text).toContain(`sector ${sector}\n`);
    expect(result.text).toContain('待填写');
  });

  it('refuses an unknown sector (QD2003, with did-you-mean), a taken id (QD2002) and a malformed date (QD3001)', () => {
    const codes = (id: string, sector: string, effectiveFrom = '2027-01-01') => {
      const r = newListSkeleton({ id, sector, effectiveFrom }, policy.files, policy.symbols);
      return 'diagnostics' in r ? r.diagnostics.map((d) => [d.code, d.hint]) : [];
    };
    expect(codes('fresh', 'S99')).toEqual([['QD2003', { id: 'did-you-mean', args: { words: ['S09', 'S19', 'S29'] } }]]);
    expect(codes('icv', 'S16').map(([c]) => c)).toEqual(['QD2002']);
    expect(codes('fresh', 'S16', '2027-02-30').map(([c]) => c)).toEqual(['QD3001']);
    expect(codes('fresh', 'S16', '2027-13-01').map(([c]) => c)).toEqual(['QD3001']);
  });

  it('says why a date is none, as check does (it told 2027-02-30 to write YYYY-MM-DD)', () => {
    const problem = (effectiveFrom: string) => {
      const r = newListSkeleton({ id: 'fresh', sector: 'S16', effectiveFrom }, policy.files, policy.symbols);
      return 'diagnostics' in r ? r.diagnostics.map((d) => [d.id, d.args]) : [];
    };
    expect(problem('2027-02-30')).toEqual([['invalid-date-day', { date: "'2027-02-30'", month: '2027-02', days: 28 }]]);
    expect(problem('2027-13-01')).toEqual([['invalid-date-month', { date: "'2027-13-01'", month: 13 }]]);
    expect(problem('2027-2-3')).toEqual([['invalid-date-format', { date: "'2027-2-3'" }]]);
  });
});
