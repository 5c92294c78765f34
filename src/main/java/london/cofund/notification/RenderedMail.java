package london.cofund.notification;

/**
 * One message written for one recipient.
 *
 * @param subject the subject, one line, safe for a header
 * @param text the plain-text body
 * @param html the HTML body, with every user-supplied value escaped
 */
public record RenderedMail(String subject, String text, String html) {}
