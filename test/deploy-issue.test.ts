// The deploy workflow's failure issue (.github/scripts/deploy-issue.cjs), against an in-memory repository that
// answers the GitHub issue calls the way the REST API does: what the comms lead sees in the Issues tab.
import { describe, expect, it } from 'vitest';
import reportDeploy from '../.github/scripts/deploy-issue.cjs';

interface FakeIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  comments: string[];
  pull_request?: object;
}

/** A repository's issues and labels, behind the calls the script makes. */
function fakeRepository(existing: Partial<FakeIssue>[] = [], labels: string[] = []) {
  const issues: FakeIssue[] = existing.map((issue, index) => ({ number: index + 1, title: '', body: '', labels: [], state: 'open', comments: [], ...issue }));
  const byNumber = (number: number) => issues.find((issue) => issue.number === number)!;
  const api = {
    listForRepo: async ({ labels: label, state }: { labels: string; state: 'open' | 'all' }) => ({
      data: issues
        .filter((issue) => issue.labels.includes(label) && (state === 'all' || issue.state === state))
        .sort((a, b) => b.number - a.number)
        .map(({ number, state: issueState, pull_request }) => ({ number, state: issueState, ...(pull_request ? { pull_request } : {}) })),
    }),
    create: async ({ title, body, labels: issueLabels }: { title: string; body: string; labels: string[] }) => {
      if (!issueLabels.every((label) => labels.includes(label))) throw new Error('label does not exist');
      const issue: FakeIssue = { number: issues.length + 1, title, body, labels: issueLabels, state: 'open', comments: [] };
      issues.push(issue);
      return { data: { number: issue.number, state: issue.state } };
    },
    update: async ({ issue_number, state }: { issue_number: number; state: 'open' | 'closed' }) => {
      byNumber(issue_number).state = state;
      return {};
    },
    createComment: async ({ issue_number, body }: { issue_number: number; body: string }) => {
      byNumber(issue_number).comments.push(body);
      return {};
    },
    getLabel: async ({ name }: { name: string }) => {
      if (!labels.includes(name)) throw Object.assign(new Error('Not Found'), { status: 404 });
      return {};
    },
    createLabel: async ({ name }: { name: string }) => {
      labels.push(name);
      return {};
    },
  };
  return { issues, labels, github: { rest: { issues: api } } };
}

const SHA = '0123456789abcdef0123456789abcdef01234567';
const context = (eventName: string, runId = 4242) => ({
  repo: { owner: 'acme', repo: 'status' },
  serverUrl: 'https://github.com',
  runId,
  sha: SHA,
  eventName,
  actor: 'lisi',
});

describe('a failed deploy', () => {
  it('opens one labelled issue with the run log link, the commit and the person who merged, in both languages', async () => {
    const repository = fakeRepository();
    const done = await reportDeploy({ github: repository.github, context: context('push'), outcome: 'failure' });
    expect(done).toBe('opened issue #1');
    expect(repository.labels).toEqual(['deploy-failed']);
    const [issue] = repository.issues;
    expect(issue).toMatchObject({ state: 'open', labels: ['deploy-failed'], title: 'The status page is not updating: deploy failed / 状态页未更新：部署失败' });
    expect(issue!.body).toContain('**The status page was not updated.** The deploy for the merge of [0123456](https://github.com/acme/status/commit/0123456789abcdef0123456789abcdef01234567) by @lisi failed');
    expect(issue!.body).toContain('**Run log:** https://github.com/acme/status/actions/runs/4242');
    expect(issue!.body).toContain('**运行日志：** https://github.com/acme/status/actions/runs/4242');
    expect(issue!.body).toContain('@lisi 合并的 [0123456]');
  });

  it('comments on the open issue at the next failed merge instead of opening another', async () => {
    const repository = fakeRepository([{ labels: ['deploy-failed'] }], ['deploy-failed']);
    expect(await reportDeploy({ github: repository.github, context: context('push', 4243), outcome: 'failure' })).toBe('commented on issue #1');
    expect(repository.issues).toHaveLength(1);
    expect(repository.issues[0]!.comments).toHaveLength(1);
    expect(repository.issues[0]!.comments[0]).toContain('https://github.com/acme/status/actions/runs/4243');
  });

  it('adds nothing to an open issue when the hourly rebuild fails again, so nobody gets a notification an hour', async () => {
    const repository = fakeRepository([{ labels: ['deploy-failed'] }], ['deploy-failed']);
    expect(await reportDeploy({ github: repository.github, context: context('schedule'), outcome: 'failure' })).toBe('issue #1 is already open');
    expect(repository.issues[0]!.comments).toEqual([]);
  });

  it('reopens the closed issue rather than opening a second one', async () => {
    const repository = fakeRepository([{ labels: ['deploy-failed'], state: 'closed', comments: ['Deployed again'] }], ['deploy-failed']);
    expect(await reportDeploy({ github: repository.github, context: context('schedule'), outcome: 'failure' })).toBe('reopened issue #1');
    expect(repository.issues).toHaveLength(1);
    expect(repository.issues[0]!.state).toBe('open');
    expect(repository.issues[0]!.comments[1]).toContain('The deploy for the hourly rebuild of [0123456]');
  });

  it('ignores issues without the label and pull requests that carry it', async () => {
    const repository = fakeRepository([{ labels: ['bug'] }, { labels: ['deploy-failed'], pull_request: {} }], ['deploy-failed']);
    expect(await reportDeploy({ github: repository.github, context: context('workflow_dispatch'), outcome: 'failure' })).toBe('opened issue #3');
    expect(repository.issues[2]!.body).toContain('The deploy for the run @lisi started on [0123456]');
  });
});

describe('a successful deploy', () => {
  it('comments on the open issue and closes it', async () => {
    const repository = fakeRepository([{ labels: ['deploy-failed'] }], ['deploy-failed']);
    expect(await reportDeploy({ github: repository.github, context: context('push', 4250), outcome: 'success' })).toBe('closed issue #1');
    expect(repository.issues[0]!.state).toBe('closed');
    expect(repository.issues[0]!.comments[0]).toBe(
      '**Deployed again:** the merge of [0123456](https://github.com/acme/status/commit/0123456789abcdef0123456789abcdef01234567) by @lisi is live, so the status page is current. Run: https://github.com/acme/status/actions/runs/4250\n\n**已重新部署：** @lisi 合并的 [0123456](https://github.com/acme/status/commit/0123456789abcdef0123456789abcdef01234567) 已上线，状态页恢复更新。运行：https://github.com/acme/status/actions/runs/4250',
    );
  });

  it('does nothing when no deploy failed before', async () => {
    const repository = fakeRepository([{ labels: ['deploy-failed'], state: 'closed' }], ['deploy-failed']);
    expect(await reportDeploy({ github: repository.github, context: context('schedule'), outcome: 'success' })).toBe('no open deploy-failed issue');
    expect(repository.issues[0]).toMatchObject({ state: 'closed', comments: [] });
  });
});
