/** QD5029: a list proposal past a work stage keeps that stage's record file, filled in (no 待填写 left from its template). */
import { diagnostic, hint } from '../../diagnostics.js';
import { at, type GovernanceRule } from '../context.js';
import { stageIndex, type Stage } from '../stages.js';
import { TO_FILL, unfilled } from '../templates.js';

export const StageRecordsRule: GovernanceRule = {
  name: 'stage-records',
  proposal(p, _ctx, report) {
    const meta = p.meta.value;
    if ((meta.kind ?? 'list') !== 'list') return;
    const reached = Math.max(...meta.history.map((e) => stageIndex(e.stage)));
    const needs: [Stage, string, unknown][] = [
      ['survey', 'survey.yaml', p.survey],
      ['important-data-identification', 'important-data.yaml', p.importantData],
      ['scenario-analysis', 'scenario-analysis.yaml', p.scenarioAnalysis],
    ];
    for (const [stage, file, loaded] of needs) {
      if (reached <= stageIndex(stage)) continue;
      const value = (loaded as { value?: unknown } | undefined)?.value;
      if (!loaded) report(diagnostic('stage-record-missing', at(p.meta, '/stage'), { id: meta.id, stage, file }), p.folder);
      else if (unfilled(value)) report(diagnostic('stage-record-missing', at(p.meta, '/stage'), { id: meta.id, stage, file }, { hint: hint('fill-record', { file, marker: TO_FILL }) }), p.folder);
    }
  },
};
