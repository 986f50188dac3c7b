/**
 * What the app reads from the API: the domain's own shapes (src/domain), as the server sends
 * them (citations linked to their passages). Imported as types only: nothing of the server is
 * bundled, but a field renamed there breaks this build.
 */
import type { ApiGetResponse } from '../../src/domain/api-types.js';
import type {
  Actor as DomainActor,
  Bilingual,
  Claim as DomainClaim,
  Event as DomainEvent,
  Issue as DomainIssue,
  PartialDate,
  Quantity as DomainQuantity,
  Scenario as DomainScenario,
  Stance as DomainStance,
} from '../../src/domain/case.js';
import type { CausalEdge, Concept as DomainConcept } from '../../src/domain/model.js';
import type { Linked, CommitmentWithStatus, PublicDocumentInfo } from '../../src/domain/responses.js';

export type Bi = Bilingual;
export type PDate = PartialDate;

export type Actor = Linked<DomainActor> & { stances?: number };
export type Issue = DomainIssue;
export type Stance = Linked<DomainStance>;
export type CaseEvent = Linked<DomainEvent>;
export type Commitment = Linked<CommitmentWithStatus>;
export type StatusEntry = Commitment['history'][number];
export type Claim = Linked<DomainClaim>;
export type Quantity = DomainQuantity;
export type Scenario = Linked<DomainScenario>;
export type Concept = DomainConcept;
export type Edge = Linked<CausalEdge>;
export type DocMeta = PublicDocumentInfo;
export type Passage = ApiGetResponse<'documents/:id'>['passages'][number];
