import { declaredName, promqlMetricNames } from "./promql-metrics";

describe("promqlMetricNames", () => {
  it("finds the selected metrics, not functions, label names, matchers, ranges or numbers", () => {
    expect(
      promqlMetricNames(
        'histogram_quantile(0.95, sum by (le, queue) (rate(kabuto_job_duration_seconds_bucket{queue=~"a|b"}[$__rate_interval])))',
      ),
    ).toEqual(["kabuto_job_duration_seconds_bucket"]);
    expect(
      promqlMetricNames(
        '(time() - max(kabuto_batch_last_success_timestamp_seconds{type="daily_update"}) > 26 * 3600) and on () (day_of_week() >= 2)',
      ),
    ).toEqual(["kabuto_batch_last_success_timestamp_seconds"]);
    expect(
      promqlMetricNames(
        "sum by (queue) (max without (instance) (a_jobs)) > 0 unless sum by (queue) (rate(b_total[10m])) > 0",
      ),
    ).toEqual(["a_jobs", "b_total"]);
    expect(promqlMetricNames('up{job=~"kabuto-.*"} == 0')).toEqual(["up"]);
  });

  it("maps a histogram's series to the declared name", () => {
    const declared = new Set(["kabuto_job_duration_seconds", "up_total"]);
    expect(declaredName("kabuto_job_duration_seconds_bucket", declared)).toBe("kabuto_job_duration_seconds");
    expect(declaredName("up_total", declared)).toBe("up_total");
    expect(declaredName("kabuto_missing_total", declared)).toBeUndefined();
  });
});
