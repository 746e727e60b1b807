package uk.alluris.kit.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link UnsafeSecrets} into Boot's start-up report: each unsafe variable on its own line, then what to do. */
class UnsafeSecretsAnalyzer extends AbstractFailureAnalyzer<UnsafeSecrets> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeSecrets cause) {
        String description = "Outside the local profile this service needs its own secrets, and these are unsafe:\n  "
                + String.join("\n  ", cause.problems());
        String action = "Set each variable named above. Fresh values for every secret, as VAR=value lines for an env file:\n    "
                + UnsafeSecrets.GENERATOR + "\n"
                + "(add -Dexec.args=--kms-key-uri=<gcp-kms://… or aws-kms://…> to have keysets wrapped by your KMS key). "
                + "Only the local profile (./run, the tests) accepts the committed local defaults.";
        return new FailureAnalysis(description, action, cause);
    }
}
