import type { RiskSignal } from './evidence';
import { modelSurprisalSignal } from './signals/modelSurprisal';
import { answerSpaceSignal } from './signals/answerSpace';
import { groundingSignal } from './signals/grounding';
import { raritySignal } from './signals/rarity';
import { deterministicChecksSignal } from './signals/deterministicChecks';
import { typePriorSignal } from './signals/typePrior';
import { writerVerificationSignal } from './signals/writerVerification';
import { specificitySignal } from './signals/specificity';
import { positionSignal } from './signals/position';
import { attributionSignal } from './signals/attribution';
import { documentKindSignal } from './signals/documentKind';

/** The signals that need no model and no corpus: the type, the claim's own wording and place, the checks, the writer. */
export const RULES_SIGNALS: readonly RiskSignal[] = [typePriorSignal, answerSpaceSignal, specificitySignal, positionSignal, documentKindSignal, attributionSignal, deterministicChecksSignal, writerVerificationSignal];

/** Every signal the engine knows; those that need a model or a corpus say nothing without one. */
export const ENGINE_SIGNALS: readonly RiskSignal[] = [...RULES_SIGNALS, modelSurprisalSignal, raritySignal, groundingSignal];
