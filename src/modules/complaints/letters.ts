import type { Kysely } from 'kysely';
import { type Actor, actorFor, appendAudit, recordAccess } from '../../platform/audit/audit-trail.ts';
import { can } from '../../platform/auth/permissions.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { dayMonthYear } from '../../platform/calendar/date-text.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { sameCouncil } from '../../platform/db/same-council.ts';
import type { Database } from '../../platform/db/schema.ts';
import { NotFound } from '../../platform/errors.ts';
import type { LetterRequest } from '../customers/letters-contract.ts';
import type { ModuleDeps } from '../organisation/module-deps.ts';
import { letterPdf } from './letter-pdf.ts';
import {
  behaviourKinds,
  callerValues,
  checkTemplate,
  defaultTemplate,
  exampleValues,
  fillTemplate,
  isLetterKind,
  kindNames,
  type LetterKind,
  type LetterTemplate,
  LetterTemplateError,
  letterKinds,
  ombudsmanDetails,
  type TemplateProblem,
} from './letter-templates.ts';

export type ComplaintLetters = ReturnType<typeof complaintLetters>;

export type LetterInput = LetterRequest<LetterKind>;

export type Letter = {
  id: string;
  councilId: string;
  complaintId: string | null;
  complaintReference: string | null;
  customerId: string;
  kind: LetterKind;
  kindName: string;
  recipientName: string;
  recipientEmail: string;
  recipientAddress: string;
  subject: string;
  body: string;
  emailed: boolean;
  sentByName: string | null;
  sentAt: Date;
};

type CouncilTemplate = LetterTemplate & {
  kind: LetterKind;
  kindName: string;
  changed: boolean;
  updatedAt: Date | null;
  updatedByName: string | null;
};

type SaveResult = { saved: true } | { saved: false; problems: TemplateProblem[] };

const systemSender = 'Complaints Manager';

/** A letter's PDF file name: the complaint reference (or "letter") and the kind. */
export function letterFileName(letter: Pick<Letter, 'complaintReference' | 'kind' | 'sentAt'>): string {
  return `${letter.complaintReference ?? `letter-${londonDate(letter.sentAt)}`}-${letter.kind}.pdf`;
}

/** The council's wording, or the default if the council's uses a placeholder the letter no longer
 * has (a template saved before an upgrade): the letter must still go. A missing value is the
 * caller's mistake and is thrown. */
function fillCouncilTemplate(kind: LetterKind, template: LetterTemplate, values: Record<string, string>) {
  try {
    return { filled: fillTemplate(kind, template, values), fellBack: false };
  } catch (error) {
    if (!(error instanceof LetterTemplateError) || error.missing.length > 0) throw error;
    return { filled: fillTemplate(kind, defaultTemplate(kind), values), fellBack: true };
  }
}

/** Who may read a letter: the complaints team any letter; customers:warn holders (heads of
 * service) the letters about a customer's behaviour (003 vexatious procedure §4.2). */
function maySeeLetter(
  viewer: { complaintsTeam: boolean; warnsCustomers: boolean },
  kind: LetterKind,
): boolean {
  return viewer.complaintsTeam || (viewer.warnsCustomers && behaviourKinds.includes(kind));
}

