import { readFileSync } from "node:fs";
import path from "node:path";

import { parse } from "yaml";

import { FORCE_EXIT_AFTER_MS } from "@kabuto/core";

const ROOT = path.resolve(__dirname, "../../../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** The Kabuto apps of the stack, each with the port its healthcheck must probe. */
const APPS = { gateway: 3000, worker: 9464, progress: 3001, scheduler: 9464 } as const;
const REAL_UPSTREAMS = {
  YAHOO_BASE_URL: "https://query1.finance.yahoo.com",
  JQUANTS_BASE_URL: "https://api.jquants.com/v2",
  JPX_LIST_URL: "https://www.jpx.co.jp/markets/statistics-equities/misc/tvdivq0000001vg2-att/data_j.xls",
};
const API_KEY = { API_KEY: "compose-test-key-0123456789" };

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  profiles?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string; required?: boolean }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  stop_grace_period?: string;
  ports?: string[];
  container_name?: string;
  deploy?: { replicas?: number };
  restart?: string;
  volumes?: string[];
}

/** Compose's interpolation of `${VAR}`, `${VAR:-default}` and `${VAR:?error}`, as `docker compose config` does it. */
function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, word?: string) => {
    const value = env[name];
    if (value !== undefined && value !== "") return value;
    if (kind === "?") throw new Error(`required variable ${name} is missing: ${word}`);
    return kind === "-" ? (word ?? "") : "";
  });
}

function compose(env: Record<string, string>): Record<string, Service> {
  return (parse(interpolate(read("docker-compose.yml"), env), { merge: true }) as { services: Record<string, Service> })
    .services;
}

