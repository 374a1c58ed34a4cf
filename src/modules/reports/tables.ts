import type { ColumnType, Generated } from 'kysely';

// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
export interface CommitteePackTable {
  council_id: string;
  id: string;
  committee: 'standards' | 'audit';
  period_from: string;
  period_to: string;
  // The figures as assembled, JSON; written as a string, read back as an object.
  figures: ColumnType<unknown, string, string>;
  assembled_by: string;
  assembled_by_name: string;
  assembled_at: Date;
  published_at: Date | null;
  published_by_name: string | null;
}

export interface CommitteePackItemTable {
  council_id: string;
  pack_id: string;
  key: string;
  position: number;
  heading: string;
  body: Generated<string>;
  exempt_paragraph: number | null;
  exempt_reason: Generated<string>;
  exempt_marked_by: string | null;
}

export interface CommitteePackReaderTable {
  council_id: string;
  pack_id: string;
  person_id: string;
  first_read_at: Date;
}

export interface ReportsTables {
  committee_pack: CommitteePackTable;
  committee_pack_item: CommitteePackItemTable;
  committee_pack_reader: CommitteePackReaderTable;
}
