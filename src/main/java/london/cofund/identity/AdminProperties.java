package london.cofund.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, from {@code COFUND_ADMIN_USER} and {@code COFUND_ADMIN_PASSWORD} (the
 * demo profile sets admin/demo). It is created once; an existing user's password is never
 * overwritten from the environment.
 *
 * @param user the admin's user id
 * @param password the admin's initial password
 * @param minPasswordLength the shortest password accepted (the demo profile lowers it for "demo")
 */
@ConfigurationProperties("cofund.admin")
public record AdminProperties(
    String user, String password, @DefaultValue("12") int minPasswordLength) {}
