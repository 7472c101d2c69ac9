// The three settings files of a new site (site.yaml, severity.yaml, services.yaml), written by `npm run init`
// from a team's answers, with the severity policies of the team's incident-management documents as presets.
import { stringify } from 'yaml';
import type { Locale } from '../../schemas/site.ts';

interface PresetLevel {
  id: string;
  name: Record<Locale, string>;
  meaning: Record<Locale, string>;
  responseTime: string;
  resolutionTime: string;
  updateCadence: string;
  postmortemDue: string;
  monitoringAfterRecovery: string;
  statuspageImpact: 'none' | 'minor' | 'major' | 'critical';
}

export interface SeverityPreset {
  scheme: string;
  /** Where the policy comes from, said in the file's heading comment. */
  source: string;
  levels: PresetLevel[];
}

/**
 * P0–P3: the incident process and runbook (seeds 000 and 001): response and resolution times, update cadence,
 * postmortem deadlines and the monitoring period after recovery.
 */
const P0_P3: SeverityPreset = {
  scheme: 'P0-P3',
  source: 'the incident process and runbook (P0-P3)',
  levels: [
    {
      id: 'P0',
      name: { en: 'Critical', 'zh-CN': '紧急' },
      meaning: { en: 'The whole system is unavailable; every user is affected and core business has stopped.', 'zh-CN': '系统整体不可用，所有用户受影响，核心业务中断。' },
      responseTime: '15m',
      resolutionTime: '1h',
      updateCadence: '30m',
      postmortemDue: '24h',
      monitoringAfterRecovery: '4h',
      statuspageImpact: 'critical',
    },
    {
      id: 'P1',
      name: { en: 'High', 'zh-CN': '高' },
      meaning: { en: 'Core features are unavailable or badly degraded for most users.', 'zh-CN': '核心功能不可用或严重降级，影响大部分用户。' },
      responseTime: '30m',
      resolutionTime: '4h',
      updateCadence: '1h',
      postmortemDue: '48h',
      monitoringAfterRecovery: '2h',
      statuspageImpact: 'major',
    },
    {
      id: 'P2',
      name: { en: 'Medium', 'zh-CN': '中' },
      meaning: { en: 'Some features misbehave for some users; core business continues.', 'zh-CN': '部分功能异常，影响部分用户，核心业务正常。' },
      responseTime: '2h',
      resolutionTime: '24h',
      updateCadence: '2h',
      postmortemDue: '7d',
      monitoringAfterRecovery: '1h',
      statuspageImpact: 'minor',
    },
    {
      id: 'P3',
      name: { en: 'Low', 'zh-CN': '低' },
      meaning: { en: 'A minor problem affecting few users or a non-critical feature.', 'zh-CN': '轻微问题，影响少数用户或非关键功能。' },
      responseTime: '24h',
      resolutionTime: '72h',
      updateCadence: '24h',
      postmortemDue: '14d',
      monitoringAfterRecovery: '30m',
      statuspageImpact: 'minor',
    },
  ],
};

/**
 * P1–P4: the emergency response manual (seed 004): its response times, its RTO per level as the resolution
 * time, and its update cadence (every 15 minutes for P1, 30 for P2, hourly for P3).
 */
