import type { RiskSignal } from './evidence';
import { answerSpaceSignal } from './signals/answerSpace';
import { deterministicChecksSignal } from './signals/deterministicChecks';
import { typePriorSignal } from './signals/typePrior';
import { writerVerificationSignal } from './signals/writerVerification';

/** The signals that need no model and no corpus. */
export const RULES_SIGNALS: readonly RiskSignal[] = [typePriorSignal, answerSpaceSignal, deterministicChecksSignal, writerVerificationSignal];
