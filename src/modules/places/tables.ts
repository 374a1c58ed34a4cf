// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
export interface GazetteerImportTable {
  council_id: string;
  id: string;
  file_hash: string;
  row_count: number;
  added: number;
  changed: number;
  unchanged: number;
  imported_by: string | null;
  imported_at: Date;
}

export interface GazetteerAddressTable {
  council_id: string;
  uprn: string;
  address: string;
  postcode: string;
  search_key: string;
  latitude: number;
  longitude: number;
  easting: number | null;
  northing: number | null;
  import_id: string;
  created_at: Date;
  updated_at: Date;
}

export interface PlacesTables {
  gazetteer_import: GazetteerImportTable;
  gazetteer_address: GazetteerAddressTable;
}
