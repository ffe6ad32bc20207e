import { parseDocument } from 'yaml';
import { P } from '../fixture.js';
import type { Attack } from './attack.js';

/** A flow-mapping proposal.yaml whose quoted title spans a line `stage: draft`, with a list edit. */
export const attack: Attack = {
  title: 'a quoted title that reads as stage: draft to a line-based reader',
  from: 'approved',
  catches: ['QD5026'],
  async apply(repo) {
    const meta = parseDocument(repo.read(`${P}/proposal.yaml`)).toJS() as Record<string, unknown>;
    const json = JSON.stringify({ ...meta, title: '@TITLE@' });
    repo.write(`${P}/proposal.yaml`, json.replace('"@TITLE@"', '"智能网联汽车清单\nstage: draft\n"'));
    repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace('用户调研与体验测试数据', '用户调研数据'));
    repo.commit('li', 'edit the list; the proposal file says draft, line by line');
  },
};
