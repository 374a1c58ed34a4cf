import { z } from 'zod';
import { formChoices, formText, idParam } from '../../../platform/web/form-kit.ts';
import { oneOf, optional, required, requiredDate } from '../input.ts';
import { capacities, decisions, sanctionKinds, themes } from './rules.ts';

export const complaintParams = z.object({ id: idParam });
export const letterParams = z.object({ id: idParam, letterId: idParam });
export const sanctionParams = z.object({ id: idParam, sanctionId: idParam });

// The version of the complaint the person read: a move is made only on that version.
const version = z.coerce.number().int().min(1).max(1_000_000).catch(0);
const findings = [{ code: 'breach' }, { code: 'no-breach' }];
const isYes = formText.transform((value) => value === 'yes');
const personId = formText.refine((value) => idParam.safeParse(value).success, 'Select a person');

export const assessForm = z.object({
  version,
  operational: isYes,
  capacity: oneOf(capacities, 'Select how the councillor was acting at the time'),
  otherReason: isYes,
  theme: oneOf(themes, 'Select what the complaint is about'),
  reasons: required('Give the reasons for the assessment', 5000),
});
export type AssessForm = z.output<typeof assessForm>;

export const viewForm = z.object({
  version,
  independentPersonId: formText.refine(
    (v) => idParam.safeParse(v).success,
    'Select the independent person consulted',
  ),
  view: required('Record the independent person’s view', 5000),
});
export type ViewForm = z.output<typeof viewForm>;

export const decideForm = z.object({
  version,
  decision: oneOf(decisions, 'Select the decision'),
  reasons: required('Give the reasons for the decision', 5000),
  investigatorId: formText,
});
export type DecideForm = z.output<typeof decideForm>;

export const reportForm = z.object({
  version,
  finding: oneOf(findings, 'Select what the investigation found'),
  report: required('Summarise the investigation’s report', 10000),
});
export type ReportForm = z.output<typeof reportForm>;

export const hearingForm = z.object({
  version,
  hearingOn: requiredDate('The date of the hearing'),
  members: required('Name the members of the hearing panel', 1000),
  independentPersonId: personId,
  outcome: oneOf(findings, 'Select the panel’s decision'),
  reasons: required('Give the panel’s reasons', 5000),
  sanctions: formChoices,
  sanctionDetail: optional(1000),
  complyBy: formText,
});
export type HearingForm = z.output<typeof hearingForm>;

export const complianceForm = z.object({
  compliance: formText.refine(
    (v) => v === 'complied' || v === 'not-complied',
    'Select whether they complied',
  ),
  note: optional(1000),
});
export type ComplianceForm = z.output<typeof complianceForm>;

export const sanctionCodes = sanctionKinds.map((kind) => kind.code) as readonly string[];