const P1_P4: SeverityPreset = {
  scheme: 'P1-P4',
  source: 'the emergency response manual (P1-P4)',
  levels: [
    {
      id: 'P1',
      name: { en: 'Critical', 'zh-CN': '紧急事故' },
      meaning: { en: 'The system is down or data is at risk of being lost; more than half of users cannot get in.', 'zh-CN': '系统完全不可用或存在数据丢失风险，超过 50% 用户无法访问。' },
      responseTime: '15m',
      resolutionTime: '15m',
      updateCadence: '15m',
      postmortemDue: '24h',
      monitoringAfterRecovery: '4h',
      statuspageImpact: 'critical',
    },
    {
      id: 'P2',
      name: { en: 'Major', 'zh-CN': '重大事故' },
      meaning: { en: 'Core features fail or are badly degraded while the system stays partly usable; 20–50% of users affected.', 'zh-CN': '核心功能受影响，但系统部分可用，影响 20%–50% 用户。' },
      responseTime: '30m',
      resolutionTime: '1h',
      updateCadence: '30m',
      postmortemDue: '48h',
      monitoringAfterRecovery: '2h',
      statuspageImpact: 'major',
    },
    {
      id: 'P3',
      name: { en: 'Moderate', 'zh-CN': '中等事故' },
      meaning: { en: 'Non-core features misbehave or performance degrades slightly; under 20% of users affected.', 'zh-CN': '非核心功能受影响或性能轻微降级，影响不到 20% 用户。' },
      responseTime: '2h',
      resolutionTime: '4h',
      updateCadence: '1h',
      postmortemDue: '7d',
      monitoringAfterRecovery: '1h',
      statuspageImpact: 'minor',
    },
    {
      id: 'P4',
      name: { en: 'Minor', 'zh-CN': '轻微事故' },
      meaning: { en: 'The system works but shows a latent problem: warnings in logs, high resource use, a non-critical service failing.', 'zh-CN': '系统正常运行，但存在潜在问题：日志告警、资源使用率偏高、非关键服务异常。' },
      responseTime: '24h',
      resolutionTime: '24h',
      updateCadence: '24h',
      postmortemDue: '14d',
      monitoringAfterRecovery: '30m',
      statuspageImpact: 'minor',
    },
  ],
};

export const SEVERITY_PRESETS = { 'P0-P3': P0_P3, 'P1-P4': P1_P4 } as const;
export type SeverityPresetId = keyof typeof SEVERITY_PRESETS;

export interface NewGroup {
  id: string;
  name: string;
}

export interface NewService {
  id: string;
  name: string;
  group: string;
  rto: string;
  rpo: string;
  availability: string;
}

export interface NewSite {
  name: string;
  baseUrl: string;
  defaultLocale: Locale;
  timeZone: string;
  severity: SeverityPresetId;
  groups: readonly NewGroup[];
  services: readonly NewService[];
  /** The first day the record is kept: days before it show "no data", never 100%. */
  since: string;
}

const yaml = (value: unknown) => stringify(value, { lineWidth: 0 });

/** The three files, keyed by their path in the site, each with a heading comment saying what it holds. */
export function siteFiles(site: NewSite): Record<string, string> {
  const preset = SEVERITY_PRESETS[site.severity];
  return {
    'content/site.yaml': `# Site settings. Times on the site are shown in \`timeZone\`; instants in files always carry their own offset.\n${yaml({
      name: site.name.trim(),
      baseUrl: site.baseUrl,
      defaultLocale: site.defaultLocale,
      timeZone: site.timeZone,
      severityScheme: preset.scheme,
      contacts: [],
    })}`,
    'content/severity.yaml': `# Severity levels, most severe first, from ${preset.source}. Adjust the times to your policy.\n${yaml({
      scheme: preset.scheme,
      levels: preset.levels.map((level) => ({
        id: level.id,
        name: level.name[site.defaultLocale],
        // The other language's name too, so pages in that language show the level in their own words.
        names: Object.fromEntries(Object.entries(level.name).filter(([locale]) => locale !== site.defaultLocale)),
        meaning: level.meaning[site.defaultLocale],
        responseTime: level.responseTime,
        resolutionTime: level.resolutionTime,
        updateCadence: level.updateCadence,
        postmortemDue: level.postmortemDue,
        monitoringAfterRecovery: level.monitoringAfterRecovery,
        statuspageImpact: level.statuspageImpact,
      })),
    })}`,
    'content/services.yaml': `# Services in groups, with their recovery targets (RTO, RPO), availability targets and the day tracking began.\n${yaml({
      groups: site.groups.map((group) => ({ id: group.id, name: group.name.trim() })),
      services: site.services.map((service) => ({
        id: service.id,
        name: service.name.trim(),
        group: service.group,
        rto: service.rto,
        rpo: service.rpo,
        availability: service.availability,
        since: site.since,
      })),
    })}`,
  };
}

/** An id for a name: lower-case ASCII letters, digits and dashes; empty when the name has none (a Chinese name, say). */
export function idFromName(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
