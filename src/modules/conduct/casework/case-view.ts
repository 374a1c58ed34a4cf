import type { ShownForm } from '../../../platform/web/form-kit.ts';
import { formErrors } from '../../../platform/web/forms.ts';
import { conductLetterNames } from '../letters/wording.ts';
import {
  allows,
  capacities,
  decisions,
  labelOf,
  notValidGrounds,
  sanctionKinds,
  stateNames,
  themes,
} from './rules.ts';
import type { ConductCasework } from './service.ts';

type CasePage = Awaited<ReturnType<ConductCasework['page']>>;

const items = (list: readonly { code: string; label: string }[], chosen: unknown) =>
  list.map(({ code, label }) => ({ value: code, text: label, checked: code === chosen }));

// What the complaint's page shows: the complaint in words, what has been done, and the form for
// its next step (with what was typed and why it was refused, when a post was).
export function caseView(data: CasePage, shown: ShownForm, form: string) {
  const { complaint: c, sanctions, letters, independentPersons, investigators } = data;
  const values: Record<string, unknown> = { ...shown.values, version: c.version };
  const errors = formErrors(shown.errors);
  const nameOf = (id: string | null) => independentPersons.find((p) => p.id === id)?.name ?? '';
  const may = (move: Parameters<typeof allows>[1]) => data.mayWork && allows(c.state, move);
  return {
    title: `Complaint ${c.reference}`,
    complaint: c,
    stateName: stateNames[c.state] ?? c.state,
    themeName: labelOf(themes, c.theme),
    assessed: c.valid !== null,
    grounds: c.notValidGrounds.map(
      (code) => notValidGrounds.find((g) => g.code === code) ?? { label: code, cite: '' },
    ),
    decisionName: labelOf(decisions, c.decision),
    viewBy: nameOf(c.independentPersonId),
    hearingIndependentPerson: nameOf(c.hearingIndependentPersonId),
    investigatorName: investigators.find((p) => p.id === c.investigatorId)?.name ?? '',
    sanctions: sanctions.map((s) => ({
      ...s,
      kindName: labelOf(sanctionKinds, s.kind),
      form: `sanction-${s.id}`,
    })),
    letters: letters.map((l) => ({ ...l, kindName: conductLetterNames[l.kind] })),
    shows: {
      assess: may('assess'),
      view: may('view'),
      decide: may('decide'),
      report: data.mayReport && allows(c.state, 'report'),
      hearing: may('hear'),
      comply: may('comply'),
    },
    form,
    values,
    ...errors,
    capacityItems: items(capacities, values.capacity),
    themeItems: items(themes, values.theme),
    decisionItems: items(decisions, values.decision),
    sanctionItems: sanctionKinds.map(({ code, label }) => ({
      value: code,
      text: label,
      checked: ([] as unknown[]).concat(values.sanctions ?? []).includes(code),
    })),
    independentPersonItems: [
      { value: '', text: 'Select an independent person' },
      ...independentPersons.filter((p) => p.active).map((p) => ({ value: p.id, text: p.name })),
    ],
    investigatorItems: [
      { value: '', text: 'Select the investigator' },
      ...investigators.map((p) => ({ value: p.id, text: `${p.name}, ${p.jobTitle}` })),
    ],
  };
}
