package uk.alluris.gateway.staff;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.alluris.kit.identity.InvalidEmailAddress;
import uk.alluris.kit.identity.Normalisation;

/**
 * What an administrator does to staff accounts, so that production never needs a database edit: create, disable and
 * enable, set a new password, reset the second factor, list. Every change is audited in the log by pseudonymous
 * references only (who did it, to which account).
 */
@Service
class StaffAdministration {

    private static final Logger audit = LoggerFactory.getLogger("uk.alluris.gateway.staff.audit");
    static final int MIN_PASSWORD = 12;

    /** One account as the administrator sees it: never a hash, secret or code. */
    @Schema(description = "A staff account as administrators see it")
    record AccountView(
            @Schema(description = "the sign-in name, a work email address", example = "reception@alluris.local")
            String username,
            @Schema(description = "the pseudonymous reference log lines name the account by", example = "acct-3f9a1c07b2de")
            String reference,
            @Schema(description = "the account's roles", example = "[\"RECEPTION\"]") List<String> roles,
            @Schema(description = "true while the account may not sign in", example = "false") boolean disabled,
            @Schema(description = "true once a second factor is confirmed", example = "true") boolean secondFactorEnrolled,
            @Schema(description = "unused recovery codes", example = "10") int recoveryCodesLeft) {

        static AccountView of(StaffAccount account) {
            return new AccountView(account.username(), AccountReference.of(account.username()),
                    account.roles().stream().map(Role::name).sorted().toList(), account.disabled(),
                    account.totpConfirmed(), account.recoveryCodes() == null ? 0 : account.recoveryCodes().size());
        }
    }

    private final StaffAccounts accounts;
    private final ReactiveMongoTemplate mongo;
    private final PasswordEncoder passwords;

    StaffAdministration(StaffAccounts accounts, ReactiveMongoTemplate mongo, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.mongo = mongo;
        this.passwords = passwords;
    }

    Flux<AccountView> list() {
        return accounts.findAll().sort((a, b) -> a.username().compareTo(b.username())).map(AccountView::of);
    }

    Mono<AccountView> create(String admin, String username, List<String> roleNames, String password) {
        String name;
        try {
            name = Normalisation.email(username);
        } catch (InvalidEmailAddress e) {
            throw StaffApiRefused.invalid("username: must be an email address");
        }
        Set<Role> roles = roles(roleNames);
        checkPassword(password);
        return Mono.fromCallable(() -> passwords.encode(password)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> mongo.insert(StaffAccount.create(name, hash, roles)))
                .onErrorMap(org.springframework.dao.DuplicateKeyException.class, e -> new StaffApiRefused(
                        HttpStatus.CONFLICT, "Account exists", "a staff account with this username already exists"))
                .doOnNext(created -> audit.info("staff account {} created with roles {} by {}",
                        AccountReference.of(name), roles, AccountReference.of(admin)))
                .map(AccountView::of);
    }

    Mono<AccountView> disabled(String admin, String username, boolean disabled) {
        String name = StaffSignIn.normalised(username);
        if (disabled && name.equals(admin)) {
            throw new StaffApiRefused(HttpStatus.CONFLICT, "Cannot disable yourself",
                    "an administrator cannot disable their own account; ask another administrator");
        }
        return change(admin, name, new Update().set("disabled", disabled), disabled ? "disabled" : "enabled");
    }

    Mono<AccountView> passwordSet(String admin, String username, String password) {
        checkPassword(password);
        String name = StaffSignIn.normalised(username);
        return Mono.fromCallable(() -> passwords.encode(password)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> change(admin, name, new Update().set("passwordHash", hash), "password set"));
    }

    /** The person enrols again at their next sign-in (required for officer and admin roles). */
    Mono<AccountView> secondFactorReset(String admin, String username) {
        String name = StaffSignIn.normalised(username);
        return change(admin, name, new Update().unset("totpSecret").set("totpConfirmed", false)
                .set("recoveryCodes", List.of()).set("lastTotpStep", 0L), "second factor reset");
    }

    private Mono<AccountView> change(String admin, String name, Update update, String what) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(name)), update.inc("version", 1), StaffAccount.class)
                .filter(result -> result.getMatchedCount() == 1)
                .switchIfEmpty(Mono.error(() -> new StaffApiRefused(HttpStatus.NOT_FOUND, "Not found",
                        "no staff account with this username")))
                .doOnNext(done -> audit.info("staff account {} {} by {}", AccountReference.of(name), what,
                        AccountReference.of(admin)))
                .then(accounts.findById(name)).map(AccountView::of);
    }

    private static Set<Role> roles(List<String> names) {
        String allowed = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));
        if (names == null || names.isEmpty()) {
            throw StaffApiRefused.invalid("roles: at least one of " + allowed);
        }
        try {
            return names.stream().map(Role::valueOf).collect(Collectors.toUnmodifiableSet());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw StaffApiRefused.invalid("roles: each must be one of " + allowed);
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            throw StaffApiRefused.invalid("password: between " + MIN_PASSWORD + " and 200 characters");
        }
    }
}
