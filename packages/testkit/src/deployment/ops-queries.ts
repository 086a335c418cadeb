import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

import { parse } from "yaml";

/** The repository's ops/ folder: the Grafana board, the Prometheus configuration and alert rules. */
export const OPS_DIR = path.resolve(__dirname, "../../../../ops");

/** One PromQL expression of ops/, with where it is. */
export interface OpsQuery {
  where: string;
  expr: string;
}

interface DashboardJson {
  panels: { title: string; targets?: { expr: string }[] }[];
}

interface RuleFile {
  groups: { name: string; rules: { alert?: string; record?: string; expr: string }[] }[];
}

export const dashboardFiles = () =>
  readdirSync(path.join(OPS_DIR, "grafana/dashboards")).filter((name) => name.endsWith(".json"));

/** Every PromQL expression the Grafana boards and the alert rules query. */
export function opsQueries(): OpsQuery[] {
  const boards = dashboardFiles().flatMap((file) => {
    const board = JSON.parse(readFileSync(path.join(OPS_DIR, "grafana/dashboards", file), "utf8")) as DashboardJson;
    return board.panels.flatMap((panel) =>
      (panel.targets ?? []).map((target) => ({ where: `${file}: ${panel.title}`, expr: target.expr })),
    );
  });
  const rules = (parse(readFileSync(path.join(OPS_DIR, "prometheus/alerts.yml"), "utf8")) as RuleFile).groups.flatMap(
    (group) => group.rules.map((rule) => ({ where: `alerts.yml: ${rule.alert ?? rule.record}`, expr: rule.expr })),
  );
  return [...boards, ...rules];
}
