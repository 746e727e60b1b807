package uk.alluris.kit.secrets;

import java.util.List;

/** A service outside the local profile was started with a missing, blank or committed secret. */
public class UnsafeSecrets extends IllegalStateException {

    static final String GENERATOR =
            "./mvnw -q -pl platform/service-kit -am compile exec:java -Dexec.mainClass=uk.alluris.kit.secrets.SecretGenerator";

    private final List<String> problems;

    UnsafeSecrets(String service, List<String> problems) {
        super(service + " refuses to start outside the local profile: " + String.join("; ", problems)
                + ". Generate values with: " + GENERATOR);
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
