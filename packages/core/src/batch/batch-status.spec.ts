import { BATCH_STATUSES, BATCH_STATUS_GROUP, BATCH_TRANSITIONS, sqlStatusList } from "./batch-status";

describe("the batch state machine", () => {
  it("never leaves a terminal state", () => {
    for (const transition of Object.values(BATCH_TRANSITIONS)) {
      for (const from of transition.from) expect(BATCH_STATUS_GROUP.terminal).not.toContain(from);
    }
  });

  it("reaches every state from queued", () => {
    const reached = new Set<string>(["queued"]);
    for (let grew = true; grew;) {
      grew = false;
      for (const { from, to } of Object.values(BATCH_TRANSITIONS)) {
        if (from.some((state) => reached.has(state)) && !reached.has(to)) grew = reached.add(to).size > 0;
      }
    }
    expect([...reached].sort()).toEqual(BATCH_STATUSES.filter((status) => status !== "failed").sort());
  });

  it("writes a group as a SQL list", () => {
    expect(sqlStatusList(BATCH_STATUS_GROUP.active)).toBe("('queued', 'running')");
  });
});
