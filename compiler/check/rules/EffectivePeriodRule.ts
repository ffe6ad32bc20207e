/**
 * QD3009: an effective period ends after it starts. QD3013: a list's period lies within the
 * measures' trial period (Art. 31: in force on publication, trial period two years): a list
 * rests on the measures, so it cannot take effect before they were published nor outlive
 * their trial. Checked only when the measures declare `published` and `trial`; a list without
 * `until` is ended by the trial (the runtime does so), which the checker does not reject.
 */
import { hint, note } from '../../diagnostics.js';
import type { CheckRule } from '../context.js';
import { trialOf, type TrialPeriod } from '../trial.js';
import { dateProblem } from './ValidDatesRule.js';

export const EffectivePeriodRule: CheckRule = (context) => {
  let trial: TrialPeriod | undefined | null = null;
  const measuresTrial = () => {
    if (trial === null) {
      const found = trialOf(context.files.flatMap((f) => f.declarations));
      trial = found && !dateProblem(found.from) ? found : undefined;
    }
    return trial;
  };
  return {
    List(list) {
      const e = list.effective;
      if (!e || dateProblem(e.from.raw) || (e.until && dateProblem(e.until.raw))) return;
      if (e.until && e.until.raw <= e.from.raw) {
        context.report('invalid-period', e.until.span, { from: e.from.raw, until: e.until.raw });
        return;
      }
      const t = measuresTrial();
      if (!t) return;
      const trial = { from: t.from, until: t.until };
      const related = [note(t.document.published!.span, 'measures-published-here')];
      if (e.from.raw < t.from) {
        context.report('trial-period-exceeded', e.from.span, { from: e.from.raw, until: e.until?.raw ?? '—', trialFrom: t.from, trialUntil: t.until }, { hint: hint(t.confirmed ? 'trial-before' : 'trial-before-unconfirmed', trial), related });
      } else if (e.until && e.until.raw > t.until) {
        context.report('trial-period-exceeded', e.until.span, { from: e.from.raw, until: e.until.raw, trialFrom: t.from, trialUntil: t.until }, { hint: hint(t.confirmed ? 'trial-until' : 'trial-until-unconfirmed', trial), related });
      } else if (e.from.raw >= t.until) {
        context.report('trial-period-exceeded', e.from.span, { from: e.from.raw, until: e.until?.raw ?? '—', trialFrom: t.from, trialUntil: t.until }, { hint: hint(t.confirmed ? 'trial-runs' : 'trial-runs-unconfirmed', trial), related });
      }
    },
  };
};
