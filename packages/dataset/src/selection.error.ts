/** A dataset or export cannot be made as asked; `field` is the request field at fault. */
export class SelectionError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "SelectionError";
  }
}
