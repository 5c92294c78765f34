package london.cofund.notification;

/**
 * Somebody known to CoFund's identity service.
 *
 * @param userId the user id
 * @param name first and last name, or the user id when the user has no name
 * @param email the email address; null or blank when the user has none
 */
public record Person(String userId, String name, String email) {}
