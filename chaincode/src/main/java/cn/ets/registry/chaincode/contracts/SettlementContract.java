package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.Books;
import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.json.Fields;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.account.TradingEligibility;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.settlement.TradeMode;
import cn.ets.registry.domain.settlement.TradePrice;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Trade-by-trade, in-full settlement of matched exchange trades (001 §21): units seller → buyer,
 * each trade id at most once. Writes only the two holdings, the trade record and two write-only
 * index keys, so trades of different accounts never conflict.
 */
@Contract(name = "settlement", info = @Info(title = "Settlement", version = "1"))
public final class SettlementContract implements ContractInterface {
    static final ZoneId MARKET_ZONE = ZoneId.of("Asia/Shanghai");

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String settle(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            String result = settleOne(tx, Fields.of(command));
            JsonObject settled = CanonicalJson.parseObject(result);
            if (!settled.get("replayed").getAsBoolean()) {
                tx.emit("TradeSettled", settled);
            }
            return result;
        });
    }

    /**
     * {@code {"trades":[…]}}: many trades in one transaction, each on its own — a refused trade is
     * rolled back alone and reported, the others settle. The gateway sends the trades of a group
     * of accounts that share trades here, so a hot account costs one transaction per batch
     * instead of one MVCC conflict per trade.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String settleMany(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Permissions.requireRole(tx.actor(), Role.EXCHANGE, "post trades for settlement");
            var trades = Fields.of(command).array("trades");
            if (trades.size() > MAX_TRADES_PER_TX) {
                throw DomainException.badRequest("at most " + MAX_TRADES_PER_TX + " trades per transaction");
            }
            List<Object> results = new ArrayList<>();
            List<Object> settled = new ArrayList<>();
            for (var element : trades) {
                Map<String, Object> r = new LinkedHashMap<>();
                String[] out = new String[1];
                String tradeId = element.isJsonObject() && element.getAsJsonObject().has("tradeId")
                        && element.getAsJsonObject().get("tradeId").isJsonPrimitive() ? element.getAsJsonObject().get("tradeId").getAsString() : null;
                var refusal = tx.attempt(() -> {
                    if (!element.isJsonObject()) {
                        throw DomainException.badRequest("each trade must be a JSON object");
                    }
                    out[0] = settleOne(tx, Fields.of(element.getAsJsonObject(), ""));
                });
                if (refusal.isEmpty()) {
                    JsonObject done = CanonicalJson.parseObject(out[0]);
                    results.add(done);
                    if (!done.get("replayed").getAsBoolean()) {
                        settled.add(done);
                    }
                } else {
                    r.put("tradeId", tradeId);
                    r.put("status", "REJECTED");
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("code", refusal.get().code().name());
                    error.put("message", refusal.get().getMessage());
                    error.put("details", refusal.get().details());
                    r.put("error", error);
                    results.add(r);
                }
            }
            if (!settled.isEmpty()) {
                tx.emit("TradesSettled", Map.of("trades", settled));
            }
            return CanonicalJson.writeMap(Map.of("results", results));
        });
    }

    static final int MAX_TRADES_PER_TX = 200;

    private static String settleOne(TxContext tx, Fields f) {
        String tradeId = f.string("tradeId");
        Product product = Product.parse(f.string("product"));
        String sellerId = f.string("seller");
        String buyerId = f.string("buyer");
        long quantity = f.tonnes("quantity");
        BigDecimal price = TradePrice.require(f.decimal("price"));
        TradeMode mode = f.enumValue("mode", TradeMode.class);
        String tradedAtText = f.string("tradedAt");
        OffsetDateTime tradedAt = timestamp(tradedAtText);
        Permissions.requireRole(tx.actor(), Role.EXCHANGE, "post trades for settlement");
        if (sellerId.equals(buyerId)) {
            throw DomainException.badRequest("seller and buyer must be different accounts");
        }
        mode.requireOrderSize(quantity);
        return tx.once("trade", tradeId, "settlement:settle", f.json(), t -> {
            Books books = new Books(t);
            Account seller = books.account(sellerId);
            Account buyer = books.account(buyerId);
            TradingEligibility.requireMayTrade(seller, product);
            TradingEligibility.requireMayTrade(buyer, product);
            AccountStatusPolicy.requireCanTrade(seller);
            AccountStatusPolicy.requireCanTrade(buyer);
            books.transfer(sellerId, buyerId, product, quantity);
            String month = tradedAt.atZoneSameInstant(MARKET_ZONE).toLocalDate().toString().substring(0, 7);
            Map<String, Object> priced = new LinkedHashMap<>();
            priced.put("quantity", quantity);
            priced.put("price", price);
            t.state().put(t.state().key("tradeix", product.isCea() ? "CEA" : "CCER", month, tradeId), priced);
            t.state().put(t.state().key("flow", sellerId, product.code(), tradeId), Map.of("quantity", -quantity));
            t.state().put(t.state().key("flow", buyerId, product.code(), tradeId), Map.of("quantity", quantity));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("tradeId", tradeId);
            r.put("status", "SETTLED");
            r.put("product", product.code());
            r.put("seller", sellerId);
            r.put("buyer", buyerId);
            r.put("quantity", quantity);
            r.put("price", price);
            r.put("amount", price.multiply(BigDecimal.valueOf(quantity)));
            r.put("mode", mode.name());
            r.put("tradedAt", tradedAtText);
            r.put("settledAt", t.time().toString());
            r.putAll(t.attribution());
            return r;
        });
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String tradeId) {
        return TxContext.run(ctx, tx -> {
            JsonObject s = tx.firstResult("trade", tradeId).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                    "no settled trade '" + tradeId + "'", Map.of("tradeId", tradeId)));
            Actor a = tx.actor();
            boolean party = a.holds(s.get("seller").getAsString()) || a.holds(s.get("buyer").getAsString());
            if (!(a.is(Role.EXCHANGE) || a.is(Role.REGISTRY) || party)) {
                throw Permissions.forbidden(a, "read trade " + tradeId);
            }
            return CanonicalJson.write(s);
        });
    }

    private static OffsetDateTime timestamp(String s) {
        try {
            OffsetDateTime t = OffsetDateTime.parse(s);
            if (t.getYear() < 2000 || t.getYear() > 2100) {
                throw DomainException.badRequest("tradedAt must lie between the years 2000 and 2100, got " + s);
            }
            return t;
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("tradedAt must be an ISO-8601 date-time with offset, e.g. 2025-12-15T10:30:00+08:00");
        }
    }
}
