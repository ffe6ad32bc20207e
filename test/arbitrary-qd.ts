/**
 * fast-check arbitraries for `.qd` source text: every declaration and clause of the grammar,
 * with random layout (clause order, spacing, line breaks, blank lines, redundant parentheses)
 * and comments in every place a drafter might put one. The texts are syntactically valid, not
 * necessarily meaningful: the printer must keep whatever parses.
 */
import fc from 'fast-check';
import { KEYWORDS } from '../compiler/lexer.js';

const chars = fc.constantFrom(...'数据出境负面清单（）“”，。；：、a Z 0 9 - _ . " \\ / * # { } 万 人 \u3000'.split(' ').join('').split(''), '\n', '//', '/*');
const stringValue = fc.array(chars, { maxLength: 12 }).map((parts) => parts.join(''));

/** A string literal whose value is arbitrary text, escaped as the lexer wants. */
export const stringLit = stringValue.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);

const plainId = fc.stringMatching(/^[a-z][a-z0-9_]{0,5}(-[a-z0-9]{1,3})?$/).filter((w) => !KEYWORDS.includes(w));
/** A declaration's name: an identifier, now and then a reserved word (`annex annex "…"` is legal). */
export const id = fc.oneof({ weight: 9, arbitrary: plainId }, { weight: 1, arbitrary: fc.constantFrom('annex', 'list', 'item', 'important', 'data') });
const reference = fc.array(id, { minLength: 1, maxLength: 3 }).map((p) => p.join('.'));
const refList = fc.array(reference, { minLength: 1, maxLength: 3 }).map((r) => r.join(', '));
const idList = fc.array(id, { minLength: 1, maxLength: 3 }).map((r) => r.join(', '));
const volume = fc.tuple(fc.stringMatching(/^[1-9][0-9_]{0,4}(\.[0-9]{1,3})?$/).filter((d) => !d.endsWith('_')), fc.constantFrom('', '', '万', '亿')).map(([d, u]) => d + u);
const date = fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(
  ([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
);
const pathway = fc.constantFrom('assessment', 'contract', 'exempt');
const measure = fc.constantFrom('persons', 'sensitive');

const { condition } = fc.letrec((tie) => ({
  atom: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(measure, fc.constantFrom('>=', '>', '<', '<='), volume).map(([m, op, v]) => `${m} ${op} ${v}`),
    fc.tuple(measure, volume, volume).map(([m, a, b]) => `${m} in ${a}..${b}`),
    idList.map((k) => `kinds any [${k}]`),
    fc.constantFrom('ciio', 'not ciio'),
    tie('condition').map((c) => `(${c as string})`),
  ),
  conj: fc.array(tie('atom'), { minLength: 1, maxLength: 3 }).map((a) => (a as string[]).join(' and ')),
  condition: fc.array(tie('conj'), { minLength: 1, maxLength: 3 }).map((a) => (a as string[]).join(' or ')),
}));
export { condition };

const comment = fc.oneof(fc.constant('// 注释 note'), fc.constant('/* 块注释 */'), fc.constant('/* two\n   lines */'), fc.constant('//'));
/** What separates two clauses: a line break, a blank line, or a comment on its own line. */
const clauseBreak = fc.oneof(
  { weight: 6, arbitrary: fc.constant('\n') },
  { weight: 2, arbitrary: fc.constant('\n\n') },
  { weight: 1, arbitrary: comment.map((c) => `\n${c}\n`) },
  { weight: 1, arbitrary: comment.filter((c) => c.startsWith('//')).map((c) => ` ${c}\n`) },
  { weight: 1, arbitrary: fc.constant('\n\t  \n') },
);

/** A `{ … }` block whose clauses come in a random order with random breaks between them. */
function block(clauses: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  return clauses.chain((list) =>
    fc.tuple(fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }), fc.array(clauseBreak, { minLength: list.length + 1, maxLength: list.length + 1 })).map(
      ([shuffled, breaks]) => `{${breaks[0]}${shuffled.map((c, i) => `${c}${breaks[i + 1]}`).join('')}}`,
    ),
  );
}

const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const present = (parts: Array<string | undefined>) => parts.filter((p): p is string => p !== undefined);

