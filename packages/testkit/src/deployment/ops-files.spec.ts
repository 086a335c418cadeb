import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { METRIC, METRIC_NAMES } from "@kabuto/core";

import { promqlMetricNames } from "../promql-metrics";
import { OPS_DIR, dashboardFiles, opsQueries } from "./ops-queries";

const PROMTOOL = "/usr/bin/promtool";

describe("ops/: the Grafana board and the Prometheus alert rules", () => {
  const queries = opsQueries();

  it("the board has a query on every panel and watches every Kabuto metric", () => {
    const board = JSON.parse(readFileSync(path.join(OPS_DIR, "grafana/dashboards", dashboardFiles()[0]!), "utf8")) as {
      uid: string;
      panels: { type: string; title: string; targets?: unknown[] }[];
    };
    expect(board.uid).toBe("kabuto-fleet");
    const empty = board.panels.filter((panel) => panel.type !== "row" && (panel.targets ?? []).length === 0);
    expect(empty.map((panel) => panel.title)).toEqual([]);
    const queried = new Set(queries.flatMap((query) => promqlMetricNames(query.expr)));
    const unwatched = METRIC_NAMES.filter(
      (name) => !queried.has(name) && !queried.has(`${name}_bucket`) && !queried.has(`${name}_count`),
    );
    expect(unwatched).toEqual([]);
  });

  it("a stale daily update is an alert on the last completed batch's timestamp", () => {
    const stale = queries.find((query) => query.where === "alerts.yml: KabutoDailyUpdateStale");
    expect(stale?.expr).toContain(`${METRIC.BATCH_LAST_SUCCESS}{type="daily_update"}`);
  });

  (existsSync(PROMTOOL) ? it : it.skip)("promtool accepts the rules and their unit tests pass", () => {
    const run = (...args: string[]) =>
      execFileSync(PROMTOOL, args, { cwd: path.join(OPS_DIR, "prometheus"), encoding: "utf8", timeout: 20_000 });
    expect(run("check", "rules", "alerts.yml")).toContain("SUCCESS");
    expect(run("test", "rules", "alerts.test.yml")).toContain("SUCCESS");
  });
});
if (!existsSync(PROMTOOL)) {
  console.warn(`promtool checks of ops/prometheus skipped: ${PROMTOOL} is missing (Debian package: prometheus)`);
}
