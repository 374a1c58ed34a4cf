// A program written against the client generated from the OpenAPI document
// (test/integration/api-client.test.ts copies it beside the generated ./api.ts). Type-checking it
// holds the document's operation names, parameters and fields to what a client was written
// against; running it against the app holds the app's answers to the document.
import type { Api } from './api.ts';

type Client = Api<unknown>;

// A value the types promise: present at run time too.
function present<T>(value: T, what: string): NonNullable<T> {
  if (value === undefined || value === null) throw new Error(`${what} is missing from the answer`);
  return value as NonNullable<T>;
}

const keys = (value: object) => Object.keys(value).sort();

// A complaint logged, found, read and triaged: the case as its page shows it, and the letter as a
// draft to check.
export async function complaintCalls(api: Client, name: string) {
  const logged = await api.complaints.logComplaint({
    channel: 'phone',
    receivedOn: '2026-11-20',
    receivedTime: '10:30',
    forWhom: 'self',
    name,
    preference: 'post',
    address: '2 Station Road, Demoton',
    serviceId: 'unknown',
    whatHappened: 'The street light has been out for a month.',
    happenedOn: '2026-10-20',
    wantedOutcome: 'Fix it',
    needsAdjustments: false,
  });
  const reference: string = logged.data.complaint.reference;
  const listed = await api.complaints.listComplaints({ q: reference, limit: 5 });
  const item = present(listed.data.items[0], 'the listed complaint');
  const status:
    | 'awaiting-triage'
    | 'not-accepted'
    | 'stage-1'
    | 'stage-1-responded'
    | 'stage-2'
    | 'stage-2-responded'
    | 'closed'
    | 'merged' = item.status;
  const read = await api.complaints.getComplaint(reference);
  const acknowledgeBy: string = present(read.data.stages[0], 'stage 1').acknowledgeBy;
  const due: string | null = read.data.due;
  const mayTriage: boolean = read.data.actions.triage;
  const triaged = await api.complaints.triageComplaint(reference, {
    decision: 'complaint',
    category: 'delay',
    housing: false,
  });
  const letter = present(triaged.data.letter, 'the acknowledgement');
  const draft: 'draft' = letter.state;
  return {
    reference,
    status,
    acknowledgeBy,
    due,
    mayTriage,
    statusAfter: triaged.data.case.complaint.status,
    letter: { id: present(letter.id, 'the letter id'), state: draft },
    caseFields: keys(read.data),
    nextCursor: listed.data.nextCursor,
  };
}

// A customer made, a contact logged and the record read, with a restriction's own end date.
export async function customerCalls(api: Client, name: string) {
  const made = await api.customers.createCustomer({ name, email: '', phone: '0116 496 0001' });
  const id: string = made.data.customer.id;
  const contact = await api.customers.recordCustomerContact(id, {
    date: '2026-11-20',
    time: '09:15',
    channel: 'phone',
    minutes: 10,
    summary: 'Asked about their complaint',
  });
  const found = await api.customers.findCustomers({ q: name });
  const record = await api.customers.getCustomer(id);
  const restrictions = await api.customers.listCustomerRestrictions(id);
  const endsOn: (string | null)[] = restrictions.data.items.map((restriction) => restriction.endsOn);
  const whole: boolean = record.data.wholeRecord;
  return {
    id,
    foundIds: found.data.items.map((customer) => customer.id),
    contactSummary: contact.data.summary,
    whole,
    category: record.data.customer.category,
    endsOn,
    recordFields: keys(record.data),
  };
}

// A refusal: the generated client throws the answer, whose error is the document's Problem.
export async function refusedCall(api: Client) {
  try {
    await api.complaints.triageComplaint('CMP-2026-999999', { decision: 'complaint' });
    return null;
  } catch (answer) {
    const problem = (answer as Awaited<ReturnType<Client['complaints']['triageComplaint']>>).error;
    return { status: problem.status, title: problem.title };
  }
}
