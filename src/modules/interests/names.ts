// How the register compares the names of the people and organisations declarations name, so
// that "J. Smith Ltd", "John Smith Limited" and "john smith" are found together.
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\b(the|ltd|limited|plc|llp|inc|co|company|group|uk|mr|mrs|ms|miss|dr)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Companies House numbers: eight characters, digits or a two-letter prefix and six digits; kept
// upper case without spaces.
export function companyNumberKey(number: string): string {
  return number.toUpperCase().replace(/\s+/g, '');
}

export function isCompanyNumber(number: string): boolean {
  return /^([0-9]{8}|[A-Z]{2}[0-9]{6})$/.test(companyNumberKey(number));
}
