import { headingKey, parseCsv } from '../../../platform/web/csv-records.ts';
import { type EmploymentType, employmentTypes } from '../people/input.ts';

// Reading an HR system's staff file: the columns it names, whatever the export calls them, and
// each row as a member of staff, or the reason it cannot be one, by the line it is on.

export type StaffRow = {
  line: number;
  staffNumber: string;
  name: string;
  email: string;
  jobTitle: string;
  service: string;
  lineManager: string;
  startDate: string | null;
  leavingDate: string | null;
  employmentType: EmploymentType;
};

export type RowError = { line: number; message: string };

const fields = {
  staffNumber: ['staff_number', 'staff_no', 'employee_number', 'employee_no', 'payroll_number', 'staff_id'],
  name: ['name', 'full_name', 'employee_name'],
  email: ['email', 'email_address', 'work_email'],
  jobTitle: ['job_title', 'position', 'post', 'role'],
  service: ['service', 'team', 'department'],
  lineManager: [
    'line_manager',
    'manager',
    'line_manager_staff_number',
    'line_manager_email',
    'manager_staff_number',
    'manager_email',
  ],
  startDate: ['start_date', 'started', 'start'],
  leavingDate: ['leaving_date', 'end_date', 'leave_date', 'left'],
  employmentType: ['contract_type', 'employment_type', 'contract'],
} as const;

type Field = keyof typeof fields;
export type StaffColumns = Record<Field, number>;
const required: readonly Field[] = ['staffNumber', 'name', 'email', 'jobTitle', 'employmentType'];
const headingNames: Record<Field, string> = {
  staffNumber: 'staff number',
  name: 'name',
  email: 'email',
  jobTitle: 'job title',
  service: 'service',
  lineManager: 'line manager',
  startDate: 'start date',
  leavingDate: 'leaving date',
  employmentType: 'contract type',
};

export function staffColumns(headings: readonly string[]): StaffColumns | { problem: string } {
  const keys = headings.map(headingKey);
  const columns = Object.fromEntries(
    (Object.keys(fields) as Field[]).map((field) => [
      field,
      keys.findIndex((key) => (fields[field] as readonly string[]).includes(key)),
    ]),
  ) as StaffColumns;
  const missing = required.filter((field) => columns[field] < 0).map((field) => headingNames[field]);
  if (missing.length)
    return { problem: `The first line must name the columns: it has no ${missing.join(', no ')}` };
  return columns;
}

const contractNames: Record<string, EmploymentType> = {
  employee: 'employee',
  permanent: 'employee',
  fixed_term: 'employee',
  agency: 'agency',
  agency_worker: 'agency',
  contractor: 'contractor',
  consultant: 'contractor',
  volunteer: 'volunteer',
};

export function contractType(text: string): EmploymentType | null {
  const found = contractNames[headingKey(text)];
  return found && employmentTypes.includes(found) ? found : null;
}

// A date as HR exports write it: 2026-04-01 or 01/04/2026 (day first, as in the UK). Blank is none.
export function staffDate(text: string): string | null | undefined {
  const typed = text.trim();
  if (typed === '') return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(typed);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : uk
      ? [uk[3], uk[2], uk[1]]
      : [undefined, undefined, undefined];
  if (!year || !month || !day) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  return date.toISOString().slice(0, 10);
}

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function rowOf(line: number, cell: (field: Field) => string): StaffRow | RowError {
  const fail = (message: string) => ({ line, message });
  const [staffNumber, name, email] = [cell('staffNumber'), cell('name'), cell('email').toLowerCase()];
  if (!staffNumber) return fail('The staff number is missing');
  if (staffNumber.length > 50) return fail('The staff number must be 50 characters or fewer');
  if (!name) return fail(`The name of ${staffNumber} is missing`);
  if (name.length > 200) return fail(`The name of ${staffNumber} must be 200 characters or fewer`);
  if (!email) return fail(`The email address of ${staffNumber} is missing`);
  if (!emailShape.test(email) || email.length > 254)
    return fail(`“${email}” is not an email address, like name@council.gov.uk`);
  const employmentType = contractType(cell('employmentType'));
  if (!employmentType)
    return fail(
      `“${cell('employmentType')}” is not a contract type: use employee, agency, contractor or volunteer`,
    );
  const startDate = staffDate(cell('startDate'));
  if (startDate === undefined)
    return fail(`The start date “${cell('startDate')}” is not a date, like 2026-04-01`);
  const leavingDate = staffDate(cell('leavingDate'));
  if (leavingDate === undefined)
    return fail(`The leaving date “${cell('leavingDate')}” is not a date, like 2026-04-01`);
  if (startDate && leavingDate && leavingDate < startDate)
    return fail('The leaving date is before the start date');
  const jobTitle = cell('jobTitle');
  if (!jobTitle) return fail(`The job title of ${staffNumber} is missing`);
  if (jobTitle.length > 200) return fail(`The job title of ${staffNumber} must be 200 characters or fewer`);
  return {
    line,
    staffNumber,
    name,
    email,
    jobTitle,
    service: cell('service'),
    lineManager: cell('lineManager'),
    startDate,
    leavingDate,
    employmentType,
  };
}

// Every row of the file as a member of staff or an error; a staff number or email address given
// twice is an error on its second line.
export function staffRows(text: string): { rows: StaffRow[]; errors: RowError[] } {
  const [heading, ...records] = parseCsv(text);
  if (!heading) return { rows: [], errors: [{ line: 1, message: 'The file is empty' }] };
  const columns = staffColumns(heading.cells);
  if ('problem' in columns) return { rows: [], errors: [{ line: heading.line, message: columns.problem }] };
  const rows: StaffRow[] = [];
  const errors: RowError[] = [];
  const numbers = new Map<string, number>();
  const emails = new Map<string, number>();
  for (const { line, cells } of records) {
    const row = rowOf(line, (field) => (columns[field] < 0 ? '' : (cells[columns[field]] ?? '').trim()));
    if ('message' in row) errors.push(row);
    else if (numbers.has(row.staffNumber))
      errors.push({
        line,
        message: `Staff number ${row.staffNumber} is also on line ${numbers.get(row.staffNumber)}`,
      });
    else if (emails.has(row.email))
      errors.push({
        line,
        message: `The email address ${row.email} is also on line ${emails.get(row.email)}`,
      });
    else {
      numbers.set(row.staffNumber, line);
      emails.set(row.email, line);
      rows.push(row);
    }
  }
  if (records.length === 0)
    errors.push({ line: heading.line, message: 'The file has no staff, only its headings' });
  return { rows, errors };
}
