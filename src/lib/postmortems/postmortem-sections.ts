// The postmortem template's sections that are lists of labelled values, named by their message keys, as both the
// postmortem's page and its markdown twin show them (in this order, a value left empty not shown).
import type { MessageKey } from '../../i18n/index.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';

export type LabelledValues = readonly (readonly [MessageKey, string | undefined])[];
export type LabelledLists = readonly (readonly [MessageKey, readonly string[]])[];

/** Business impact: users, revenue, complaints, SLA credits. */
export function businessImpact(postmortem: Postmortem): LabelledValues {
  const { business } = postmortem.impact;
  return [
    ['pm.affectedUsers', business.affectedUsers],
    ['pm.revenueLoss', business.revenueLoss],
    ['pm.complaints', business.complaints],
    ['pm.slaCredits', business.slaCredits],
  ];
}

/** Brand impact, when the report has any. */
export function brandImpact(postmortem: Postmortem): LabelledValues {
  return [
    ['pm.socialMedia', postmortem.impact.brand?.socialMedia],
    ['pm.churnRisk', postmortem.impact.brand?.churnRisk],
  ];
}

/** The action plan by area. */
export function actionPlanAreas(postmortem: Postmortem): LabelledLists {
  const plan = postmortem.actionPlan;
  return [
    ['pm.plan.technical', plan.technical],
    ['pm.plan.process', plan.process],
    ['pm.plan.tooling', plan.tooling],
    ['pm.plan.training', plan.training],
  ];
}
