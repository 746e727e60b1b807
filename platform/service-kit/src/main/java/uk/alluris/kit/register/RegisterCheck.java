package uk.alluris.kit.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.InitializingBean;

/**
 * Refuses to start with a register that contradicts itself: a purpose or recipient naming a category that does
 * not exist, a transfer to an unknown recipient or without a safeguard, a category without a retention period.
 */
final class RegisterCheck implements InitializingBean {

    private final ProcessingRegister register;

    RegisterCheck(ProcessingRegister register) {
        this.register = register;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = problems(register);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("alluris.register is inconsistent: " + String.join("; ", problems));
        }
    }

    static List<String> problems(ProcessingRegister register) {
        List<String> problems = new ArrayList<>();
        Set<String> categories = register.categories().stream().map(ProcessingRegister.DataCategory::key)
                .collect(Collectors.toSet());
        Set<String> recipients = register.recipients().stream().map(ProcessingRegister.Recipient::key)
                .collect(Collectors.toSet());
        if (categories.isEmpty()) {
            problems.add("no data categories");
        }
        for (var category : register.categories()) {
            var retention = category.retention();
            if (category.heldBy() == null || category.legalBasis() == null) {
                problems.add("category " + category.key() + " needs held-by and legal-basis");
            }
            if (retention == null || retention.period() == null || retention.startsAt() == null
                    || retention.ground() == null) {
                problems.add("category " + category.key() + " needs a retention period, starts-at and ground");
            }
        }
        for (var purpose : register.purposes()) {
            purpose.categories().stream().filter(key -> !categories.contains(key))
                    .forEach(key -> problems.add("purpose " + purpose.key() + " names unknown category " + key));
        }
        for (var recipient : register.recipients()) {
            recipient.categories().stream().filter(key -> !categories.contains(key))
                    .forEach(key -> problems.add("recipient " + recipient.key() + " names unknown category " + key));
        }
        for (var transfer : register.transfers()) {
            if (!recipients.contains(transfer.recipient())) {
                problems.add("transfer names unknown recipient " + transfer.recipient());
            }
            if (transfer.safeguard() == null || transfer.safeguard().isBlank()) {
                problems.add("transfer to " + transfer.recipient() + " has no safeguard");
            }
        }
        return problems;
    }
}
