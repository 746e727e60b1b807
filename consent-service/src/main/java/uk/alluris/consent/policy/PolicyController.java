package uk.alluris.consent.policy;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;

/**
 * Policy versions: the privacy officer and administrators publish (security.AccessConfiguration); anyone reads the
 * history, the version in force and any version's text — the policy is public.
 */
@RestController
@RequestMapping("/api/consents/policy-versions")
class PolicyController {

    private final PublishingPolicyVersions publishing;
    private final PolicyVersions versions;

    PolicyController(PublishingPolicyVersions publishing, PolicyVersions versions) {
        this.publishing = publishing;
        this.versions = versions;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a policy version", description = "Publishes a new version of the privacy policy, "
            + "taking effect on its effectiveFrom day (today or later, and after every version already published, so "
            + "what was in force when someone decided is never rewritten); a version's name is used once (409). Only "
            + "PRIVACY_OFFICER and ADMIN may call it; the publication is announced to the other services, and a "
            + "material change is mailed to subscribers and clients.")
    PolicyBodies.View publish(@Valid @RequestBody PolicyBodies.Published body, @AuthenticationPrincipal Jwt caller) {
        PolicyVersion published = publishing.publish(body, caller.getSubject());
        return view(published, publishing.versionInForce(), true);
    }

    /** Newest first, each marked whether it is the one in force; without the texts. */
    @GetMapping
    @Operation(summary = "List the policy versions", description = "Every published version of the privacy policy, "
            + "newest first, each marked whether it is the one in force, without the texts; paged with page and size. "
            + "Public: anyone may call it, with or without a token.")
    List<PolicyBodies.View> history(Paging paging) {
        Optional<String> inForce = publishing.versionInForce();
        return paging.of(versions.findAllByOrderByEffectiveFromDesc().stream()
                .map(version -> view(version, inForce, false)).toList());
    }

    @GetMapping("/current")
    @Operation(summary = "Read the policy version in force", description = "The version of the privacy policy in "
            + "force today (Europe/London), with its text; 404 while none is published or none has taken effect yet. "
            + "Public: anyone may call it, with or without a token.")
    PolicyBodies.View current() {
        String inForce = publishing.versionInForce()
                .orElseThrow(() -> ProblemException.notFound("a policy version in force"));
        return one(inForce);
    }

    @GetMapping("/{version}")
    @Operation(summary = "Read one policy version", description = "One published version of the privacy policy by "
            + "its name, with its text and whether it is in force; 404 for a name never published. Public: anyone may "
            + "call it, with or without a token.")
    PolicyBodies.View one(@PathVariable String version) {
        return versions.findById(version).map(found -> view(found, publishing.versionInForce(), true))
                .orElseThrow(() -> ProblemException.notFound("policy version " + version));
    }

    private static PolicyBodies.View view(PolicyVersion v, Optional<String> inForce, boolean withText) {
        return new PolicyBodies.View(v.version, v.effectiveFrom, v.summary, v.material,
                inForce.filter(v.version::equals).isPresent(), v.publishedAt, withText ? v.text : null);
    }
}
