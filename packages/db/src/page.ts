/** A slice of a listing. */
export interface Page {
  limit: number;
  offset: number;
}
