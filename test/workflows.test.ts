// The GitHub workflows: the pull request runs the check with annotations and the preview build; merges (and an
// hourly schedule that keeps itself enabled) deploy dist/ to Pages, and a failed deploy opens an issue.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT } from './helpers/sites.ts';

interface Step {
  id?: string;
  if?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  steps: Step[];
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string };
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const source = (name: string) => readFileSync(path.join(PROJECT, '.github/workflows', name), 'utf8');
const workflow = (name: string) => parse(source(name)) as Workflow;
const steps = (flow: Workflow) => Object.values(flow.jobs).flatMap((job) => job.steps);

describe.each(['pull-request.yml', 'deploy.yml'])('%s', (name) => {
  it('pins every action to a release commit, with its tag alongside', () => {
    const uses = source(name).split('\n').filter((line) => /^\s*(- )?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/uses: [\w-]+\/[\w-]+(\/[\w-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('installs exactly the lockfile and takes Node from the project', () => {
    const all = steps(workflow(name));
    expect(all.map((step) => step.run)).toContain('npm ci --no-audit --no-fund');
    expect(all.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({ 'node-version-file': 'package.json' });
  });

  it('installs from the npm cache, so npm ci downloads nothing while the lockfile is unchanged', () => {
    const setups = steps(workflow(name)).filter((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setups.length).toBeGreaterThan(0);
    for (const setup of setups) expect(setup.with).toMatchObject({ cache: 'npm' });
  });

  it('installs once per lockfile: node_modules restored by the lockfile hash, npm ci and its save only on a miss', () => {
    const all = steps(workflow(name));
    const restore = all.findIndex((step) => step.uses?.startsWith('actions/cache/restore@'));
    const install = all.findIndex((step) => step.run === 'npm ci --no-audit --no-fund');
    const save = all.findIndex((step) => step.uses?.startsWith('actions/cache/save@'));
    const build = all.findIndex((step) => step.run?.startsWith('npm run build'));
    expect(restore).toBeGreaterThan(-1);
    expect([restore < install, install < save, save < build]).toEqual([true, true, true]);
    const restoreStep = all[restore]!;
    expect(restoreStep.id).toBe('node-modules');
    // Exact lockfile matches only (no restore-keys): an older node_modules is never reused.
    expect(restoreStep.with).toEqual({ path: 'node_modules', key: "node-modules-${{ runner.os }}-${{ runner.arch }}-${{ hashFiles('package-lock.json') }}" });
    for (const step of [all[install]!, all[save]!]) expect(step.if).toBe("steps.node-modules.outputs.cache-hit != 'true'");
    expect(all[save]!.with).toEqual({ path: 'node_modules', key: '${{ steps.node-modules.outputs.cache-primary-key }}' });
  });

  it('keeps the social cards, check outcomes and kept pages between builds, where the build reads them', () => {
    const all = steps(workflow(name));
    const kept = all.findIndex((step) => step.uses?.startsWith('actions/cache@'));
    const build = all.findIndex((step) => step.run?.startsWith('npm run build'));
    expect(kept).toBeGreaterThan(-1);
    expect(kept).toBeLessThan(build);
    expect(all[kept]!.with).toEqual({ path: '${{ runner.temp }}/aftermath-cache', key: "build-cache-${{ hashFiles('content/**', 'incidents/**', 'src/**', 'package-lock.json') }}", 'restore-keys': 'build-cache-' });
    expect(all[build]!.env).toEqual({
      AFTERMATH_CARD_CACHE: '${{ runner.temp }}/aftermath-cache/social-cards',
      AFTERMATH_BUILD_CACHE: '${{ runner.temp }}/aftermath-cache/astro',
      AFTERMATH_VALIDATION_CACHE: '${{ runner.temp }}/aftermath-cache/validation',
    });
  });

  it('reads the repository only, unless a job needs more', () => {
    expect(workflow(name).permissions).toEqual({ contents: 'read' });
  });
});

describe('the pull request workflow', () => {
  it('runs the check with GitHub annotations, then the build', () => {
    const flow = workflow('pull-request.yml');
    expect(Object.keys(flow.on)).toContain('pull_request');
    const runs = steps(flow).flatMap((step) => (step.run ? [step.run] : []));
    expect(runs.indexOf('npm run check -- --format github')).toBeGreaterThan(-1);
    expect(runs.indexOf('npm run build -- --preview')).toBeGreaterThan(runs.indexOf('npm run check -- --format github'));
  });

  it('attaches the preview build, drafts and all, never a build for deployment', () => {
    const flow = workflow('pull-request.yml');
    const runs = steps(flow).flatMap((step) => (step.run ? [step.run] : []));
    expect(runs.filter((run) => run.startsWith('npm run build'))).toEqual(['npm run build -- --preview']);
    expect(steps(flow).find((step) => step.uses?.startsWith('actions/upload-artifact@'))?.with).toMatchObject({ name: 'site-preview', path: 'dist/' });
    expect(Object.keys(flow.jobs).some((name) => /deploy/.test(name))).toBe(false);
  });
});

describe('the deploy workflow', () => {
  it('builds on a push to main and publishes dist/ with the permissions Pages needs', () => {
    const flow = workflow('deploy.yml');
    expect(flow.on.push).toEqual({ branches: ['main'] });
    const build = flow.jobs.build!;
    expect(build.steps.map((step) => step.run)).toContain('npm run build');
    // Never the preview: drafts and postmortems in review must not be published.
    expect(build.steps.flatMap((step) => (step.run ? [step.run] : [])).filter((run) => run.includes('--preview'))).toEqual([]);
    expect(build.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({ path: 'dist/' });
    const deploy = flow.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps[0]!.uses).toMatch(/^actions\/deploy-pages@/);
  });

  it('rebuilds hourly, and each scheduled run re-enables the workflow so GitHub cannot switch the schedule off', () => {
    const flow = workflow('deploy.yml');
    expect(flow.on.schedule).toEqual([{ cron: '7 * * * *' }]);
    const keepalive = flow.jobs.keepalive!;
    expect(keepalive.if).toBe("github.event_name == 'schedule'");
    // Enabling a workflow needs actions: write, and this job needs nothing else.
    expect(keepalive.permissions).toEqual({ actions: 'write' });
    expect(keepalive.steps).toHaveLength(1);
    expect(keepalive.steps[0]!.env).toEqual({ GH_TOKEN: '${{ github.token }}' });
    expect(keepalive.steps[0]!.run).toBe('gh api --method PUT "repos/${GITHUB_REPOSITORY}/actions/workflows/deploy.yml/enable"');
  });

  it('opens or updates the deploy-failed issue when the build or the deploy fails', () => {
    const report = workflow('deploy.yml').jobs['report-failure']!;
    expect(report.needs).toEqual(['build', 'deploy']);
    expect(report.if).toBe('failure()');
    expect(report.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(report.steps[0]!.with).toMatchObject({ 'persist-credentials': false, 'sparse-checkout': '.github/scripts' });
    const script = report.steps.find((step) => step.uses?.startsWith('actions/github-script@'));
    expect(script?.with?.script).toContain("require('./.github/scripts/deploy-issue.cjs')");
    expect(script?.with?.script).toContain("outcome: 'failure'");
  });

  it('closes that issue after the next successful deploy', () => {
    const recovery = workflow('deploy.yml').jobs['report-recovery']!;
    expect(recovery.needs).toBe('deploy');
    expect(recovery.if).toBe('success()');
    expect(recovery.permissions).toEqual({ contents: 'read', issues: 'write' });
    const script = recovery.steps.find((step) => step.uses?.startsWith('actions/github-script@'));
    expect(script?.with?.script).toContain("outcome: 'success'");
  });

  it('sends the notices after the pages are live, keeping the record of what was sent between runs, even after a failure', () => {
    const notify = workflow('deploy.yml').jobs.notify!;
    expect(notify.needs).toBe('deploy');
    expect(notify.permissions).toEqual({ contents: 'read' });
    const run = notify.steps.findIndex((step) => step.run === 'npm run notify');
    expect(run).toBeGreaterThan(-1);
    expect(notify.steps[run]!.env).toEqual({ AFTERMATH_NOTIFY_STATE: '${{ runner.temp }}/aftermath-notify/sent.json', AFTERMATH_SECRETS: '${{ toJSON(secrets) }}' });
    const restore = notify.steps.findIndex((step) => step.uses?.startsWith('actions/cache/restore@') && step.with?.path === '${{ runner.temp }}/aftermath-notify');
    const save = notify.steps.findIndex((step) => step.uses?.startsWith('actions/cache/save@'));
    expect([restore > -1 && restore < run, save > run]).toEqual([true, true]);
    // A new key each run, the newest restored: a cache entry is never overwritten, so the record only moves forward.
    expect(notify.steps[restore]!.with).toEqual({ path: '${{ runner.temp }}/aftermath-notify', key: 'notify-sent-${{ github.run_id }}-${{ github.run_attempt }}', 'restore-keys': 'notify-sent-' });
    expect(notify.steps[save]!.if).toBe('always()');
    expect(notify.steps[save]!.with).toEqual({ path: '${{ runner.temp }}/aftermath-notify', key: 'notify-sent-${{ github.run_id }}-${{ github.run_attempt }}' });
  });

  it('gives write permissions only to the jobs that need them, and none to the job that runs npm', () => {
    const flow = workflow('deploy.yml');
    expect(flow.jobs.build!.permissions).toBeUndefined();
    const writers = Object.entries(flow.jobs).flatMap(([name, job]) => Object.entries(job.permissions ?? {}).filter(([, level]) => level === 'write').map(([scope]) => `${name}: ${scope}`));
    expect(writers.sort()).toEqual(['deploy: id-token', 'deploy: pages', 'keepalive: actions', 'report-failure: issues', 'report-recovery: issues']);
  });
});
