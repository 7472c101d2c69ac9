// Simplified Chinese questions, choices and re-ask hints of the comms lead's commands, in the site's own terms.
import type { TimeRefusal } from '../lib/time/written-instants.ts';
import type { CliText } from './cli-en.ts';
import { zhCN } from './zh-cn.ts';

const two = (value: number) => String(value).padStart(2, '0');
const EXAMPLES = '可写 now、21:10（今天）、2026-11-25 21:10（站点时区）或 2026-11-25T21:10:00+08:00';

/** Why a typed time was refused, in Chinese: the same reasons the English message gives. */
function timeRefusalZh(typed: string, refusal: TimeRefusal | undefined): string {
  if (refusal?.kind === 'skipped') return `${refusal.date} ${refusal.clock} 在 ${refusal.timeZone} 并不存在（时钟拨快时跳过了这段时间），应为实际存在的时刻，如 ${refusal.earlier} 或 ${refusal.later}`;
  if (refusal?.kind === 'repeated') return `${refusal.date} ${refusal.clock} 在 ${refusal.timeZone} 出现了两次（时钟拨回），请写带偏移的时刻：第一次为 ${refusal.earlier}，第二次为 ${refusal.later}`;
  if (refusal?.kind === 'missing') {
    const missing = refusal.missing;
    const reason =
      missing.kind === 'no-such-month'
        ? `没有 ${missing.month} 月`
        : missing.kind === 'no-such-day'
          ? `${missing.year} 年 ${missing.month} 月只有 ${missing.days} 天`
          : missing.kind === 'midnight-as-24'
            ? '没有 24:00，午夜是次日 00:00'
            : missing.kind === 'leap-second'
              ? `不写闰秒，${two(missing.hour)}:${two(missing.minute)}:60 应写作 ${two(missing.hour)}:${two(missing.minute)}:59`
              : `${two(missing.hour)}:${two(missing.minute)}:${two(missing.second)} 超过了 23:59:59`;
    return `不存在的日期或时间“${typed}”：${reason}（${EXAMPLES}）`;
  }
  return `无法识别的时间“${typed}”（${EXAMPLES}）`;
}

