package cn.ets.registry.domain.account;

/**
 * The seven enforcement measures the registry institution takes against a holder that breaks the
 * registration and settlement rules (001 §45), each with what it does to the account.
 */
public enum MeasureType {
    /** (一) 通报批评: a public notice; changes nothing on the account and cannot be lifted. */
    NOTICE("001 §45 (一) 通报批评"),
    /** (二) 限制资金或交易产品的划转: status RESTRICTED — nothing leaves the account, it may still receive. */
    RESTRICT_TRANSFER("001 §45 (二) 限制资金或交易产品的划转"),
    /** (三) 暂停或限制相关账户: status SUSPENDED — no operation at all. */
    SUSPEND_ACCOUNT("001 §45 (三) 暂停或限制相关账户"),
    /** (四) 暂停或限制相关业务: the named functions are suspended. */
    SUSPEND_BUSINESS("001 §45 (四) 暂停或限制相关业务"),
    /** (五) 限制相关账户功能: the named functions are restricted. */
    RESTRICT_FUNCTIONS("001 §45 (五) 限制相关账户功能"),
    /** (六) 取消交易资格: no trades any more; the status is not touched. */
    CANCEL_TRADING_QUALIFICATION("001 §45 (六) 取消交易资格"),
    /** (七) 责令终止相关业务: the account is closed, or CLOSURE_PENDING while anything is left in it. */
    TERMINATE_BUSINESS("001 §45 (七) 责令终止相关业务");

    private final String clause;

    MeasureType(String clause) {
        this.clause = clause;
    }

    public String clause() {
        return clause;
    }

    /** The measures that name the functions they act on. */
    public boolean namesFunctions() {
        return this == SUSPEND_BUSINESS || this == RESTRICT_FUNCTIONS;
    }
}
