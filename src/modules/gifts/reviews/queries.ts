import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { Forbidden, InvalidInput, NotFound, parseInput } from '../../../platform/errors.ts';
import { type ModuleDeps, viewerOf } from '../../organisation/service.ts';
import { findOffer } from '../offers/repository.ts';
import { visibleOffer } from '../offers/service.ts';
import { can } from '../policy.ts';
import { queryEmail } from './emails.ts';
import { answerInput, questionInput } from './input.ts';
import * as repo from './repository.ts';

// A reviewer asks the entry's author about it; the author is emailed.
export async function askQuery(
  deps: ModuleDeps,
  principal: Principal,
  offerId: string,
  value: unknown,
  requestId?: string,
) {
  const { db, clock, outbox, baseUrl, organisation } = deps;
  const offer = await findOffer(db, principal.councilId, offerId);
  if (!offer) throw new NotFound('No such entry in the register');
  if (!can(viewerOf(principal), 'ask-query', offer)) throw new Forbidden('You do not review this register');
  const { question } = parseInput(questionInput, value);
  const now = clock.now();
  const query: repo.GiftQuery = {
    id: uuidv7(now.getTime()),
    offerId,
    askedBy: principal.personId,
    askedByName: principal.name,
    question,
    askedAt: now,
    answer: null,
    answeredAt: null,
  };
  const author = await organisation.person(principal.councilId, offer.recipientId);
  await db.transaction().execute(async (trx) => {
    await repo.insertQuery(trx, principal.councilId, query);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action: 'gift.queried', recordType: 'gift', recordId: offerId, after: { question } },
      now,
    );
    if (author)
      await outbox.enqueue(
        trx,
        principal.councilId,
        queryEmail(author, offer, principal.name, question, `${baseUrl}/gifts/${offer.id}`),
      );
  });
  return query;
}

// The entry's author answers a reviewer's question.
export async function answerQuery(
  deps: ModuleDeps,
  principal: Principal,
  asked: { offerId: string; queryId: string },
  value: unknown,
  requestId?: string,
) {
  const { db, clock } = deps;
  const offer = await visibleOffer(deps, principal, asked.offerId);
  if (!can(viewerOf(principal), 'answer-query', offer))
    throw new Forbidden('Only the entry’s author can answer');
  const { answer } = parseInput(answerInput, value);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    if (!(await repo.answerQuery(trx, principal.councilId, asked.queryId, answer, now))) {
      throw new InvalidInput([{ key: 'answer', message: 'This question has already been answered' }]);
    }
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action: 'gift.query-answered', recordType: 'gift', recordId: asked.offerId, after: { answer } },
      now,
    );
  });
}
