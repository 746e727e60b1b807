package uk.alluris.consent.policy;

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
    PolicyBodies.View publish(@Valid @RequestBody PolicyBodies.Published body, @AuthenticationPrincipal Jwt caller) {
        PolicyVersion published = publishing.publish(body, caller.getSubject());
        return view(published, publishing.versionInForce(), true);
    }

    /** Newest first, each marked whether it is the one in force; without the texts. */
    @GetMapping
    List<PolicyBodies.View> history(Paging paging) {
        Optional<String> inForce = publishing.versionInForce();
        return paging.of(versions.findAllByOrderByEffectiveFromDesc().stream()
                .map(version -> view(version, inForce, false)).toList());
    }

    @GetMapping("/current")
    PolicyBodies.View current() {
        String inForce = publishing.versionInForce()
                .orElseThrow(() -> ProblemException.notFound("a policy version in force"));
        return one(inForce);
    }

    @GetMapping("/{version}")
    PolicyBodies.View one(@PathVariable String version) {
        return versions.findById(version).map(found -> view(found, publishing.versionInForce(), true))
                .orElseThrow(() -> ProblemException.notFound("policy version " + version));
    }

    private static PolicyBodies.View view(PolicyVersion v, Optional<String> inForce, boolean withText) {
        return new PolicyBodies.View(v.version, v.effectiveFrom, v.summary, v.material,
                inForce.filter(v.version::equals).isPresent(), v.publishedAt, withText ? v.text : null);
    }
}
