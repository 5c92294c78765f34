package london.cofund.assessment;

/** What an assessor scores, 1 to 5 each; the variable names are those of Task_AssessProposal. */
public enum ScoreCriterion {
  STRATEGIC_FIT("scoreStrategicFit", "Strategic fit"),
  NEED("scoreNeed", "Need"),
  PARTNERSHIP("scorePartnership", "Partnership"),
  DELIVERABILITY("scoreDeliverability", "Deliverability"),
  VALUE_FOR_MONEY("scoreValueForMoney", "Value for money");

  private final String variable;
  private final String label;

  ScoreCriterion(String variable, String label) {
    this.variable = variable;
    this.label = label;
  }

  public String variable() {
    return variable;
  }

  public String label() {
    return label;
  }
}
