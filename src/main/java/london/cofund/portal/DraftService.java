package london.cofund.portal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import london.cofund.system.FieldProblem;
import london.cofund.system.ForbiddenException;
import london.cofund.system.InvalidRequestException;
import london.cofund.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's drafts and who may touch them. A draft belongs to the user who started it (the
 * lead); colleagues the lead invited by email, once they follow the mailed link, edit it too, and
 * submit it only where the lead allowed. Anyone else is told there is no such draft (a 404), so
 * that an id reveals nothing. Every save names the version it started from: a save from an older
 * version is refused with the stored draft ({@link DraftConflictException}), never applied over it.
 */
@Service
public class DraftService {

  private final DraftRepository drafts;
  private final PortalMail mail;
  private final london.cofund.identity.ApplicantAccounts accounts;
  private final Clock clock;

  DraftService(
      DraftRepository drafts,
      PortalMail mail,
      london.cofund.identity.ApplicantAccounts accounts,
      Clock clock) {
    this.drafts = drafts;
    this.mail = mail;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** Starts a draft for the round, owned by {@code applicant}; returns its id. */
  @Transactional
  public String start(String roundId, EoiDraftForm form, Applicant applicant) {
    String id = UUID.randomUUID().toString();
    drafts.insert(id, roundId, applicant.id(), form, now());
    return id;
  }

  /** The draft if the applicant may edit it; otherwise a 404. */
  public Draft get(String draftId, Applicant applicant) {
    return drafts
        .find(draftId)
        .filter(d -> mayEdit(d, applicant))
        .orElseThrow(() -> new NotFoundException("No draft '" + draftId + "' that you may see."));
  }

  /**
   * Saves the form over version {@code version}. A submitted draft is not saved (a 409 elsewhere);
   * a newer stored version is a {@link DraftConflictException}.
   */
  @Transactional
  public Draft save(String draftId, int version, EoiDraftForm form, Applicant applicant) {
    Draft draft = get(draftId, applicant);
    if (draft.submitted()) {
      throw new london.cofund.system.ConflictException(
          "This draft was submitted as " + draft.proposalReference() + ": it is no longer edited.");
    }
    if (!drafts.update(draftId, version, form, applicant.id(), now())) {
      throw new DraftConflictException(drafts.find(draftId).orElseThrow());
    }
    return drafts.find(draftId).orElseThrow();
  }

  /** Whether the applicant may submit the draft: its owner, or a colleague the lead allowed. */
  public boolean maySubmit(Draft draft, Applicant applicant) {
    return draft.ownerId().equals(applicant.id())
        || collaborator(draft, applicant).map(Collaborator::maySubmit).orElse(false);
  }

  /** Records that the draft became the EOI {@code reference}. */
  @Transactional
  public void markSubmitted(String draftId, String reference, Applicant applicant) {
    drafts.markSubmitted(draftId, reference, applicant.id(), now());
  }

  /**
   * The lead invites a colleague by email; only the draft's owner may. A new invitation is mailed
   * to the address with a link; the user who follows it, signed in, becomes the collaborator.
   * Inviting again changes whether the colleague may submit, and mails nothing.
   */
  @Transactional
  public void invite(String draftId, String email, boolean maySubmit, Applicant applicant) {
    Draft draft = get(draftId, applicant);
    if (!draft.ownerId().equals(applicant.id())) {
      throw new ForbiddenException("Only the lead who started this draft invites colleagues.");
    }
    String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || address.length() > 254) {
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "inviteEmail", "must be an email address such as name@example.org")));
    }
    if (address.equals(applicant.email())) {
      throw new InvalidRequestException(
          List.of(new FieldProblem("inviteEmail", "is your own address: invite a colleague")));
    }
    if (!accounts.emailTaken(address)) {
      // CoFund mails only addresses that a user has confirmed (or an administrator set up).
      throw new InvalidRequestException(
          List.of(
              new FieldProblem(
                  "inviteEmail",
                  "belongs to nobody registered: ask your colleague to register at"
                      + " /apply/register first, then invite them")));
    }
    String token = Tokens.fresh();
    if (drafts.invite(draftId, address, maySubmit, applicant.id(), now(), Tokens.hash(token))) {
      mail.invitation(draft, address, applicant.id(), token);
    }
    drafts.recordEdit(
        draftId,
        draft.version(),
        applicant.id(),
        now(),
        "invited " + address + (maySubmit ? " (may submit)" : ""));
  }

  /**
   * Accepts an invitation: the signed-in applicant who followed the mailed link becomes the draft's
   * collaborator. Returns the draft's id; a 404 for a link that is unknown or that another user
   * accepted already.
   */
  @Transactional
  public String accept(String token, Applicant applicant) {
    String hash = Tokens.hash(token == null ? "" : token);
    String[] invitation =
        drafts
            .invitation(hash)
            .orElseThrow(() -> new NotFoundException("No invitation at this address."));
    boolean mine = applicant.id().equals(invitation[1]);
    if (!mine && !drafts.accept(hash, applicant.id(), now())) {
      throw new NotFoundException("This invitation has been accepted by someone else.");
    }
    if (!mine) {
      drafts.recordEdit(
          invitation[0],
          drafts.find(invitation[0]).orElseThrow().version(),
          applicant.id(),
          now(),
          "accepted the invitation");
    }
    return invitation[0];
  }

  public List<Collaborator> collaborators(String draftId) {
    return drafts.collaborators(draftId);
  }

  public List<DraftEdit> edits(String draftId) {
    return drafts.edits(draftId);
  }

  /** The drafts the applicant owns or was invited to, the latest first. */
  public List<Draft> drafts(Applicant applicant) {
    return drafts.ofUser(applicant.id());
  }

  /** The draft that became the EOI {@code reference}, if the applicant may edit it. */
  public Optional<Draft> submittedAs(String reference, Applicant applicant) {
    return drafts.findBySubmission(reference).filter(d -> mayEdit(d, applicant));
  }

  private boolean mayEdit(Draft draft, Applicant applicant) {
    return draft.ownerId().equals(applicant.id()) || collaborator(draft, applicant).isPresent();
  }

  private Optional<Collaborator> collaborator(Draft draft, Applicant applicant) {
    return drafts.collaborators(draft.draftId()).stream()
        .filter(c -> applicant.id().equals(c.userId()))
        .findFirst();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
