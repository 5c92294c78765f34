package london.cofund.grant.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import london.cofund.grant.BudgetLine;
import london.cofund.grant.GrantService.GrantRecord;
import london.cofund.grant.MonitoringReturn;
import london.cofund.grant.Payment;
import london.cofund.grant.ReturnForm;
import london.cofund.grant.Variation;

/**
 * A grant as {@code GET /api/grants/{reference}} shows it. Money is in whole pence ({@code
 * ...Pence}).
 */
record GrantView(
    String reference,
    String roundId,
    String status,
    long awardPence,
    long paidPence,
    long duePence,
    long returnedPence,
    LocalDate agreementSignedOn,
    String decisionReference,
    String conditions,
    String failureReason,
    boolean firstPaymentInAdvance,
    LocalDate startsOn,
    LocalDate endsOn,
    List<String> partners,
    boolean paymentsSuspended,
    String suspensionReason,
    String replacedBy,
    List<BudgetLine> budget,
    List<PaymentView> payments,
    List<ReturnView> returns,
    List<VariationView> variations) {

  record PaymentView(
      String quarter,
      String kind,
      String financialYear,
      LocalDate dueOn,
      long plannedPence,
      String status,
      Long paidPence,
      OffsetDateTime paidAt) {
    static PaymentView of(Payment p) {
      return new PaymentView(
          p.quarter().toString(),
          p.kind().name(),
          p.financialYear(),
          p.dueOn(),
          p.plannedPence(),
          p.status().name(),
          p.paidPence(),
          p.paidAt());
    }
  }

  record ReturnView(
      String quarter,
      String status,
      int version,
      long spendPence,
      LocalDate dueOn,
      ReturnForm body,
      String submittedBy,
      OffsetDateTime submittedAt,
      String reviewedBy,
      OffsetDateTime reviewedAt,
      String reviewReasons) {
    static ReturnView of(MonitoringReturn r) {
      return new ReturnView(
          r.quarter().toString(),
          r.status().name(),
          r.version(),
          r.spendPence(),
          r.quarter().returnDue(),
          r.body(),
          r.submittedBy(),
          r.submittedAt(),
          r.reviewedBy(),
          r.reviewedAt(),
          r.reviewReasons());
    }
  }

  record VariationView(
      long id,
      String kind,
      String status,
      String before,
      String after,
      String reason,
      String requestedBy,
      OffsetDateTime requestedAt,
      String decidedBy,
      OffsetDateTime decidedAt,
      String decisionReason) {
    static VariationView of(Variation v) {
      return new VariationView(
          v.id(),
          v.kind().name(),
          v.status().name(),
          v.before(),
          v.after(),
          v.reason(),
          v.requestedBy(),
          v.requestedAt(),
          v.decidedBy(),
          v.decidedAt(),
          v.decisionReason());
    }
  }

  static GrantView of(GrantRecord record) {
    var g = record.grant();
    long due =
        record.payments().stream()
            .filter(p -> p.status() != Payment.Status.PAID)
            .mapToLong(Payment::plannedPence)
            .sum();
    return new GrantView(
        g.reference(),
        g.roundId(),
        g.status().name(),
        g.awardPence(),
        record.paidPence(),
        due,
        record.returnedPence(),
        g.agreementSignedOn(),
        g.decisionReference(),
        g.conditions(),
        g.failureReason(),
        g.firstPaymentInAdvance(),
        g.startsOn(),
        g.endsOn(),
        g.partners(),
        g.paymentsSuspended(),
        g.suspensionReason(),
        g.replacedBy(),
        record.lines(),
        record.payments().stream().map(PaymentView::of).toList(),
        record.returns().stream().map(ReturnView::of).toList(),
        record.variations().stream().map(VariationView::of).toList());
  }
}
