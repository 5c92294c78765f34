package london.cofund.identity;

/** The first administrator's credentials, checked before the engine may start. */
final class AdminCredentials {

  private AdminCredentials() {}

  static void require(AdminProperties admin) {
    if (isBlank(admin.user()) || isBlank(admin.password())) {
      throw new MissingAdminCredentialsException(
          "CoFund will not start without its first administrator: COFUND_ADMIN_USER and"
              + " COFUND_ADMIN_PASSWORD are not set. Without an administrator, Camunda's admin"
              + " setup page would let anyone create one.");
    }
    if (admin.password().equals(admin.user())) {
      throw new MissingAdminCredentialsException(
          "COFUND_ADMIN_PASSWORD must not be the user id '" + admin.user() + "'.");
    }
    if (admin.password().length() < admin.minPasswordLength()) {
      throw new MissingAdminCredentialsException(
          "COFUND_ADMIN_PASSWORD is too short: at least "
              + admin.minPasswordLength()
              + " characters are needed.");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
