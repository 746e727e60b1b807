package uk.alluris.web.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.pages.Paged;
import uk.alluris.web.portal.MyProfile.Profile;
import uk.alluris.web.portal.PortalViews.Filed;
import uk.alluris.web.portal.PortalViews.NewRequest;
import uk.alluris.web.portal.PortalViews.RequestDetail;
import uk.alluris.web.portal.PortalViews.RequestItem;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;

/**
 * My privacy requests: file one without a code (the rights service accepts the token bound to the same email and
 * starts at once), follow each service's progress (htmx polls the progress fragment until the request is done), and
 * download the bundle of an access or portability request while it lasts. The bundle's token, given once at filing,
 * is kept in a cookie only this request's pages receive (HttpOnly, strict, its path) and streamed through here to the
 * rights service's own download, which checks it; the portal stores nothing.
 */
@Controller
class MyRequestsPages {

    private static final ParameterizedTypeReference<List<RequestItem>> ITEMS = new ParameterizedTypeReference<>() { };
    static final String BUNDLE_COOKIE = "ALLURIS_BUNDLE_TOKEN";
    private static final Duration BUNDLE_COOKIE_LIFETIME = Duration.ofDays(31);

    private final ServiceCalls calls;
    private final MyProfile me;

    MyRequestsPages(ServiceCalls calls, MyProfile me) {
        this.calls = calls;
        this.me = me;
    }

    @GetMapping("/portal/requests")
    String requests(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("requests", Paged.of(calls.get(Service.RIGHTS, "/api/privacy/requests", ITEMS), page));
        model.addAttribute("choices", PortalWords.REQUESTS);
        return "portal/requests";
    }

    @PostMapping("/portal/requests")
    String file(@RequestParam(defaultValue = "") String type, HttpServletResponse response, Model model) {
        Profile profile = me.require();
        if (!PortalWords.REQUESTS.containsKey(type)) {
            model.addAttribute("refused", "Choose what you are asking for, then Send.");
            return requests(1, model);
        }
        try {
            Filed filed = calls.post(Service.RIGHTS, "/api/privacy/requests",
                    new NewRequest(type, profile.email(), profile.fullName(), null), Filed.class);
            if (filed.downloadToken() != null) {
                response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(BUNDLE_COOKIE, filed.downloadToken())
                        .httpOnly(true).secure(true).sameSite("Strict").path(path(filed.id()))
                        .maxAge(BUNDLE_COOKIE_LIFETIME).build().toString());
            }
            return "redirect:" + path(filed.id());
        } catch (ServiceRefused refused) {
            MyAppointmentsPages.rethrowUnlessInput(refused);
            model.addAttribute("refused", "Not sent. " + refused.title() + ": " + refused.detail());
            return requests(1, model);
        }
    }

    @GetMapping("/portal/requests/{id}")
    String request(@PathVariable UUID id, @CookieValue(name = BUNDLE_COOKIE, required = false) String token,
            Model model) {
        progress(id, token, model);
        return "portal/request";
    }

    /** The part htmx refreshes every few seconds until the request is done. */
    @GetMapping("/portal/requests/{id}/progress")
    String progress(@PathVariable UUID id, @CookieValue(name = BUNDLE_COOKIE, required = false) String token,
            Model model) {
        model.addAttribute("request", calls.get(Service.RIGHTS, "/api/privacy/requests/{id}", RequestDetail.class, id));
        model.addAttribute("downloadable", token != null);
        return "portal/request :: progress";
    }

    @GetMapping("/portal/requests/{id}/bundle")
    ResponseEntity<byte[]> bundle(@PathVariable UUID id,
            @CookieValue(name = BUNDLE_COOKIE, required = false) String token) {
        if (token == null) {
            throw new MissingBundleToken();
        }
        byte[] zip = calls.get(Service.RIGHTS, "/api/privacy/requests/{id}/bundle?token={t}", byte[].class, id, token);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("alluris-data-" + id + ".zip").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(zip);
    }

    private static String path(UUID id) {
        return "/portal/requests/" + id;
    }

    /** This browser did not file the request: the bundle's link was mailed to the client instead. */
    static final class MissingBundleToken extends RuntimeException {

        MissingBundleToken() {
            super("no download token in this browser");
        }
    }
}
