import { readFileSync } from "node:fs";
import path from "node:path";

import { parse } from "yaml";

const WORKFLOW = path.resolve(__dirname, "../../../../.github/workflows/ci.yml");

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: unknown; steps: Step[] }>;
}

describe(".github/workflows/ci.yml", () => {
  const workflow = parse(readFileSync(WORKFLOW, "utf8")) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it("reads the repository and nothing more, in every job", () => {
    expect(workflow.permissions).toEqual({ contents: "read" });
    expect(Object.values(workflow.jobs).filter((job) => job.permissions !== undefined)).toEqual([]);
    const checkouts = steps.filter((step) => step.uses?.startsWith("actions/checkout@"));
    expect(checkouts.every((step) => step.with?.["persist-credentials"] === false)).toBe(true);
  });

  it("audits the dependencies, builds the Docker image and caches npm and the image's layers", () => {
    expect(steps.some((step) => step.run === "npm audit --audit-level=high")).toBe(true);
    const build = steps.find((step) => step.uses?.startsWith("docker/build-push-action@"));
    expect(build?.with).toMatchObject({ context: ".", "cache-from": "type=gha", "cache-to": "type=gha,mode=max" });
    const nodes = steps.filter((step) => step.uses?.startsWith("actions/setup-node@"));
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((step) => step.with?.cache === "npm" && step.with?.["node-version"] === 22)).toBe(true);
  });
});
