package london.cofund.proposal;

/** MOPAC's feedback on an EOI. */
public enum EoiOutcome {
  ACCEPT,
  ACCEPT_WITH_MODIFICATION,
  REJECT
}
