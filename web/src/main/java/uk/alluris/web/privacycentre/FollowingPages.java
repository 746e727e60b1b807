package uk.alluris.web.privacycentre;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import uk.alluris.web.services.ServiceRefused;

/**
 * Following a request once its code is entered: its status, due date and each part of the clinic's system as it
 * answers (the table refreshes itself every 2 s until the request is complete), then what each part did, and the
 * download of an access or portability request while it lasts. The browser proves it may see the request with the
 * follow token kept in the request's own cookie ({@link RequestCookies}).
 */
@Controller
class FollowingPages extends CentrePage {

    private final RightsDesk desk;

    FollowingPages(RightsDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/privacy/requests/{id}")
    ModelAndView request(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        return progress(id, request, response, "privacy/request");
    }

    /** The part htmx swaps in every 2 s while the request is in progress. */
    @GetMapping("/privacy/requests/{id}/services")
    ModelAndView services(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        return progress(id, request, response, "privacy/request :: progress");
    }

    @GetMapping("/privacy/requests/{id}/bundle")
    ResponseEntity<byte[]> bundle(@PathVariable UUID id, HttpServletRequest request) {
        String token = RequestCookies.read(request, RequestCookies.DOWNLOAD).orElseThrow(DownloadGone::new);
        byte[] zip;
        try {
            zip = desk.bundle(id, token);
        } catch (ServiceRefused refused) {
            throw new DownloadGone();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("alluris-your-data-" + id + ".zip").build().toString())
                .cacheControl(CacheControl.noStore()).body(zip);
    }

    @ExceptionHandler(DownloadGone.class)
    ModelAndView downloadGone(HttpServletResponse response) {
        response.setStatus(410);
        return problem("This download no longer works",
                "Downloads last a limited time and open only in the browser where you entered the code. Your data "
                        + "was not shown to anyone. You can ask for a new copy: it takes a minute, and we email you a "
                        + "code again.", "Ask for a new copy of your data", "/privacy");
    }

    private ModelAndView progress(UUID id, HttpServletRequest request, HttpServletResponse response, String view) {
        Optional<RequestProgress> found = RequestCookies.read(request, RequestCookies.FOLLOW)
                .flatMap(token -> readable(id, token));
        if (found.isEmpty()) {
            response.setStatus(404);
            return problem("We cannot show this request here",
                    "A request can be followed only in the browser where its code was entered. We email you when it is "
                            + "done. If you have not entered the code yet, use the link below to start again.",
                    "Start again", "/privacy");
        }
        ModelAndView page = new ModelAndView(view);
        page.addObject("request", found.get());
        page.addObject("downloadable", RequestCookies.read(request, RequestCookies.DOWNLOAD).isPresent());
        return page;
    }

    private Optional<RequestProgress> readable(UUID id, String token) {
        try {
            return Optional.of(desk.progress(id, token));
        } catch (ServiceRefused unknownOrWrongToken) {
            return Optional.empty();
        }
    }

    /** The download token is missing, used, wrong or its bundle expired: the visitor gets the way to a new copy. */
    static final class DownloadGone extends RuntimeException {

        DownloadGone() {
            super("the bundle could not be downloaded with this browser's token");
        }
    }
}
