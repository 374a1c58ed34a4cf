import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { ModuleDeps, Person } from '../../organisation/service.ts';
import { campaignInvitationEmail, campaignReminderEmail } from './emails.ts';
import * as members from './members.ts';
import { remindedBefore } from './rules.ts';

// Opening a campaign reads everyone in the council, a page at a time.
const peoplePage = 1000;
const chaseBatch = 50;

export async function activePeople({ organisation }: ModuleDeps, councilId: string): Promise<Person[]> {
  const people: Person[] = [];
  let after: { name: string; id: string } | undefined;
  for (;;) {
    const page = await organisation.listPeople(councilId, {}, { limit: peoplePage, after });
    people.push(...page.people);
    const last = page.people.at(-1);
    if (!page.more || !last) return people;
    after = { name: last.name, id: last.id };
  }
}

// The invitation or reminder for each claimed member; a leaver is not emailed.
export function chasers(
  { baseUrl, clock }: ModuleDeps,
  people: ReadonlyMap<string, Person>,
  claimed: readonly members.Chaser[],
  invitation: boolean,
) {
  return claimed.flatMap((chaser) => {
    const person = people.get(chaser.personId);
    if (!person?.active) return [];
    const asked = {
      campaignName: chaser.campaignName,
      dueOn: chaser.dueOn,
      link: `${baseUrl}/interests/campaigns/${chaser.campaignId}`,
    };
    return [
      invitation
        ? campaignInvitationEmail(person, asked)
        : campaignReminderEmail(person, asked, londonDate(clock.now())),
    ];
  });
}

// Claims the follow-ups due a batch at a time, each batch in one transaction with its emails, so
// that a process stopped part way leaves the rest for the next run. Returns how many were emailed.
async function chaseAll(
  deps: ModuleDeps,
  councilId: string,
  which: Parameters<typeof members.claimChasers>[2],
): Promise<number> {
  const { db, clock, outbox } = deps;
  const people = new Map((await activePeople(deps, councilId)).map((person) => [person.id, person]));
  let sent = 0;
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const batch = await members.claimChasers(trx, councilId, which, clock.now(), chaseBatch);
      const messages = chasers(deps, people, batch, which.invitations);
      await outbox.enqueue(trx, councilId, ...messages);
      sent += messages.length;
      return batch.length;
    });
    if (claimed === 0) return sent;
  }
}

// The hourly job: invitations never sent, then a reminder to each member not yet responded whose
// last email was declarationReminderDays ago (policy) or more, until the campaign closes.
export async function sendReminders(deps: ModuleDeps, councilId: string): Promise<number> {
  const now = deps.clock.now();
  const { declarationReminderDays } = await deps.organisation.policy(councilId);
  const invitations = await chaseAll(deps, councilId, { invitations: true });
  return (
    invitations +
    (await chaseAll(deps, councilId, {
      invitations: false,
      remindedBefore: remindedBefore(now, declarationReminderDays),
    }))
  );
}
