package uk.alluris.kit.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose address the platform mails to a person (confirm, unsubscribe, download). When such a link is
 * refused — expired, used, mangled — a browser (which asks for {@code text/html}) gets a page in the clinic's style
 * saying what happened and offering the next step; an API caller still gets the RFC 9457 problem ({@link
 * MailedLinkPages}). The controller class carries {@link MailedLinks} so the page handler applies to it at all.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MailedLink {

    /** What the person can do now, as a short imperative, e.g. "Ask for a new copy of your data". */
    String nextStepLabel();

    /** Where that is: a path on the platform's public address (relative, so it works behind any gateway host). */
    String nextStep();
}
