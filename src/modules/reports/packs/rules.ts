// The rules of a committee pack: which committee sees which sections, how the raising-concerns
// figures are kept from identifying a reporter, and which items hold exempt information.

export const committees = ['standards', 'audit'] as const;
export type Committee = (typeof committees)[number];

export const committeeNames: Record<Committee, string> = {
  standards: 'Standards committee',
  audit: 'Audit committee',
};

export type SectionId =
  | 'conduct'
  | 'conduct-hearings'
  | 'complaints'
  | 'concerns'
  | 'declarations'
  | 'gift-reviews'
  | 'incidents';

// What each committee receives (DOMAIN.md §7; 002 Monitoring and Reporting; 003 minutes, item 18:
// the bi-annual report on complaints about councillors goes to the standards committee). The audit
// committee hears the whistleblowing, register assurance and health and safety figures first.
export const sectionsOf: Record<Committee, readonly SectionId[]> = {
  standards: ['conduct', 'conduct-hearings', 'complaints', 'concerns', 'declarations', 'gift-reviews'],
  audit: ['concerns', 'gift-reviews', 'declarations', 'complaints', 'incidents'],
};

// --- Small numbers (002 raising concerns: a reporter must not be identified) ---------------------

export type ShownCount = { count: number | null; text: string };
export type Cell = { code: string; label: string; count: number };
export type ShownCell = { code: string; label: string } & ShownCount;

export const fewerThan = (minimum: number) => `fewer than ${minimum}`;

const shown = (count: number): ShownCount => ({ count, text: String(count) });
const hidden = (minimum: number): ShownCount => ({ count: null, text: fewerThan(minimum) });

/** A count on its own: shown when none, or at least the minimum; otherwise "fewer than N". */
export function suppressCount(count: number, minimum: number): ShownCount {
  return count === 0 || count >= minimum ? shown(count) : hidden(minimum);
}

/**
 * A table of counts that add up to a total that is shown. A count from 1 to the minimum less one is
 * hidden (primary suppression); a zero identifies nobody and is shown. Where only one count in the
 * table is hidden, it could be worked out from the total and the rest, so the smallest other count
 * that is not zero is hidden too (secondary suppression). A total under the minimum is hidden, and
 * every count in it with it.
 */
export function suppressTable(
  cells: readonly Cell[],
  minimum: number,
): { cells: ShownCell[]; total: ShownCount } {
  const total = cells.reduce((sum, cell) => sum + cell.count, 0);
  const hide = new Set<number>();
  cells.forEach((cell, i) => {
    if (cell.count > 0 && cell.count < minimum) hide.add(i);
  });
  const totalHidden = total > 0 && total < minimum;
  if (hide.size === 1 && !totalHidden) {
    const next = cells
      .map((cell, i) => ({ count: cell.count, i }))
      .filter(({ count, i }) => count > 0 && !hide.has(i))
      .sort((a, b) => a.count - b.count || a.i - b.i)[0];
    if (next) hide.add(next.i);
  }
  return {
    cells: cells.map((cell, i) => ({
      code: cell.code,
      label: cell.label,
      ...(hide.has(i) ? hidden(minimum) : shown(cell.count)),
    })),
    total: totalHidden ? hidden(minimum) : shown(total),
  };
}

/** Part of a whole (acknowledged in time, of those received): the part and the rest as a table. */
export function suppressPart(part: number, whole: number, minimum: number): ShownCount {
  const table = suppressTable(
    [
      { code: 'part', label: '', count: part },
      { code: 'rest', label: '', count: Math.max(whole - part, 0) },
    ],
    minimum,
  );
  const cell = table.cells[0];
  return cell ? { count: cell.count, text: cell.text } : hidden(minimum);
}

// --- Exempt information (Local Government Act 1972, Schedule 12A, Part 1; 003 agenda item 10) ----

export const exemptParagraphs: Record<number, string> = {
  1: 'Information relating to any individual',
  2: 'Information which is likely to reveal the identity of an individual',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information)',
  4: 'Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings',
  6: 'Information which reveals that the authority proposes to give under any enactment a notice imposing requirements on a person, or to make an order or direction under any enactment',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime',
};

export const isExemptParagraph = (value: number) => Number.isInteger(value) && value in exemptParagraphs;

export type ExemptMark = { paragraph: number; reason: string };

/**
 * Which assembled items are exempt by rule. The hearings and sanctions of councillor conduct
 * complaints relate to the councillors a committee can name from so few cases (paragraph 1, as the
 * standards committee takes its hearing reports in private: 003 agenda item 10, minutes item 19).
 * The monitoring officer may clear or change any mark before the pack is published.
 */
export function exemptByRule(
  section: SectionId,
  figures: { conductHearings: number; conductSanctions: number },
): ExemptMark | null {
  if (section === 'conduct-hearings' && figures.conductHearings + figures.conductSanctions > 0)
    return {
      paragraph: 1,
      reason: 'Hearings and sanctions in the period relate to councillors who can be identified',
    };
  return null;
}

/** "Exempt: paragraph 1 of Part 1 of Schedule 12A (information relating to any individual)". */
export function exemptLabel(paragraph: number): string {
  const words = exemptParagraphs[paragraph] ?? '';
  return `Exempt information: paragraph ${paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972 (${words.charAt(0).toLowerCase()}${words.slice(1)})`;
}
