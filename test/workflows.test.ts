// The GitHub workflows: the pull request runs the check with annotations and the build; merges deploy dist/ to Pages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT } from './helpers/sites.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  steps: Step[];
  needs?: string;
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
    for (const line of uses) expect(line).toMatch(/uses: [\w-]+\/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('installs exactly the lockfile and takes Node from the project', () => {
    const all = steps(workflow(name));
    expect(all.map((step) => step.run)).toContain('npm ci --no-audit --no-fund');
    expect(all.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({ 'node-version-file': 'package.json' });
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
});
