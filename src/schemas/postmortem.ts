// Schema of incidents/YYYY/<id>/postmortem.md frontmatter, mirroring ../shared/templates/postmortem.md section by section.
import { z } from 'zod';
import { calendarDate, duration, instant, link, linkUrl, oneOf, slug, text, title } from './primitives.ts';

export const POSTMORTEM_STATUSES = ['draft', 'in_review', 'published'] as const;
export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'wont_do'] as const;
export const PRIORITIES = ['high', 'medium', 'low'] as const;
/** 人、机、料、法、环、测 */
export const FACTOR_CATEGORIES = ['people', 'machines', 'materials', 'methods', 'environment', 'measurement'] as const;

const textList = z.array(text);

export const timelineRowSchema = z.strictObject({ at: instant, event: text, owner: text.optional() });

export const actionItemSchema = z.strictObject({
  id: z
    .string({ error: (issue) => (issue.input === undefined ? 'missing (expected an id such as AI-001)' : `found ${JSON.stringify(issue.input)} (expected an id such as AI-001)`) })
    .regex(/^[A-Z]{2,4}-\d{3}$/, { error: (issue) => `found ${JSON.stringify(issue.input)} (expected an id such as AI-001 or LI-001)` }),
  description: text,
  owner: text,
  due: calendarDate,
  status: oneOf(ACTION_ITEM_STATUSES),
  priority: oneOf(PRIORITIES),
  acceptance: text,
  link: linkUrl('an http, https or mailto address of the tracker item such as https://tracker.example.com/SRE-1').optional(),
});

export const postmortemSchema = z.strictObject({
  // Basic facts (基本信息)
  incident: text,
  title: title,
  severity: text,
  commander: text,
  scope: z.strictObject({ features: textList.min(1, { error: 'empty (expected at least one affected feature)' }), users: text }),
  userImpact: text,
  author: text,
  date: calendarDate,
  reviewers: textList.default([]),
  status: oneOf(POSTMORTEM_STATUSES),
  /**
   * When the postmortem went out, written by `npm run publish:postmortem`; the feeds date its item by it. Only with
   * `status: published`; records published before the command existed may leave it out.
   */
  published: instant.optional(),
  // Timeline (事故时间线)
  timeline: z.array(timelineRowSchema).min(1, { error: 'empty (expected at least one timeline row)' }),
  // Root cause analysis (根因分析)
  rootCause: z.strictObject({
    direct: text,
    root: text,
    fiveWhys: z.array(z.strictObject({ question: text, answer: text })).default([]),
    contributingFactors: z.array(z.strictObject({ factor: text, category: oneOf(FACTOR_CATEGORIES).optional() })).default([]),
  }),
  // Impact (影响评估)
  impact: z.strictObject({
    business: z.strictObject({
      affectedUsers: text,
      revenueLoss: text.optional(),
      complaints: text.optional(),
      slaCredits: text.optional(),
    }),
    technical: z.strictObject({
      services: z.array(slug).min(1, { error: 'empty (expected at least one service id)' }),
      dataLoss: z.strictObject({ lost: z.boolean({ error: (issue) => `found ${JSON.stringify(issue.input)} (expected true or false)` }), window: duration.optional(), notes: text.optional() }),
    }),
    brand: z.strictObject({ socialMedia: text.optional(), churnRisk: text.optional() }).optional(),
  }),
  // Response (处理过程)
  response: z.strictObject({ actions: textList.min(1, { error: 'empty (expected the actions taken, in order)' }), fix: text, verification: text }),
  // Lessons (经验教训)
  lessons: z.strictObject({ wentWell: textList.min(1, { error: 'empty (expected at least one thing that went well)' }), wentBadly: textList.min(1, { error: 'empty (expected at least one thing that went badly)' }), gotLucky: textList.default([]) }),
  // Action items (改进措施)
  actionItems: z.strictObject({ immediate: z.array(actionItemSchema).default([]), longTerm: z.array(actionItemSchema).default([]) }),
  // Action plan by area (行动计划)
  actionPlan: z.strictObject({ technical: textList.default([]), process: textList.default([]), tooling: textList.default([]), training: textList.default([]) }).default({ technical: [], process: [], tooling: [], training: [] }),
  // Appendix (附录)
  appendix: z.array(link).default([]),
});

export type Postmortem = z.infer<typeof postmortemSchema>;
export type ActionItem = z.infer<typeof actionItemSchema>;
export type TimelineRow = z.infer<typeof timelineRowSchema>;
