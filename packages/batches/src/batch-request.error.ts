/** A batch cannot start as asked: the source cannot serve it, or there is nothing to fetch. */
export class BatchRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BatchRequestError";
  }
}
