package cn.ets.registry.domain.account;

/**
 * Functions of an account the registry can restrict one by one (001 §45 (四) "暂停或限制相关业务",
 * (五) "限制相关账户功能") without changing its status. Surrender is never among them: a restricted
 * unit must still be able to comply.
 */
public enum AccountFunction {
    /** Being a party to exchange trades. */
    TRADE,
    /** Pledging units. */
    PLEDGE,
    /** Voluntary cancellation. */
    CANCELLATION
}
