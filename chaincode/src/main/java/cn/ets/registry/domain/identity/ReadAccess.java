package cn.ets.registry.domain.identity;

/**
 * Who may read the details of a trade, a lock or an account: one rule each, used by the GET
 * endpoints and by the detailed event stream alike, so the stream never tells a caller what the
 * endpoint would refuse it.
 */
public final class ReadAccess {
    private ReadAccess() {}

    /**
     * A settled trade's counterparties and price: the exchange, the registry, MEE, the two parties,
     * and the province of either party.
     */
    public static boolean trade(Actor a, String seller, String sellerProvince, String buyer, String buyerProvince) {
        return a.is(Role.EXCHANGE)
                || a.is(Role.REGISTRY)
                || a.is(Role.MEE)
                || a.holds(seller)
                || a.holds(buyer)
                || (a.is(Role.PROVINCE)
                        && a.province() != null
                        && (a.province().equals(sellerProvince) || a.province().equals(buyerProvince)));
    }

    /**
     * A DvP trade, a reservation's trade or a reversal: as a settled trade ({@link #trade}), and the
     * settlement bank, which carries the funds leg.
     */
    public static boolean dvpTrade(Actor a, String seller, String sellerProvince, String buyer, String buyerProvince) {
        return a.is(Role.SETTLEMENT_BANK) || trade(a, seller, sellerProvince, buyer, buyerProvince);
    }

    /** A lock (pledge or freeze): the registry, MEE, the holder and the pledgee. */
    public static boolean lock(Actor a, String account, String pledgee) {
        return a.is(Role.REGISTRY) || a.is(Role.MEE) || a.holds(account) || (pledgee != null && a.holds(pledgee));
    }

    /** An account (holder, name, status): the registry, MEE, its province, and the holder. */
    public static boolean account(Actor a, String accountId, String accountProvince) {
        return switch (a.role()) {
            case MEE, REGISTRY -> true;
            case PROVINCE -> a.province() != null && a.province().equals(accountProvince);
            default -> a.holds(accountId);
        };
    }
}
