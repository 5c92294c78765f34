package london.cofund.round;

/** A borough's comment on a round's long list of priorities. */
public record PriorityComment(String boroughCode, String comment, String commentedBy) {}
