package cn.ets.registry.domain.settlement;

import cn.ets.registry.domain.DomainException;

/** A trade moves units between two different accounts: a wash trade with oneself settles nothing. */
public final class Counterparties {
    private Counterparties() {}

    public static void requireDistinct(String seller, String buyer) {
        if (seller.equals(buyer)) {
            throw DomainException.badRequest("seller and buyer must be different accounts");
        }
    }
}
