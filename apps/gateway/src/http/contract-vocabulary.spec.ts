import {
  BATCH_STATUSES,
  BATCH_UNITS,
  CALENDAR_SOURCES,
  DETAIL_STATUSES,
  ERROR_CLASSES,
  JQUANTS_PLAN_NAMES,
  MASTER_SOURCES,
  MASTER_SYNC_STATUSES,
  PRICE_PROVIDERS,
} from "@kabuto/contract";
import {
  BatchStatus,
  BatchUnit,
  CalendarSource,
  DetailStatus,
  ErrorClass,
  JQUANTS_PLANS,
  MasterSource,
  Provider,
  RunStatus,
} from "@kabuto/db";

describe("the contract's vocabulary, against the database's enums and J-Quants' plans", () => {
  it.each([
    ["batch statuses", BATCH_STATUSES, BatchStatus],
    ["detail statuses", DETAIL_STATUSES, DetailStatus],
    ["master sync statuses", MASTER_SYNC_STATUSES, RunStatus],
    ["batch units", BATCH_UNITS, BatchUnit],
    ["error classes", ERROR_CLASSES, ErrorClass],
    ["master sources", MASTER_SOURCES, MasterSource],
    ["price providers", PRICE_PROVIDERS, Provider],
    ["calendar sources", CALENDAR_SOURCES, CalendarSource],
  ])("%s are PostgreSQL's", (_name, contract, prismaEnum) => {
    expect([...contract]).toEqual(Object.values(prismaEnum));
  });

  it("plans are J-Quants'", () => {
    expect(JQUANTS_PLAN_NAMES).toEqual(Object.keys(JQUANTS_PLANS));
  });
});
