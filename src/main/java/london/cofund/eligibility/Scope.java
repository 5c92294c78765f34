package london.cofund.eligibility;

/**
 * How widely a project is delivered. The scope decides which coverage and council-support rules
 * apply: a sub-regional project names its boroughs and each council confirms, while a pan-London
 * project covers all 32 and rests on one sign-off by the Leaders' Committee.
 */
public enum Scope {
  SUB_REGIONAL,
  PAN_LONDON
}
