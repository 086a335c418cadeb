import express from "express";
import request from "supertest";

import { STATUS_LABELS } from "@kabuto/contract";

import { dashboardRoutes } from "./dashboard.routes";

describe("/assets/status-labels.js", () => {
  const app = express().use(dashboardRoutes({ progressPublicUrl: undefined, apiKeyRequired: false }));

  it("is an ES module exporting the contract's labels, which the dashboard's scripts import", async () => {
    const response = await request(app).get("/assets/status-labels.js").expect(200);
    expect(response.headers["content-type"]).toMatch(/^text\/javascript/);
    const exported = /^export const STATUS_LABELS = (.*);$/ms.exec(response.text.split("\n").slice(1).join("\n"));
    expect(JSON.parse(exported![1]!)).toEqual(STATUS_LABELS);
    expect(STATUS_LABELS.batch.cancelled.ja).toBe("停止済み");
    expect(STATUS_LABELS.masterSync.completed.ja).toBe("成功");
  });

  it("is what the scripts import, in place of labels of their own", async () => {
    for (const script of ["bulk-jobs.js", "data-source-card.js"]) {
      const text = (await request(app).get(`/assets/${script}`).expect(200)).text;
      expect(text).toContain('import { STATUS_LABELS } from "./status-labels.js";');
      expect(text).not.toMatch(/"(待機中|停止済み|一時的エラー)"/);
    }
  });
});
