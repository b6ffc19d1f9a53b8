/** The parameters metrics.md names, with its defaults; every figure accepts overrides. */
export interface FigureParams {
  /** handoffRate: D days from adoption. */
  handoffDays: number;
  /** responseRate: D days from the hand-off's decision. */
  responseDays: number;
  /** implementationRate: H months from adoption. */
  implementationMonths: number;
  /** sustainability figures: M months after implementation. */
  reviewMonths: number;
  /** stallRate: days without an event. */
  stallDays: number;
  /** unverifiedClaimRate: V days a claim may wait for its verification. */
  verificationDays: number;
}

export const DEFAULT_PARAMS: FigureParams = {
  handoffDays: 90,
  responseDays: 60,
  implementationMonths: 24,
  reviewMonths: 12,
  stallDays: 180,
  verificationDays: 60,
};

export const withDefaults = (params?: Partial<FigureParams>): FigureParams => ({ ...DEFAULT_PARAMS, ...params });
