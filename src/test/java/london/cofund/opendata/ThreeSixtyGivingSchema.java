package london.cofund.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The 360Giving standard's JSON schemas (1.4.3, draft 2020-12), read where the workplace keeps
 * them, {@code ../shared/reference/360giving/}, and never copied into the project. The package
 * schema refers to the grant schema by its published URL (naming version 1.4.2); every such URL is
 * mapped to the local file, so validating fetches nothing from the network.
 *
 * <p>Formats are asserted, as the standard's own checker does. Draft 2020-12 makes {@code format}
 * an annotation by default, and then the schema's {@code oneOf [{format: date-time}, {pattern:
 * YYYY-MM-DD}]} would refuse every plain date, which matches both branches.
 */
final class ThreeSixtyGivingSchema {

  static final Path FOLDER = Path.of("..", "shared", "reference", "360giving");
  private static final String PUBLISHED =
      "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/";

  private final JsonSchema packageSchema;

  ThreeSixtyGivingSchema() {
    Path grant = FOLDER.resolve("360-giving-schema.json").toAbsolutePath().normalize();
    Path pack = FOLDER.resolve("360-giving-package-schema.json").toAbsolutePath().normalize();
    if (!Files.isReadable(grant) || !Files.isReadable(pack)) {
      throw new IllegalStateException(
          "The 360Giving schemas are missing from " + FOLDER.toAbsolutePath().normalize());
    }
    Map<String, String> local =
        Map.of(
            PUBLISHED + "1.4.2/schema/360-giving-schema.json", grant.toUri().toString(),
            PUBLISHED + "1.4.3/schema/360-giving-schema.json", grant.toUri().toString(),
            PUBLISHED + "1.4.3/schema/360-giving-package-schema.json", pack.toUri().toString());
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder ->
                builder.schemaMappers(
                    mappers ->
                        mappers.mappings(
                            uri -> {
                              String file = local.get(uri);
                              if (file == null && uri.startsWith(PUBLISHED)) {
                                throw new IllegalStateException(
                                    "No local copy of " + uri + ": the test fetches nothing");
                              }
                              return file;
                            })));
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    packageSchema =
        factory.getSchema(
            SchemaLocation.of(PUBLISHED + "1.4.3/schema/360-giving-package-schema.json"), config);
    packageSchema.initializeValidators();
  }

  /** Every error of the document against the package schema, as text. */
  List<String> errors(JsonNode document) {
    return packageSchema.validate(document).stream()
        .map(ValidationMessage::toString)
        .sorted()
        .toList();
  }
}
