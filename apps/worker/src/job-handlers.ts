import { UnrecoverableError } from "bullmq";

import type { JobHandlers } from "./job-handler";

function notYetImplemented(what: string, issue: number) {
  return async () => {
    throw new UnrecoverableError(`${what} is not implemented yet (issue ${issue})`);
  };
}

/** The handler of each job name. */
export function createJobHandlers(): JobHandlers {
  return {
    "fetch-symbol": notYetImplemented("Yahoo price fetch", 5),
    "fetch-date": notYetImplemented("J-Quants price fetch", 5),
    "sync-master": notYetImplemented("master sync", 4),
  };
}
