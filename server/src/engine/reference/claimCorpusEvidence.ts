import type { Claim } from '../claims/claim';
import type { ClaimType } from '../claimType';
import { type ClaimFact, claimFact } from './claimFacts';
import type { CorpusIndex, Occurrences, PassageHit } from './corpusIndex';
import type { DraftReferences } from './draftReferences';
import { aboutSubject, type Grounding, judgeClaim } from './grounding';
import { sourceCoverage } from './sourceCoverage';
import { aboutTest } from './subjects';
import type { Gazetteer, PopularityReading } from './popularity';
import { type TypeSingletonRate, typeSingletonRate } from '../theory/typeSingletonRate';

export type SingletonStatus = 'unseen' | 'singleton' | 'repeated';

/** What the workspace, the writer's sources and background data say about one claim. */
export interface ClaimCorpusEvidence {
  /**
   * Undefined when the claim has neither a subject nor a verbatim value to look up.
   * `documentsIndexed`: the indexed documents other than the claim's own.
   */
  occurrences?: Occurrences & { status: SingletonStatus; documentsIndexed: number };
  popularity?: PopularityReading;
  grounding: Grounding;
  /** The claim type's singleton rate measured over the workspace. */
  typeRate: TypeSingletonRate;
}

/** The corpus a document is analysed against. */
export interface CorpusContext {
  index: CorpusIndex;
  gazetteer?: Gazetteer;
  /** The document's own id in the index: excluded from its counts, the base its links resolve against. */
  documentId?: string;
}

export function singletonStatus(count: number): SingletonStatus {
  return count === 0 ? 'unseen' : count === 1 ? 'singleton' : 'repeated';
}

/** Judged against the passages about the claim's subject, and its sentence's coverage by the documents they come from. */
function ground(claim: Claim, fact: ClaimFact, passages: PassageHit[], index: CorpusIndex): Grounding {
  const about = aboutSubject(fact, passages, (id) => index.get(id));
  const documents = [...new Set(about.map(({ hit }) => hit.document))].map((id) => index.get(id)!);
  return { ...judgeClaim(fact, claim.text, passages, about), coverage: sourceCoverage(claim.text, fact.subject, documents) };
}

/**
 * Per-document lookups: the grounding scope (declared sources, linked files, cited BibTeX entries)
 * and the per-type rates are worked out once, then each claim is looked up.
 */
export function corpusEvidenceFor(corpus: CorpusContext, references: DraftReferences): (claim: Claim) => ClaimCorpusEvidence {
  const { index, gazetteer, documentId } = corpus;
  const counts = index.factCounts();
  const rateOf = (type: ClaimType) => {
    const c = counts.get(type) ?? { observations: 0, singletons: 0 };
    return typeSingletonRate(c.observations, c.singletons);
  };
  const inScope = (id: string) => id !== documentId && (index.get(id)?.source === true || references.linked.has(id));
  const cited = (bibKey: string | undefined) => bibKey !== undefined && references.citedKeys.has(bibKey);
  // Runs on every analysis (every pause in typing): only the index's source set and key lookups, never a scan of all passages.
  const hasSources =
    [...index.sourceDocuments].some((id) => id !== documentId) ||
    [...references.linked].some((id) => id !== documentId && index.get(id) !== undefined) ||
    [...references.citedKeys].some((key) => index.hasBibKey(key));
  const documentsIndexed = index.size - (documentId && index.get(documentId) ? 1 : 0);
  return (claim) => {
    const fact = claimFact(claim);
    const about = aboutTest(fact.subject);
    const found = index.occurrences(fact, documentId);
    const occurrences = found && { ...found, status: singletonStatus(found.count), documentsIndexed };
    const passages = hasSources
      ? // Only passages about the claim's subject are retrieved: BM25 alone would bring another person's biography.
        index.retrieve(fact, claim.text, (document, passage) => (inScope(document.id) || cited(passage.bibKey)) && about(document, passage))
      : [];
    const grounding: Grounding = hasSources ? ground(claim, fact, passages, index) : { status: 'no-sources', passagesRead: 0 };
    return { occurrences, popularity: claim.subject && gazetteer ? gazetteer.lookup(claim.subject) : undefined, grounding, typeRate: rateOf(claim.type) };
  };
}
