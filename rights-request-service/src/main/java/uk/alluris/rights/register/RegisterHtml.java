package uk.alluris.rights.register;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.List;
import java.util.function.Function;

/**
 * The access bundle's supplementary information (UK GDPR Art. 15(1)(a)–(h) and 15(2)) as one self-contained HTML
 * section, rendered from the published register: purposes with their legal basis, the categories with how long each is
 * kept and why, where the data came from, recipients, transfers outside the UK with their safeguard, the rights and
 * the ICO. Every entry carries the id {@code <kind>-<key>} the portal's page uses too, so a test can prove the two
 * name the same entries. Every value is HTML-escaped; no scripts, no external resources.
 */
public final class RegisterHtml {

    private RegisterHtml() {
    }

    public static String section(PublishedRegister register) {
        StringBuilder html = new StringBuilder("<section class=\"supplementary\" id=\"about-your-data\">\n")
                .append("<h2>About your data: what we use it for and your rights</h2>\n")
                .append("<p>This part is the same for everyone: it is our register of processing, as we publish it at"
                        + " <code>/api/privacy/register</code>. It explains why we hold the data shown above, who we"
                        + " share it with, how long we keep it and what you can do.</p>\n")
                .append("<h3>Who we are</h3>\n<p>The data controller is <strong>").append(e(register.controller()))
                .append("</strong>. Contact: ").append(e(register.contact())).append(".</p>\n");
        html.append("<h3>What we use your data for, and on which legal basis</h3>\n");
        list(html, register.purposes(), purpose -> "purpose-" + purpose.key(), purpose -> e(purpose.description())
                + " <em>" + e(purpose.legalBasisSays()) + ".</em>");
        html.append("<h3>The kinds of data we hold, and how long we keep them</h3>\n<table class=\"register\">\n"
                + "<thead><tr><th>Data</th><th>Legal basis</th><th>How long we keep it</th><th>Why</th></tr></thead>\n"
                + "<tbody>\n");
        for (PublishedRegister.Category category : register.categories()) {
            PublishedRegister.Retention retention = category.retention();
            html.append("<tr id=\"category-").append(e(category.key())).append("\"><td>").append(e(category.name()))
                    .append(category.special() ? " <em>(special category: encrypted with a key of your own)</em>" : "")
                    .append("</td><td>").append(e(category.legalBasisSays())).append("</td><td>")
                    .append(e(retention.says())).append(retention.rule() == null ? "" : ". " + e(retention.rule()))
                    .append("</td><td>").append(e(retention.ground())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<h3>Where your data came from</h3>\n<ul>\n");
        register.sources().forEach(source -> html.append("<li>").append(e(source)).append("</li>\n"));
        html.append("</ul>\n<h3>Who we share it with</h3>\n<p>We do not sell your personal data.</p>\n");
        list(html, register.recipients(), recipient -> "recipient-" + recipient.key(), recipient -> "<strong>"
                + e(recipient.name()) + "</strong>: " + e(recipient.purpose()) + " <em>" + e(recipient.roleSays())
                + ".</em>");
        html.append("<h3>Transfers outside the UK</h3>\n");
        list(html, register.transfers(), transfer -> "transfer-" + transfer.recipient(), transfer -> "<strong>"
                + e(transfer.recipientName()) + "</strong>, " + e(transfer.destination()) + ". Safeguard: "
                + e(transfer.safeguard()) + ".");
        html.append("<h3>Your rights</h3>\n");
        list(html, register.rights(), right -> "right-" + right.key(), right -> "<strong>" + e(right.name())
                + "</strong>: " + e(right.description()));
        html.append("<p>To use any of these rights, contact us using the details above or our privacy centre. We may"
                + " ask for information to confirm your identity.</p>\n");
        PublishedRegister.Complaints ico = register.complaints();
        if (ico != null) {
            html.append("<h3 id=\"complaints\">How to complain</h3>\n<p>If you have concerns about how we use your data,"
                    + " please contact us first so that we can try to put things right. You also have the right to"
                    + " complain to the <strong>").append(e(ico.name())).append("</strong>: ").append(e(ico.website()))
                    .append(", telephone ").append(e(ico.phone())).append(", or ").append(e(ico.address()))
                    .append(".</p>\n");
        }
        return html.append("</section>\n").toString();
    }

    private static <T> void list(StringBuilder html, List<T> entries, Function<T, String> id,
            Function<T, String> text) {
        html.append("<ul>\n");
        for (T entry : entries) {
            html.append("<li id=\"").append(e(id.apply(entry))).append("\">").append(text.apply(entry))
                    .append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static String e(String text) {
        return text == null ? "" : htmlEscape(text, "UTF-8");
    }
}
