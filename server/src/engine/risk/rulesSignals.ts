import type { RiskSignal } from './evidence';
import { modelSurprisalSignal } from './signals/modelSurprisal';
import { answerSpaceSignal } from './signals/answerSpace';
import { groundingSignal } from './signals/grounding';
import { raritySignal } from './signals/rarity';
import { deterministicChecksSignal } from './signals/deterministicChecks';
import { typePriorSignal } from './signals/typePrior';
import { writerVerificationSignal } from './signals/writerVerification';

/** The signals that need no model and no corpus. */
export const RULES_SIGNALS: readonly RiskSignal[] = [typePriorSignal, answerSpaceSignal, deterministicChecksSignal, writerVerificationSignal];

/** Every signal the engine knows; those that need a model or a corpus say nothing without one. */
export const ENGINE_SIGNALS: readonly RiskSignal[] = [...RULES_SIGNALS, modelSurprisalSignal, raritySignal, groundingSignal];