export function complaintLetters(deps: ModuleDeps) {
  const { db, clock, outbox } = deps;

  const councilName = async (q: Kysely<Database>, councilId: string) =>
    (await q.selectFrom('council').select('name').where('council_id', '=', councilId).executeTakeFirst())
      ?.name ?? '';

  async function storedTemplate(q: Kysely<Database>, councilId: string, kind: LetterKind) {
    return q
      .selectFrom('letter_template as t')
      .leftJoin('person as p', sameCouncil('p.id', 't.updated_by'))
      .select(['t.subject', 't.body', 't.updated_at', 'p.name as updated_by_name'])
      .where('t.council_id', '=', councilId)
      .where('t.kind', '=', kind)
      .executeTakeFirst();
  }

  async function template(
    councilId: string,
    kind: LetterKind,
    q: Kysely<Database> = db,
  ): Promise<CouncilTemplate> {
    const stored = await storedTemplate(q, councilId, kind);
    return stored
      ? {
          kind,
          kindName: kindNames[kind],
          subject: stored.subject,
          body: stored.body,
          changed: true,
          updatedAt: stored.updated_at,
          updatedByName: stored.updated_by_name,
        }
      : {
          kind,
          kindName: kindNames[kind],
          ...defaultTemplate(kind),
          changed: false,
          updatedAt: null,
          updatedByName: null,
        };
  }

  function lettersQuery(councilId: string) {
    return db
      .selectFrom('letter as l')
      .leftJoin('complaint as c', sameCouncil('c.id', 'l.complaint_id'))
      .leftJoin('person as p', sameCouncil('p.id', 'l.sent_by'))
      .selectAll('l')
      .select(['c.reference', 'p.name as sent_by_name'])
      .where('l.council_id', '=', councilId);
  }

  type Row = Awaited<ReturnType<ReturnType<typeof lettersQuery>['executeTakeFirstOrThrow']>>;
  const toLetter = (row: Row): Letter => {
    const kind = row.kind as LetterKind;
    return {
      id: row.id,
      councilId: row.council_id,
      complaintId: row.complaint_id,
      complaintReference: row.reference,
      customerId: row.customer_id,
      kind,
      kindName: kindNames[kind] ?? row.kind,
      recipientName: row.recipient_name,
      recipientEmail: row.recipient_email,
      recipientAddress: row.recipient_address,
      subject: row.subject,
      body: row.body,
      emailed: row.emailed,
      sentByName: row.sent_by_name,
      sentAt: row.sent_at,
    };
  };

  async function letter(councilId: string, id: string): Promise<Letter | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const row = await lettersQuery(councilId).where('l.id', '=', id).executeTakeFirst();
    return row ? toLetter(row) : null;
  }

  async function pdfOf(letter: Letter): Promise<Buffer> {
    return letterPdf(letter, await councilName(db, letter.councilId));
  }

  // Who signs: the officer who sent it, or for a letter no one signed in sent (the complainant
  // escalating online), the complaints manager. Read in the caller's transaction.
  async function sender(trx: Kysely<Database>, councilId: string, sentBy: Actor | null): Promise<string> {
    if (sentBy?.personId) return sentBy.label;
    const manager = await trx
      .selectFrom('person as p')
      .innerJoin('person_role as r', sameCouncil('r.person_id', 'p.id'))
      .select('p.name')
      .where('p.council_id', '=', councilId)
      .where('p.active', '=', true)
      .where('r.role', '=', 'complaints-manager')
      .orderBy('p.name')
      .executeTakeFirst();
    return manager?.name ?? systemSender;
  }

  return {
    kinds: letterKinds,

    /** Writes a letter from the council's template inside the caller's transaction, and puts it
     * in the outbox, with its PDF, when there is an email address. */
    async write(trx: Kysely<Database>, input: LetterInput): Promise<{ id: string }> {
      const { councilId, kind, at } = input;
      if (!isLetterKind(kind)) throw new Error(`letters.write: no such letter kind "${kind}"`);
      const missing = callerValues(kind).filter((name) => typeof input.values[name] !== 'string');
      if (missing.length) throw new Error(`letters.write(${kind}): no value for ${missing.join(', ')}`);
      const complaint = input.complaintId
        ? await trx
            .selectFrom('complaint')
            .select(['reference', 'service_name', 'housing'])
            .where('council_id', '=', councilId)
            .where('id', '=', input.complaintId)
            .executeTakeFirst()
        : undefined;
      if (input.complaintId && !complaint) throw new NotFound('No such complaint');
      const council = await councilName(trx, councilId);
      const values = {
        ...input.values,
        name: input.recipient.name,
        date: dayMonthYear(londonDate(at)),
        council,
        sender: await sender(trx, councilId, input.sentBy),
        ombudsman: ombudsmanDetails(input.housing ?? complaint?.housing ?? false),
        reference: complaint?.reference ?? '',
        service: complaint?.service_name || 'the council',
      };
      const { filled, fellBack } = fillCouncilTemplate(kind, await template(councilId, kind, trx), values);
      const id = uuidv7(at.getTime());
      const email = input.recipient.email.trim();
      await trx
        .insertInto('letter')
        .values({
          council_id: councilId,
          id,
          complaint_id: input.complaintId,
          customer_id: input.customerId,
          kind,
          recipient_name: input.recipient.name,
          recipient_email: email,
          recipient_address: input.recipient.address,
          subject: filled.subject,
          body: filled.body,
          emailed: email !== '',
          sent_by: input.sentBy?.personId ?? null,
          sent_at: at,
        })
        .execute();
      const actor = input.sentBy ?? { councilId, personId: null, label: 'Probity (automatic letter)' };
      await appendAudit(
        trx,
        actor,
        {
          action: 'letter.sent',
          recordType: 'letter',
          recordId: id,
          after: {
            kind,
            ...(fellBack
              ? { defaultWordingUsed: 'the council’s template uses placeholders this letter no longer has' }
              : {}),
            complaintId: input.complaintId,
            customerId: input.customerId,
            subject: filled.subject,
            emailed: email !== '',
          },
        },
        at,
      );
      const sent: Letter = {
        id,
        councilId,
        complaintId: input.complaintId,
        complaintReference: complaint?.reference ?? null,
        customerId: input.customerId,
        kind,
        kindName: kindNames[kind],
        recipientName: input.recipient.name,
        recipientEmail: email,
        recipientAddress: input.recipient.address,
        subject: filled.subject,
        body: filled.body,
        emailed: email !== '',
        sentByName: input.sentBy?.personId ? input.sentBy.label : null,
        sentAt: at,
      };
      if (email) {
        const pdf = await letterPdf(sent, council);
        await outbox.enqueue(trx, councilId, {
          to: email,
          subject: sent.subject,
          text: sent.body,
          attachments: [{ filename: letterFileName(sent), contentType: 'application/pdf', content: pdf }],
        });
      }
      return { id };
    },

    letter,

    /** A letter for a signed-in viewer who may see it, with the view recorded; else null. */
    async letterFor(principal: Principal, id: string, requestId?: string): Promise<Letter | null> {
      const found = await letter(principal.councilId, id);
      if (!found || !maySeeLetter(viewerOfLetters(principal), found.kind)) return null;
      await recordAccess(
        db,
        actorFor(principal, requestId),
        { action: 'letter.viewed', recordType: 'letter', recordId: id },
        clock.now(),
      );
      return found;
    },

    async forComplaint(councilId: string, complaintId: string): Promise<Letter[]> {
      const rows = await lettersQuery(councilId)
        .where('l.complaint_id', '=', complaintId)
        .orderBy('l.sent_at')
        .orderBy('l.id')
        .execute();
      return rows.map(toLetter);
    },

    async forCustomer(councilId: string, customerId: string): Promise<Letter[]> {
      const rows = await lettersQuery(councilId)
        .where('l.customer_id', '=', customerId)
        .orderBy('l.sent_at')
        .orderBy('l.id')
        .execute();
      return rows.map(toLetter);
    },

    async pdf(councilId: string, letterId: string): Promise<Buffer | null> {
      const found = await letter(councilId, letterId);
      return found ? pdfOf(found) : null;
    },

    pdfOf,

    template: (councilId: string, kind: LetterKind) => template(councilId, kind),

    templates: (councilId: string) => Promise.all(letterKinds.map((kind) => template(councilId, kind))),

    /** The letter as it would read with example values, for the template editor. */
    async preview(
      councilId: string,
      kind: LetterKind,
      edited: LetterTemplate,
      housing = false,
    ): Promise<LetterTemplate> {
      return fillTemplate(kind, edited, {
        ...exampleValues(kind),
        council: await councilName(db, councilId),
        ombudsman: ombudsmanDetails(housing),
      });
    },

    async saveTemplate(actor: Actor, kind: LetterKind, edited: LetterTemplate): Promise<SaveResult> {
      const problems = checkTemplate(kind, edited);
      if (problems.length) return { saved: false, problems };
      const { councilId } = actor;
      if (!actor.personId) throw new Error('A template is saved by a person');
      const subject = edited.subject.trim();
      const body = edited.body.replace(/\r\n?/g, '\n').trim();
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        const before = await template(councilId, kind, trx);
        await trx
          .insertInto('letter_template')
          .values({
            council_id: councilId,
            kind,
            subject,
            body,
            updated_by: actor.personId as string,
            updated_at: at,
          })
          .onConflict((oc) =>
            oc
              .columns(['council_id', 'kind'])
              .doUpdateSet({ subject, body, updated_by: actor.personId as string, updated_at: at }),
          )
          .execute();
        await appendAudit(
          trx,
          actor,
          {
            action: 'letter-template.changed',
            recordType: 'letter-template',
            recordId: kind,
            before: { subject: before.subject, body: before.body, changed: before.changed },
            after: { subject, body },
          },
          at,
        );
      });
      return { saved: true };
    },

    /** Back to the default wording. */
    async resetTemplate(actor: Actor, kind: LetterKind): Promise<void> {
      const at = clock.now();
      await db.transaction().execute(async (trx) => {
        const removed = await trx
          .deleteFrom('letter_template')
          .where('council_id', '=', actor.councilId)
          .where('kind', '=', kind)
          .returning(['subject', 'body'])
          .executeTakeFirst();
        if (!removed) return;
        await appendAudit(
          trx,
          actor,
          {
            action: 'letter-template.reset',
            recordType: 'letter-template',
            recordId: kind,
            before: removed,
            after: defaultTemplate(kind),
          },
          at,
        );
      });
    },
  };
}

function viewerOfLetters(principal: Principal) {
  return {
    complaintsTeam: can(principal.roles, 'complaints:handle'),
    warnsCustomers: can(principal.roles, 'customers:warn'),
  };
}
