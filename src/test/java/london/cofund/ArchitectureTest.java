package london.cofund;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The layering that the README promises, as rules the build enforces. Each capability (round,
 * proposal, assessment, eligibility, portfolio, notification, borough) keeps a plain domain
 * (services, repositories, records) that knows nothing of Camunda, of its {@code process} part
 * (delegates, task rules) or of its {@code api} part (controllers and their views). A breach fails
 * the build with the rule's name and its reason.
 */
@AnalyzeClasses(packages = "london.cofund", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The top-level packages of the capabilities whose domains must stay plain. */
  static final String[] DOMAINS = {
    "london.cofund.round",
    "london.cofund.proposal",
    "london.cofund.assessment",
    "london.cofund.eligibility",
    "london.cofund.portfolio",
    "london.cofund.notification",
    "london.cofund.borough",
    "london.cofund.fund",
    "london.cofund.boroughfunding",
    "london.cofund.opendata",
    "london.cofund.committee",
    "london.cofund.grant",
    "london.cofund.dashboard"
  };

  @ArchTest
  static final ArchRule domainsKnowNothingOfCamundaProcessOrApi =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAINS)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.camunda..", "..process..", "..api..")
          .as("domainsKnowNothingOfCamundaProcessOrApi")
          .because(
              "a rule of the fund is plain Java, testable without an engine; the process and the"
                  + " API call the domain, never the other way round");

  @ArchTest
  static final ArchRule processPartsDoNotKnowTheApi =
      noClasses()
          .that()
          .resideInAPackage("..process..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..api..")
          .as("processPartsDoNotKnowTheApi")
          .because("delegates and task rules serve every door alike, not one of them");

  @ArchTest
  static final ArchRule controllersLiveInApiPackages =
      classes()
          .that()
          .areAnnotatedWith(RestController.class)
          .or()
          .areAnnotatedWith(Controller.class)
          .should()
          .resideInAPackage("..api..")
          .as("controllersLiveInApiPackages")
          .because("a newcomer finds every door of a capability in its api package");

  @ArchTest
  static final ArchRule capabilitiesFormNoCycles =
      slices()
          .matching("london.cofund.(*)..")
          .should()
          .beFreeOfCycles()
          .as("capabilitiesFormNoCycles")
          .because("each capability can be understood, and changed, from the ones below it");

  @ArchTest
  static final ArchRule roundsNeverKnowProposals =
      noClasses()
          .that()
          .resideInAPackage("london.cofund.round..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("london.cofund.proposal..", "london.cofund.assessment..")
          .as("roundsNeverKnowProposals")
          .because("proposals depend on rounds through RoundProposals, never the reverse");

  @ArchTest
  static final ArchRule notificationKnowsNoOtherCapability =
      noClasses()
          .that()
          .resideInAPackage("london.cofund.notification..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "london.cofund.round..", "london.cofund.proposal..", "london.cofund.assessment..")
          .as("notificationKnowsNoOtherCapability")
          .because("mail learns the fund's facts through FundFacts and People only");

  @ArchTest
  static final ArchRule repositoriesAreTheirCapabilitysOwn =
      classes()
          .that()
          .haveSimpleNameEndingWith("Repository")
          .or()
          .areAnnotatedWith(org.springframework.stereotype.Repository.class)
          .should(beUsedOnlyWithinTheirCapability())
          .as("repositoriesAreTheirCapabilitysOwn")
          .because(
              "each table has one owner; other capabilities go through its service or a small"
                  + " interface, so the owner keeps its rules");

  private static ArchCondition<JavaClass> beUsedOnlyWithinTheirCapability() {
    return new ArchCondition<>("be used only within their capability") {
      @Override
      public void check(JavaClass repository, ConditionEvents events) {
        for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
          JavaClass user = dependency.getOriginClass();
          if (!capability(user).equals(capability(repository))) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** The capability of a class: the package below london.cofund. */
  private static String capability(JavaClass type) {
    String[] parts = type.getPackageName().split("\\.");
    return parts.length > 2 ? parts[2] : "";
  }

  private static final Pattern WRITE =
      Pattern.compile(
          "(?i)\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+(cf_[a-z_]+)");

  /**
   * eachTableHasOneOwningRepository: every statement that writes a {@code cf_} table sits in that
   * table's one {@code @Repository} class; other capabilities go through its service or a small
   * interface.
   */
  @Test
  void eachTableHasOneOwningRepository() throws IOException {
    Map<String, Set<String>> writers = new TreeMap<>();
    // The application's code; Flyway's Java migrations (src/main/java/db/migration) change the
    // schema and backfill it once, like the SQL migrations beside them.
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/london"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        Matcher matcher = WRITE.matcher(source);
        while (matcher.find()) {
          String writer = file.getFileName().toString();
          writers
              .computeIfAbsent(matcher.group(1).toLowerCase(), t -> new TreeSet<>())
              .add(source.contains("\n@Repository\n") ? writer + " @Repository" : writer);
        }
      }
    }
    assertThat(writers).isNotEmpty();
    assertThat(writers)
        .as("tables written from more than one class")
        .allSatisfy(
            (table, classes) ->
                assertThat(classes)
                    .as(table + " is written by " + classes)
                    .hasSize(1)
                    .allMatch(name -> name.endsWith(" @Repository")));
  }
}
