import { spawnApp } from "@kabuto/testkit";

describe("gateway process", () => {
  it("fails fast with one line naming a bad variable", async () => {
    const app = spawnApp("gateway", { DATABASE_URL: "nonsense" });
    const { code } = await app.exited();
    expect(code).toBe(1);
    expect(app.stderr().trim().split("\n")).toEqual([
      "gateway: Invalid configuration: DATABASE_URL must be a PostgreSQL URL (postgresql:// or postgres://…)",
    ]);
    expect(app.stdout()).toBe("");
  });
});