/** A dotenv file's variables (KEY=value lines). */
function envFile(file: string): Record<string, string> {
  return Object.fromEntries(
    read(file)
      .split("\n")
      .filter((line) => /^\w+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

const seconds = (duration: string) => {
  const match = /^(\d+)(s|m)$/.exec(duration);
  if (!match) throw new Error(`unexpected duration ${duration}`);
  return Number(match[1]) * (match[2] === "m" ? 60 : 1);
};

describe("docker-compose.yml", () => {
  const services = compose(API_KEY);
  const apps = Object.keys(APPS) as (keyof typeof APPS)[];

  it("talks to the real upstreams by default, and refuses to start without API_KEY", () => {
    for (const app of apps) expect(services[app]!.environment).toMatchObject(REAL_UPSTREAMS);
    expect(JSON.stringify(services)).not.toContain("market-sim:4010");
    expect(services["market-sim"]!.profiles).toEqual(["sim"]);
    expect(() => compose({})).toThrow(/API_KEY/);
  });

  it("with ops/sim.env starts the sim profile and points every app at the simulator", () => {
    const sim = envFile("ops/sim.env");
    expect(sim.COMPOSE_PROFILES).toBe("sim");
    const simServices = compose({ ...API_KEY, ...sim });
    for (const app of apps) {
      expect(simServices[app]!.environment).toMatchObject({
        YAHOO_BASE_URL: "http://market-sim:4010",
        JQUANTS_BASE_URL: "http://market-sim:4010/v2",
        JPX_LIST_URL: expect.stringMatching(/^http:\/\/market-sim:4010\/.*data_j\.xls$/),
      });
    }
    const simPort = simServices["market-sim"]!.environment!.MARKET_SIM_PORT;
    expect(simPort).toBe("4010");
    // an app that needs the simulator waits for it, and does not need it without the profile
    for (const app of ["gateway", "worker", "scheduler"] as const) {
      expect(simServices[app]!.depends_on!["market-sim"]).toEqual({ condition: "service_healthy", required: false });
    }
  });

  it("runs the migration to completion before the apps that use PostgreSQL", () => {
    expect(services.migrate!.command).toEqual(["node", "packages/db/scripts/prisma.mjs", "migrate", "deploy"]);
    expect(services.migrate!.restart).toBe("no");
    expect(services.migrate!.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    for (const app of ["gateway", "worker", "scheduler"] as const) {
      expect(services[app]!.depends_on!.migrate).toEqual({ condition: "service_completed_successfully" });
      expect(services[app]!.depends_on!.redis).toEqual({ condition: "service_healthy" });
    }
  });

  it("has a healthcheck on every long-running service, each app's on the port it serves", () => {
    const unchecked = Object.entries(services)
      .filter(([name, service]) => name !== "migrate" && !service.healthcheck?.test?.length)
      .map(([name]) => name);
    expect(unchecked).toEqual([]);
    // a one-shot job: its exit status is its health
    expect(services.migrate!.healthcheck).toEqual({ disable: true });
    for (const app of apps) expect(services[app]!.healthcheck!.test!.join(" ")).toContain(`127.0.0.1:${APPS[app]}/`);
    for (const app of ["worker", "progress", "scheduler"] as const) {
      expect(services[app]!.environment).toMatchObject({ METRICS_PORT: "9464", METRICS_HOST: "0.0.0.0" });
    }
    expect(services.gateway!.environment!.PORT).toBe("3000");
    expect(services.progress!.environment!.PROGRESS_PORT).toBe("3001");
  });

  it("gives every service a stop grace period longer than the apps' shutdown", () => {
    const short = Object.entries(services)
      .filter(
        ([, service]) => !service.stop_grace_period || seconds(service.stop_grace_period) * 1000 <= FORCE_EXIT_AFTER_MS,
      )
      .map(([name]) => name);
    expect(short).toEqual([]);
  });

  it("scales workers with --scale worker=N: no fixed ports or name, and the README says so", () => {
    expect(services.worker!.ports).toBeUndefined();
    expect(services.worker!.container_name).toBeUndefined();
    expect(services.worker!.deploy!.replicas).toBeGreaterThan(1);
    expect(read("README.md")).toMatch(/docker compose up [^\n`]*--scale worker=\d+/);
    const prometheus = read("ops/prometheus/prometheus.yml");
    expect(prometheus).toMatch(/dns_sd_configs:\s+- names: \["worker"\]\s+type: A\s+port: 9464/);
  });

  it("the observability profile runs Prometheus and Grafana provisioned from ops/", () => {
    const mounted = (service: string) => services[service]!.volumes!.filter((volume) => volume.startsWith("./"));
    expect(services.prometheus!.profiles).toEqual(["observability"]);
    expect(services.grafana!.profiles).toEqual(["observability"]);
    expect(mounted("prometheus")).toEqual([
      "./ops/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
      "./ops/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro",
    ]);
    expect(mounted("grafana")).toEqual([
      "./ops/grafana/provisioning:/etc/grafana/provisioning:ro",
      "./ops/grafana/dashboards:/var/lib/grafana/dashboards:ro",
    ]);
    const provider = parse(read("ops/grafana/provisioning/dashboards/kabuto.yml")) as {
      providers: { options: { path: string } }[];
    };
    expect(provider.providers[0]!.options.path).toBe("/var/lib/grafana/dashboards");
    const prometheus = parse(read("ops/prometheus/prometheus.yml")) as {
      rule_files: string[];
      scrape_configs: { static_configs?: { targets: string[] }[] }[];
    };
    expect(prometheus.rule_files).toEqual(["/etc/prometheus/alerts.yml"]);
    const targets = prometheus.scrape_configs.flatMap((config) => config.static_configs?.[0]?.targets ?? []);
    expect(targets.sort()).toEqual(["gateway:3000", "progress:9464", "scheduler:9464"]);
  });
});

describe("Dockerfile", () => {
  const lines = read("Dockerfile").split("\n");
  const stages = lines.filter((line) => line.startsWith("FROM "));
  const runtime = lines.slice(lines.lastIndexOf(stages.at(-1)!));

  it("builds in one stage and runs on Node 22 LTS in another, as a user other than root", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage).toMatch(/^FROM node:22-bookworm-slim AS \w+$/);
    expect(runtime.some((line) => line.startsWith("COPY --from=build "))).toBe(true);
    expect(runtime.some((line) => /^RUN .*npm (ci|install)/.test(line))).toBe(false);
    const user = runtime.filter((line) => line.startsWith("USER ")).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)(:|$)/);
  });
});