export const cliZhCN: CliText = {
  'keys.navigate': '移动',
  'keys.select': '选择',
  'keys.space': '空格',
  'keys.all': '全选',
  'keys.invert': '反选',
  'keys.submit': '确认',
  'choose.atLeastOne': '请至少选择一项',
  'answer.needed': '需要填写内容',
  'title.needed': '需要填写标题',
  'answer.refused': (question, problem) => `${question}：${problem}`,
  'time.unreadable': (typed, _english, refusal) => timeRefusalZh(typed, refusal),
  'time.afterNow': (time, now) => `${time} 晚于现在（${now}），应为已经发生的时间`,
  'language.message': '消息的语言',
  'language.notes': '说明的语言',
  'language.placeholders': '复盘报告草稿的语言',
  'message.edit': '消息（可修改提供的文本，回车发布）',
  'incident.choose': '事故',
  'incident.choiceDescription': (severity, status) => `${severity}，${status}`,

  'incident.title': '标题（出了什么问题，读者会看到）',
  'incident.severity': '事故级别（默认为最低级别，请按定级标准选择）',
  'incident.writing': (id, level, services) => `正在写入 ${id}：${level}；受影响服务：${services}`,
  'incident.services': '受影响的服务（空格勾选，回车确认）',
  'incident.impactOn': (service) => `${service} 的受影响程度`,
  'incident.startedName': '开始时间',
  'incident.started': '用户从什么时候开始受影响？（now、21:10 或 2026-11-25 21:10；比现在晚 12 小时以上的时刻指昨天）',
  'incident.startedAfterDetection': (time, detected) => `${time} 晚于发现时间 ${detected}，用户开始受影响应不晚于团队发现`,
  'incident.startedAfterFirstUpdate': (time, firstUpdate) => `${time} 晚于第一条更新 ${firstUpdate}，用户开始受影响应不晚于它`,
  'incident.detectedName': '发现时间',
  'incident.detected': '团队什么时候发现的？（发现时间）',
  'incident.detectedBeforeStart': (time, started) => `${time} 早于用户开始受影响的时间 ${started}，团队发现应在此之后`,
  'incident.detectedAfterFirstUpdate': (time, firstUpdate) => `${time} 晚于第一条更新 ${firstUpdate}，团队应在此之前已发现`,
  'incident.maintenance': '是否由维护窗口的计划内工作引起？（只有这样，停机时间才能在该窗口公告的影响范围内免计）',
  'incident.maintenanceNo': '否：计划外的问题（停机时间计入）',
  'incident.maintenanceWindow': (title, id, impact) => `${title}（${id}），公告的影响：${impact ? zhCN[`impact.${impact}`] : '无'}`,
  'incident.impact': '用户影响，一两句话（可不填）',
  'incident.commander': '事故指挥官，如 @lisi（可不填）',
  'incident.status': '状态',

  'update.status': (current) => `状态（当前：${zhCN[`status.${current}`]}）`,
  'update.recoveredNow': '现在已恢复的服务（其影响到此刻结束；都不选：仍受影响）',
  'update.recoveredBy': (time) => `在 ${time} 前已恢复的服务（其影响到那时结束；都不选：仍受影响）`,
  'update.impairedAgain': '再次受影响的服务（其影响自重新打开时继续；未选中的保持已恢复）',

  'postmortem.author': '复盘报告的作者，如 @lisi',
  'postmortem.authorNeeded': '需要填写作者',

  'maintenance.title': '标题（维护的内容，读者会看到）',
  'maintenance.services': '维护涉及的服务（空格勾选，回车确认）',
  'maintenance.start': '开始时间，如 2026-12-06 01:00（站点时区）',
  'maintenance.endNotAfterStart': (end, start) => `${end} 不晚于开始时间 ${start}，结束时间应在开始之后，或填写时长如 2h`,
  'maintenance.end': '结束时间：时长如 2h，时刻如 03:30（开始当天；若不晚于开始时间则为次日），或 2026-12-06 03:00',
  'maintenance.impact': '用户会感受到的影响',
  'maintenance.impactNone': '预计无影响 (none)',
  'maintenance.notes': '给读者的说明（可修改提供的文本）',

  'init.name': '站点名称，如 Acme 状态',
  'init.baseUrl': '站点的访问地址（GitHub Pages 为 https://<owner>.github.io/<repository>/）',
  'init.locale': '站点的默认语言',
  'init.timeZone': '页面显示所用的时区（IANA 名称，如 Asia/Shanghai）',
  'init.severity': '事故级别',
  'init.presetP0P3': 'P0 紧急（15 分钟内响应，1 小时内解决）到 P3 低，出自事故管理流程和事故响应手册',
  'init.presetP1P4': 'P1 紧急事故（RTO 15 分钟）到 P4 轻微事故，出自应急响应手册',
  'init.firstGroup': '第一个服务分组，如 核心服务',
  'init.anotherGroup': '下一个分组（留空则开始填写服务）',
  'init.groupNeeded': '至少需要一个分组',
  'init.groupId': (group) => `“${group}”的 id（小写字母、数字、短横线）`,
  'init.firstService': '第一个服务，如 公开接口',
  'init.anotherService': '下一个服务（留空则结束）',
  'init.serviceNeeded': '至少需要一个服务',
  'init.serviceId': (service) => `“${service}”的 id（小写字母、数字、短横线）`,
  'init.serviceGroup': (service) => `“${service}”所属的分组`,
  'init.rto': (service) => `“${service}”的 RTO：每次事故最长可中断多久`,
  'init.rpo': (service) => `“${service}”的 RPO：每次事故最多可丢失多长时间的数据`,
  'init.availability': (service) => `“${service}”的可用性目标`,
  'init.idUsed': '已被使用',
  'init.invalid.name': () => '需要一个纯文本名称（不能为空，不能含像 HTML 标签的内容）',
  'init.invalid.baseUrl': (typed) => `“${typed}”不是可用的地址（应为 http 或 https 地址，如 https://status.example.com/，不带用户名、查询参数或 #片段）`,
  'init.invalid.timeZone': (typed) => `“${typed}”不是 IANA 时区（应如 Asia/Shanghai 或 Europe/Berlin）`,
  'init.invalid.id': (typed) => `“${typed}”不能作为 id（只能用小写字母、数字和短横线，以字母或数字开头）`,
  'init.invalid.duration': (typed) => `“${typed}”不是时长（应如 15m、1h 或 2d，不超过 10 年）`,
  'init.invalid.availability': (typed) => `“${typed}”不是可用性目标（应为 90 到 100 之间的百分比，如 99.95%）`,
  'init.contentSummary': (content) => `${content.incidents} 个事故、${content.postmortems} 份复盘报告、${content.maintenance} 个维护窗口`,
  'init.replace': (folders, summary) => `用新站点替换 ${folders.map((folder) => `${folder}/`).join('、')}（${summary}）吗？`,
  'init.keep': '否，保留现有内容',
  'init.replaceYes': '是，替换',
};
