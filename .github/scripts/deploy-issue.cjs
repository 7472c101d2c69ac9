// @ts-check
// The deploy workflow's one issue about failed deploys (run by actions/github-script in deploy.yml): a failed deploy
// opens it, or reopens it, with the run's log link; a failed merge while it is open adds a comment; the next
// successful deploy comments and closes it. One issue, found by its label, so every failure notifies the people who
// watch the repository (the comms lead among them) without piling up issues.

const LABEL = 'deploy-failed';
const TITLE = 'The status page is not updating: deploy failed / 状态页未更新：部署失败';

/**
 * The parts of actions/github-script's Octokit this uses.
 * @typedef {{ number: number, state: string, pull_request?: unknown }} Issue
 * @typedef {{ owner: string, repo: string }} Repo
 * @typedef {{
 *   listForRepo(params: Repo & { labels: string, state: 'open' | 'all', sort: 'created', direction: 'desc', per_page: number }): Promise<{ data: Issue[] }>,
 *   create(params: Repo & { title: string, body: string, labels: string[] }): Promise<{ data: Issue }>,
 *   update(params: Repo & { issue_number: number, state: 'open' | 'closed', state_reason?: 'completed' | 'reopened' }): Promise<unknown>,
 *   createComment(params: Repo & { issue_number: number, body: string }): Promise<unknown>,
 *   getLabel(params: Repo & { name: string }): Promise<unknown>,
 *   createLabel(params: Repo & { name: string, color: string, description: string }): Promise<unknown>,
 * }} IssuesApi
 * @typedef {{ repo: Repo, serverUrl: string, runId: number, sha: string, eventName: string, actor: string }} RunContext
 */

/** @param {RunContext} context */
function describeRun(context) {
  const repoUrl = `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}`;
  const commit = `[${context.sha.slice(0, 7)}](${repoUrl}/commit/${context.sha})`;
  const runUrl = `${repoUrl}/actions/runs/${context.runId}`;
  // The person who merged is mentioned, so GitHub notifies them; the hourly rebuild has nobody to mention.
  if (context.eventName === 'push') return { runUrl, en: `the merge of ${commit} by @${context.actor}`, zh: `@${context.actor} 合并的 ${commit}` };
  if (context.eventName === 'schedule') return { runUrl, en: `the hourly rebuild of ${commit}`, zh: `每小时一次的重建（${commit}）` };
  return { runUrl, en: `the run @${context.actor} started on ${commit}`, zh: `@${context.actor} 手动启动的运行（${commit}）` };
}

/** @param {ReturnType<typeof describeRun>} run */
function failureText(run) {
  return `**The status page was not updated.** The deploy for ${run.en} failed, so readers still see the last successful deploy.

**Run log:** ${run.runUrl}

What to do: open the run log and the step that failed. If it is \`npm run build\`, the lines just above its end name the file, the line and what was expected, as the pull request check does: fix that in a new pull request; merging it deploys again. If a step of the \`deploy\` job failed, GitHub Pages itself did: press **Re-run failed jobs** on the run's page.

This issue closes itself at the next successful deploy; a later failure reopens it.

---

**状态页没有更新。** ${run.zh} 的部署失败，读者看到的仍是上一次成功部署的内容。

**运行日志：** ${run.runUrl}

处理方法：打开运行日志中失败的步骤。如果是 \`npm run build\`，结尾前的几行写明了文件、行号和期望的内容（与拉取请求的检查相同）：在新的拉取请求中修正，合并后会重新部署。如果失败的是 \`deploy\` 作业中的步骤，说明是 GitHub Pages 本身出错：在运行页面点击 **Re-run failed jobs**。

下次部署成功时本 issue 会自动关闭；之后再失败会重新打开它。`;
}

/** @param {ReturnType<typeof describeRun>} run */
function recoveryText(run) {
  return `**Deployed again:** ${run.en} is live, so the status page is current. Run: ${run.runUrl}

**已重新部署：** ${run.zh} 已上线，状态页恢复更新。运行：${run.runUrl}`;
}

/**
 * @param {IssuesApi} issues
 * @param {Repo} repo
 */
async function ensureLabel(issues, repo) {
  try {
    await issues.getLabel({ ...repo, name: LABEL });
  } catch (error) {
    if (/** @type {{ status?: number }} */ (error).status !== 404) throw error;
    await issues.createLabel({ ...repo, name: LABEL, color: 'b60205', description: 'The status page deploy failed; closed by the next successful deploy' });
  }
}

/**
 * @param {IssuesApi} issues
 * @param {Repo} repo
 * @param {'open' | 'all'} state
 * @returns {Promise<Issue | undefined>} the newest issue with the label (pull requests carry labels too: skipped)
 */
async function labelledIssue(issues, repo, state) {
  const { data } = await issues.listForRepo({ ...repo, labels: LABEL, state, sort: 'created', direction: 'desc', per_page: 10 });
  return data.find((issue) => !issue.pull_request);
}

/**
 * Reports one deploy run on the repository's deploy-failed issue.
 * @param {{ github: { rest: { issues: IssuesApi } }, context: RunContext, outcome: 'failure' | 'success' }} args
 * @returns {Promise<string>} what was done, for the run's log
 */
module.exports = async function reportDeploy({ github, context, outcome }) {
  const issues = github.rest.issues;
  const repo = context.repo;
  const run = describeRun(context);
  if (outcome === 'success') {
    const open = await labelledIssue(issues, repo, 'open');
    if (!open) return 'no open deploy-failed issue';
    await issues.createComment({ ...repo, issue_number: open.number, body: recoveryText(run) });
    await issues.update({ ...repo, issue_number: open.number, state: 'closed', state_reason: 'completed' });
    return `closed issue #${open.number}`;
  }
  const latest = await labelledIssue(issues, repo, 'all');
  if (!latest) {
    await ensureLabel(issues, repo);
    const { data } = await issues.create({ ...repo, title: TITLE, body: failureText(run), labels: [LABEL] });
    return `opened issue #${data.number}`;
  }
  if (latest.state !== 'open') {
    await issues.update({ ...repo, issue_number: latest.number, state: 'open', state_reason: 'reopened' });
    await issues.createComment({ ...repo, issue_number: latest.number, body: failureText(run) });
    return `reopened issue #${latest.number}`;
  }
  // Already open: every failed merge is worth a notification, a failing hourly rebuild is not (one an hour).
  if (context.eventName === 'schedule') return `issue #${latest.number} is already open`;
  await issues.createComment({ ...repo, issue_number: latest.number, body: failureText(run) });
  return `commented on issue #${latest.number}`;
};
