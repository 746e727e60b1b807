package uk.alluris.rights.bundle;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.rights.request.Exports;
import uk.alluris.rights.request.PrivacyRequest;

/** The bundle feature plugged into an export request's steps: its key and bundle at fan-out, tokens, parts, view. */
@Component
class BundleExports implements Exports {

    private final ExportKeys keys;
    private final BundleRecords bundles;
    private final BundleParts parts;

    BundleExports(ExportKeys keys, BundleRecords bundles, BundleParts parts) {
        this.keys = keys;
        this.bundles = bundles;
        this.parts = parts;
    }

    @Override
    public String recipientKey(UUID requestId, Instant now) {
        bundles.pending(requestId);
        return keys.mint(requestId, now);
    }

    @Override
    public String issueDownloadToken(UUID requestId) {
        String token = DownloadTokens.mint();
        bundles.tokenIssued(requestId, DownloadTokens.hash(token));
        return token;
    }

    @Override
    public void keep(PrivacyRequest request, ReceiptIssued receipt, Instant now) {
        parts.keep(request, receipt, now);
    }

    @Override
    public BundleView bundleOf(UUID requestId) {
        return bundles.find(requestId).map(Bundle::view)
                .orElseGet(() -> new BundleView(BundleStatus.PENDING.name(), null, null, null));
    }
}
