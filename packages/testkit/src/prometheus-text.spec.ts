import { declaredMetrics, metricValues } from "./prometheus-text";

const TEXT = `# HELP a_total A counter
# TYPE a_total counter
a_total{queue="x",outcome="completed"} 3
a_total{queue="y",outcome="failed"} 0
# HELP b_seconds A histogram
# TYPE b_seconds histogram
b_seconds_bucket{le="1"} 2
b_seconds_sum 0.5
b_seconds_count 2
# HELP c A gauge
# TYPE c gauge
c 1.5
`;

describe("Prometheus text", () => {
  it("lists the declared metrics and the values of one, a histogram's by its count", () => {
    expect(declaredMetrics(TEXT)).toEqual(new Set(["a_total", "b_seconds", "c"]));
    expect(metricValues(TEXT, "a_total")).toEqual([3, 0]);
    expect(metricValues(TEXT, "b_seconds")).toEqual([2]);
    expect(metricValues(TEXT, "c")).toEqual([1.5]);
    expect(metricValues(TEXT, "d")).toEqual([]);
  });
});
