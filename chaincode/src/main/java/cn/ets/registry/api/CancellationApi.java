package cn.ets.registry.api;

import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.disclosure.PersonalData;
import cn.ets.registry.domain.product.Product;
import java.util.List;

/** Voluntary cancellation for public-good purposes (001 §15): public, with purpose and beneficiary. */
public final class CancellationApi {
    private CancellationApi() {}

    public record Cancel(
            String requestId,
            String account,
            Product product,
            @Quantity long quantity,
            String purpose,
            @Omittable String beneficiary) {}

    /**
     * {@code serials}: for CCER, the serial ranges retired; {@code holder}: the type of the account
     * that cancelled. In the public list an individual's {@code account} is null (personal data).
     */
    public record Cancelled(
            String requestId,
            String account,
            String product,
            long quantity,
            String purpose,
            @Omittable String beneficiary,
            @Omittable List<Serials> serials,
            @Omittable String holder,
            @Flatten Attribution attribution) {
        /** As the public record shows it: an individual's account and certificate name are left out. */
        public Cancelled inPublic(AccountType holderType) {
            return new Cancelled(
                    requestId,
                    PersonalData.publicAccount(account, holderType),
                    product,
                    quantity,
                    purpose,
                    beneficiary,
                    serials,
                    holderType.name(),
                    PersonalData.mayBeNamedInPublic(holderType)
                            ? attribution
                            : new Attribution(
                                    attribution.txId(),
                                    attribution.time(),
                                    null,
                                    attribution.org(),
                                    attribution.role()));
        }
    }

    public record ListAll() {}

    public record Cancellations(List<Cancelled> cancellations) {}
}