const rung = fc.tuple(pathway, condition, optional(refList)).map(([p, c, b]) => `${p} when ${c}${b ? ` basis ${b}` : ''}`);

const item = fc
  .tuple(id, stringLit, optional(reference), fc.array(fc.array(stringLit, { minLength: 1, maxLength: 3 }), { maxLength: 2 }), optional(stringLit), fc.boolean(), fc.array(rung, { maxLength: 2 }), optional(refList), fc.array(stringLit, { maxLength: 2 }))
  .chain(([name, title, category, fields, description, important, rungs, basis, notes]) =>
    block(
      fc.constant(
        present([
          category && `category ${category}`,
          ...fields.map((f) => `fields ${f.join(', ')}`),
          description && `description ${description}`,
          important ? 'important' : undefined,
          // A rung is followed by a line break in `block`, so an item basis never joins a rung.
          ...rungs,
          basis && `basis ${basis}`,
          ...notes.map((n) => `note ${n}`),
        ]),
      ),
    ).map((body) => `item ${name} ${title} ${body}`),
  );

const scenario = fc
  .tuple(id, stringLit, fc.array(stringLit, { maxLength: 2 }), fc.array(item, { maxLength: 3 }))
  .chain(([name, title, notes, items]) =>
    // Items keep their relative order (the AST keeps it); notes may move among them.
    block(fc.constant([...notes.map((n) => `note ${n}`), ...items])).map((body) => ({ name, title, body })),
  )
  .map(({ name, title, body }) => `scenario ${name} ${title} ${body}`);

const list = fc
  .tuple(id, stringLit, optional(reference), optional(idList), optional(id), optional(fc.tuple(date, optional(date))), optional(refList), optional(stringLit), optional(stringLit), fc.array(stringLit, { maxLength: 2 }), fc.array(scenario, { maxLength: 3 }))
  .chain(([name, title, sector, zones, status, effective, basis, adopts, proposal, notes, scenarios]) =>
    block(
      fc.constant(
        present([
          sector && `sector ${sector}`,
          zones && `zones ${zones}`,
          status && `status ${status}`,
          effective && `effective ${effective[0]}${effective[1] ? ` until ${effective[1]}` : ''}`,
          basis && `basis ${basis}`,
          // With its own basis: a bare `adopts` would take a following list basis as its own.
          adopts && `adopts ${adopts} basis ${basis ?? 'measures.art1'}`,
          proposal && `proposal ${proposal}`,
          ...notes.map((n) => `note ${n}`),
        ]),
      ),
    ).map((body) => `list ${name} ${title} ${body.slice(0, -1)}${scenarios.join('\n')}\n}`),
  );

const zone = fc.tuple(id, stringLit, optional(stringLit), optional(refList)).map(
  ([name, title, authority, basis]) => `zone ${name} ${title}${authority ? ` authority ${authority}` : ''}${basis ? ` basis ${basis}` : ''}`,
);

const baseline = fc
  .tuple(id, stringLit, optional(id), fc.array(fc.tuple(stringLit, fc.constantFrom('data', 'personal-info'), stringLit, refList), { maxLength: 2 }), fc.array(fc.tuple(fc.constantFrom('important', 'ciio'), pathway, optional(refList)), { maxLength: 2 }), optional(fc.array(rung, { minLength: 1, maxLength: 3 })), optional(fc.tuple(pathway, refList)), optional(fc.tuple(pathway, fc.integer({ min: 1, max: 9 }), refList)))
  .chain(([name, title, counting, exemptions, triggers, ladder, below, validity]) =>
    block(
      fc.constant(
        present([
          counting && `counting ${counting}`,
          ...exemptions.map(([code, scope, text, basis]) => `exemption ${code} ${scope} ${text} basis ${basis}`),
          ...triggers.map(([on, p, basis]) => `${on} ${p}${basis ? ` basis ${basis}` : ''}`),
          ladder && `ladder {\n${ladder.join('\n')}\n}`,
          below && `below ${below[0]} basis ${below[1]}`,
          validity && `validity ${validity[0]} ${validity[1]} years basis ${validity[2]}`,
        ]),
      ),
    ).map((body) => `baseline ${name} ${title} ${body}`),
  );

