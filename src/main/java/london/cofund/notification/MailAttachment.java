package london.cofund.notification;

/**
 * A file sent with a message, for example a committee update as PDF.
 *
 * @param fileName the name the recipient sees, without a path
 * @param contentType its MIME type, for example {@code application/pdf}
 * @param content the bytes
 */
public record MailAttachment(String fileName, String contentType, byte[] content) {

  public MailAttachment {
    if (fileName == null || fileName.isBlank() || fileName.contains("/")) {
      throw new IllegalArgumentException("An attachment needs a plain file name: " + fileName);
    }
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
