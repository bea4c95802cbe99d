/**
 * A staff export as a table, before it is written as CSV or XLSX: headers in the requester's
 * language, one row per record, then blocks of totals and counts under it.
 */

export type Cell = string | number | null;

export type ColumnFormat = 'text' | 'integer' | 'money' | 'date';

export interface ExportColumn {
  header: string;
  /** How XLSX shows the cells: a `date` column holds YYYY-MM-DD strings, written as dates. */
  format?: ColumnFormat;
  /** Width in characters, for XLSX. */
  width?: number;
}

/** Counts or totals under the rows, e.g. "By gender" with a row per gender. */
export interface ExportBlock {
  title: string;
  header?: string[];
  rows: Cell[][];
}

export interface ExportTable {
  /** The worksheet's name, e.g. "Participants". */
  name: string;
  columns: ExportColumn[];
  rows: Cell[][];
  /** A line under the rows explaining them, e.g. what 1 and 0 mean. */
  note?: string;
  blocks: ExportBlock[];
}