const rule = fc.tuple(fc.integer({ min: 1, max: 20 }), stringLit, optional(condition), optional(refList)).map(([n, text, when, basis]) => {
  const inner = present([when && `when ${when}`, basis && `basis ${basis}`]);
  return `rule ${n} ${text}${inner.length || n % 5 === 0 ? ` {\n${inner.join('\n')}\n}` : ''}`;
});

const annex = fc
  .tuple(
    id,
    stringLit,
    optional(refList),
    fc.array(fc.tuple(stringLit, fc.array(rule, { maxLength: 3 })), { maxLength: 2 }),
    fc.array(fc.tuple(id, stringLit), { maxLength: 2 }),
    fc.array(fc.tuple(id, stringLit, stringLit), { maxLength: 2 }),
    fc.array(fc.tuple(id, stringLit, fc.array(fc.tuple(id, stringLit, optional(stringLit), optional(idList)), { maxLength: 3 }), fc.array(fc.tuple(id, id, stringLit), { maxLength: 2 })), { maxLength: 2 }),
    fc.array(fc.tuple(stringLit, stringLit), { maxLength: 2 }),
  )
  .chain(([name, title, basis, general, kinds, standards, categories, sics]) =>
    block(
      fc.constant(
        present([
          basis && `basis ${basis}`,
          ...sics.map(([a, b]) => `sic ${a} for ${b}`),
          ...general.map(([t, rules]) => `general ${t} {\n${rules.join('\n')}\n}`),
          ...kinds.map(([k, n]) => `kind ${k} ${n}`),
          ...standards.map(([s, code, t]) => `standard ${s} ${code} ${t}`),
          ...categories.map(
            ([c, n, subs, examples]) =>
              `category ${c} ${n} {\n${[
                ...subs.map(([s, sn, d, r]) => `sub ${s} ${sn}${d ? ` ${d}` : ''}${r ? ` refers ${r}` : ''}`),
                ...examples.map(([f, t, x]) => `example ${f}..${t} ${x}`),
              ].join('\n')}\n}`,
          ),
        ]),
      ),
    ).map((body) => `annex ${name} ${title} ${body}`),
  );

const article = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.array(stringLit, { maxLength: 3 }), fc.array(fc.tuple(stringLit, stringLit), { maxLength: 1 })).map(
  ([n, paragraphs, sics]) => `article ${n} {\n${[...paragraphs, ...sics.map(([a, b]) => `sic ${a} for ${b}`)].join('\n')}\n}`,
);

const document = fc
  .tuple(
    id,
    stringLit,
    optional(optional(stringLit)),
    optional(stringLit),
    fc.boolean(),
    optional(fc.tuple(date, fc.boolean(), optional(stringLit))),
    optional(fc.tuple(fc.integer({ min: 1, max: 5 }), optional(refList))),
    fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), stringLit, fc.array(article, { maxLength: 2 })), { maxLength: 2 }),
  )
  .chain(([name, title, numbering, source, paraphrase, published, trial, chapters]) =>
    block(
      fc.constant(
        present([
          numbering !== undefined ? `numbering inferred${numbering ? ` ${numbering}` : ''}` : undefined,
          source && `source ${source}`,
          paraphrase ? 'paraphrase' : undefined,
          published && `published ${published[0]}${published[1] ? ' unconfirmed' : ''}${published[2] ? ` ${published[2]}` : ''}`,
          trial && `trial ${trial[0]} years${trial[1] ? ` basis ${trial[1]}` : ''}`,
        ]),
      ),
    ).map((body) => `document ${name} ${title} ${body.slice(0, -1)}${chapters.map(([n, t, a]) => `chapter ${n} ${t} {\n${a.join('\n')}\n}`).join('\n')}\n}`),
  );

/** A `.qd` file of one to four declarations of any kind, with comments around them. */
export const qdFile = fc
  .array(fc.tuple(fc.oneof(list, zone, baseline, annex, document), optional(comment)), { minLength: 1, maxLength: 4 })
  .map((decls) => decls.map(([d, c]) => (c ? `${c}\n${d}` : d)).join('\n\n') + '\n');
