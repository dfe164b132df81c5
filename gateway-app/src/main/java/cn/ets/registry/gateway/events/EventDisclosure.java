package cn.ets.registry.gateway.events;

import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.disclosure.PersonalData;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.ReadAccess;
import cn.ets.registry.domain.identity.Role;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What each reader sees of a committed event: the public (no token) sees only public facts; a
 * signed-in caller sees an event in full when the GET endpoint of the same thing would answer it
 * ({@link ReadAccess}: trades, locks, accounts), else the public view. Trade counterparties, prices
 * and an individual's account or name are never public ({@link PersonalData}).
 *
 * <p>Every event the chaincode emits has a row in {@link #KINDS}; one without a row is shown only to
 * the registry and MEE, so an event added later is private until someone decides otherwise.
 */
public final class EventDisclosure {

    /** How an event is disclosed. */
    enum Kind {
        /** Public facts in full: issuance, allocation, compliance, parameters, CCER, deposits' digests. */
        PUBLIC,
        /** An account opened or changed: the account rule; the public sees an organisation's public particulars only. */
        ACCOUNT,
        /** One settled trade: the trade rule; the public sees product, quantity and times. */
        TRADE,
        /** A batch of settled trades: each trade as {@link #TRADE}. */
        TRADES,
        /** A pledge or freeze placed, released or enforced: the lock rule; the public sees kind, product, quantity. */
        LOCK,
        /** A voluntary cancellation: public, but an individual is not named. */
        CANCELLATION,
        /** An enforcement measure on an account: the account rule; not public. */
        MEASURE,
        /** A unit's succession: the registry, MEE and the two holders see the holdings moved; the public, who took over whom. */
        SUCCESSION,
        /** Compliance warnings: each unit's warning goes to whom its account rule admits (the unit, its province, MEE, the registry). */
        WARNING,
        /** A DvP step or a reversal: the DvP trade rule (the trade's readers and the bank); the public sees product, quantity, status and times. */
        DVP,
        /** A settlement day's cut-off: each trade it failed as {@link #DVP}. */
        DVP_CUT_OFF,
        /** A reservation of a seller's units (an order): the exchange and whom the seller's account rule admits; not public. */
        RESERVATION,
        /** A holder's funds account: the bank and whom the account rule admits; not public. */
        FUNDS_ACCOUNT,
        /** A reconciliation of the day's statement: the exchange, the bank, the registry and MEE; not public. */
        SETTLEMENT_PARTICIPANTS
    }

    static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("RegistryBootstrapped", Kind.PUBLIC),
            Map.entry("AllowancesIssued", Kind.PUBLIC),
            Map.entry("AllowancesDistributed", Kind.PUBLIC),
            Map.entry("EmissionsVerified", Kind.PUBLIC),
            Map.entry("UnitsSurrendered", Kind.PUBLIC),
            Map.entry("ComplianceYearClosed", Kind.PUBLIC),
            Map.entry("ParametersChanged", Kind.PUBLIC),
            Map.entry("PreAllocated", Kind.PUBLIC),
            Map.entry("AllocationFinalised", Kind.PUBLIC),
            Map.entry("AllocationAdjusted", Kind.PUBLIC),
            Map.entry("AllocationDebtCollected", Kind.PUBLIC),
            Map.entry("CcerProjectRegistered", Kind.PUBLIC),
            Map.entry("CcerIssued", Kind.PUBLIC),
            Map.entry("MonthlyReportDeposited", Kind.PUBLIC),
            Map.entry("AccountOpened", Kind.ACCOUNT),
            Map.entry("AccountStatusChanged", Kind.ACCOUNT),
            Map.entry("TradeSettled", Kind.TRADE),
            Map.entry("TradesSettled", Kind.TRADES),
            Map.entry("UnitsPledged", Kind.LOCK),
            Map.entry("UnitsFrozen", Kind.LOCK),
            Map.entry("LockReleased", Kind.LOCK),
            Map.entry("PledgeEnforced", Kind.LOCK),
            Map.entry("UnitsCancelled", Kind.CANCELLATION),
            Map.entry("ParametersPublished", Kind.PUBLIC),
            Map.entry("ClosingPricePosted", Kind.PUBLIC),
            Map.entry("UnitListed", Kind.PUBLIC),
            Map.entry("PledgeProposed", Kind.LOCK),
            Map.entry("PledgeRegistered", Kind.LOCK),
            Map.entry("PledgeDeclined", Kind.LOCK),
            Map.entry("PledgeDefaulted", Kind.LOCK),
            Map.entry("CourtOrderedTransfer", Kind.LOCK),
            Map.entry("EnforcementMeasureApplied", Kind.MEASURE),
            Map.entry("EnforcementMeasureLifted", Kind.MEASURE),
            Map.entry("AccountSucceeded", Kind.SUCCESSION),
            Map.entry("ComplianceWarningIssued", Kind.WARNING),
            Map.entry("DvpPosted", Kind.DVP),
            Map.entry("DvpSettled", Kind.DVP),
            Map.entry("DvpFailed", Kind.DVP),
            Map.entry("DvpCutOff", Kind.DVP_CUT_OFF),
            Map.entry("ReversalRequested", Kind.DVP),
            Map.entry("TradeReversed", Kind.DVP),
            Map.entry("ReversalRefused", Kind.DVP),
            Map.entry("UnitsReserved", Kind.RESERVATION),
            Map.entry("ReservationReduced", Kind.RESERVATION),
            Map.entry("FundsAccountRegistered", Kind.FUNDS_ACCOUNT),
            Map.entry("TradingAdmissionChanged", Kind.PUBLIC),
            Map.entry("SettlementReconciled", Kind.SETTLEMENT_PARTICIPANTS));

    private static final Set<String> ACCOUNT_PUBLIC =
            Set.of("id", "type", "name", "province", "sector", "status", "previous");
    private static final Set<String> TRADE_PUBLIC =
            Set.of("product", "quantity", "mode", "tradedAt", "settledAt", "txId", "time");
    private static final Set<String> LOCK_PUBLIC =
            Set.of("kind", "product", "quantity", "status", "moved", "txId", "time");
    private static final Set<String> DVP_PUBLIC =
            Set.of("product", "quantity", "mode", "tradedAt", "settlementDay", "status", "txId", "time");
    private static final Set<String> SUCCESSION_PUBLIC =
            Set.of("predecessor", "successor", "reason", "years", "txId", "time");

    private EventDisclosure() {}

    /**
     * What {@code viewer} (null: the public, without a token) sees of an event; empty: nothing.
     * {@code payloadJson} is the chaincode's event envelope ({@code type, txId, time, actor, org,
     * role, data}); the rules apply to its {@code data}, and where the viewer sees less than the
     * whole, a holder's name as actor ({@code account-<id>}) goes too.
     */
    public static Optional<String> view(String event, String payloadJson, Actor viewer) {
        JsonElement parsed = JsonParser.parseString(payloadJson);
        if (!parsed.isJsonObject()) {
            return Optional.empty();
        }
        JsonObject envelope = parsed.getAsJsonObject();
        JsonElement inner = envelope.get("data");
        if (inner == null || !inner.isJsonObject()) {
            return Optional.empty();
        }
        Kind kind = KINDS.get(event);
        if (kind == null) {
            return viewer != null && (viewer.is(Role.REGISTRY) || viewer.is(Role.MEE))
                    ? Optional.of(payloadJson)
                    : Optional.empty();
        }
        JsonObject p = inner.getAsJsonObject();
        JsonObject seen = switch (kind) {
            case PUBLIC -> p;
            case ACCOUNT -> account(p, viewer);
            case TRADE -> trade(p, viewer);
            case TRADES -> trades(p, viewer);
            case LOCK -> lock(p, viewer);
            case CANCELLATION -> cancellation(p, viewer);
            case MEASURE -> measure(p, viewer);
            case SUCCESSION -> succession(p, viewer);
            case WARNING -> warning(p, viewer);
            case DVP -> dvp(p, viewer);
            case DVP_CUT_OFF -> cutOff(p, viewer);
            case RESERVATION ->
                viewer != null && (viewer.is(Role.EXCHANGE) || ReadAccess.account(viewer, text(p, "account"), null))
                        ? p
                        : null;
            case FUNDS_ACCOUNT ->
                viewer != null
                                && (viewer.is(Role.SETTLEMENT_BANK)
                                        || ReadAccess.account(viewer, text(p, "account"), null))
                        ? p
                        : null;
            case SETTLEMENT_PARTICIPANTS ->
                viewer != null
                                && (viewer.is(Role.EXCHANGE)
                                        || viewer.is(Role.SETTLEMENT_BANK)
                                        || viewer.is(Role.REGISTRY)
                                        || viewer.is(Role.MEE))
                        ? p
                        : null;
        };
        if (seen == null) {
            return Optional.empty();
        }
        if (seen == p && !actorIsPersonal(envelope, viewer)) {
            return Optional.of(payloadJson);
        }
        JsonObject out = envelope.deepCopy();
        out.add("data", seen);
        if (seen != p || actorIsPersonal(envelope, viewer)) {
            String role = text(envelope, "role");
            if (role != null && isHolderRole(role)) {
                out.remove("actor");
            }
        }
        return Optional.of(out.toString());
    }

    /** An individual's certificate name names the person: only the registry, MEE and the person see it. */
    private static boolean actorIsPersonal(JsonObject envelope, Actor viewer) {
        if (!Role.INDIVIDUAL.name().equals(text(envelope, "role"))) {
            return false;
        }
        return viewer == null
                || !(viewer.is(Role.REGISTRY)
                        || viewer.is(Role.MEE)
                        || (viewer.is(Role.INDIVIDUAL)
                                && ("account-" + viewer.account()).equals(text(envelope, "actor"))));
    }

    private static boolean isHolderRole(String role) {
        try {
            return Role.valueOf(role).isHolder();
        } catch (IllegalArgumentException e) {
            return true; // unknown: treat as a holder's, and leave its name out
        }
    }

    private static JsonObject account(JsonObject p, Actor viewer) {
        if (viewer != null && ReadAccess.account(viewer, text(p, "id"), text(p, "province"))) {
            return p;
        }
        AccountType type = accountType(text(p, "type"));
        if (type == null || !PersonalData.mayBeNamedInPublic(type)) {
            JsonObject anonymous = new JsonObject();
            anonymous.addProperty("type", AccountType.INDIVIDUAL.name());
            return anonymous;
        }
        return only(p, ACCOUNT_PUBLIC);
    }

    private static JsonObject trade(JsonObject p, Actor viewer) {
        if (viewer != null
                && ReadAccess.trade(
                        viewer,
                        text(p, "seller"),
                        text(p, "sellerProvince"),
                        text(p, "buyer"),
                        text(p, "buyerProvince"))) {
            return p;
        }
        return only(p, TRADE_PUBLIC);
    }

    private static JsonObject trades(JsonObject p, Actor viewer) {
        JsonObject o = new JsonObject();
        o.add("trades", each(p, "trades", t -> trade(t, viewer)));
        return o;
    }

    /** Each object of the list {@code field} as {@code view} shows it. */
    private static JsonArray each(JsonObject p, String field, UnaryOperator<JsonObject> view) {
        JsonArray out = new JsonArray();
        JsonElement list = p.get(field);
        if (list != null && list.isJsonArray()) {
            for (JsonElement t : list.getAsJsonArray()) {
                if (t.isJsonObject()) {
                    out.add(view.apply(t.getAsJsonObject()));
                }
            }
        }
        return out;
    }

    private static JsonObject dvp(JsonObject p, Actor viewer) {
        if (viewer != null
                && ReadAccess.dvpTrade(
                        viewer,
                        text(p, "seller"),
                        text(p, "sellerProvince"),
                        text(p, "buyer"),
                        text(p, "buyerProvince"))) {
            return p;
        }
        return only(p, DVP_PUBLIC);
    }

    private static JsonObject cutOff(JsonObject p, Actor viewer) {
        JsonObject o = only(p, Set.of("day", "txId", "time"));
        o.add("failed", each(p, "failed", t -> dvp(t, viewer)));
        return o;
    }

    private static JsonObject lock(JsonObject p, Actor viewer) {
        if (viewer != null && ReadAccess.lock(viewer, text(p, "account"), text(p, "pledgee"))) {
            return p;
        }
        return only(p, LOCK_PUBLIC);
    }

    private static JsonObject cancellation(JsonObject p, Actor viewer) {
        if (viewer != null && ReadAccess.account(viewer, text(p, "account"), null)) {
            return p;
        }
        AccountType type = accountType(text(p, "holder"));
        if (type != null && PersonalData.mayBeNamedInPublic(type)) {
            return p;
        }
        JsonObject masked = p.deepCopy();
        masked.add("account", null);
        masked.remove("actor");
        masked.addProperty("holder", AccountType.INDIVIDUAL.name());
        return masked;
    }

    private static JsonObject measure(JsonObject p, Actor viewer) {
        JsonElement account = p.get("account");
        if (viewer == null || account == null || !account.isJsonObject()) {
            return null;
        }
        JsonObject a = account.getAsJsonObject();
        return ReadAccess.account(viewer, text(a, "id"), text(a, "province")) ? p : null;
    }

    private static JsonObject succession(JsonObject p, Actor viewer) {
        if (viewer != null
                && (ReadAccess.account(viewer, text(p, "predecessor"), null)
                        || ReadAccess.account(viewer, text(p, "successor"), null))) {
            return p;
        }
        return only(p, SUCCESSION_PUBLIC);
    }

    private static JsonObject warning(JsonObject p, Actor viewer) {
        JsonArray mine = new JsonArray();
        JsonElement units = p.get("units");
        if (units != null && units.isJsonArray()) {
            for (JsonElement u : units.getAsJsonArray()) {
                if (viewer != null
                        && u.isJsonObject()
                        && ReadAccess.account(
                                viewer, text(u.getAsJsonObject(), "unitId"), text(u.getAsJsonObject(), "province"))) {
                    mine.add(u);
                }
            }
        }
        if (units != null
                && units.isJsonArray()
                && mine.size() == units.getAsJsonArray().size()) {
            return p;
        }
        JsonObject out = p.deepCopy();
        out.add("units", mine);
        return out;
    }

    private static JsonObject only(JsonObject p, Set<String> fields) {
        JsonObject o = new JsonObject();
        for (Map.Entry<String, JsonElement> e : p.entrySet()) {
            if (fields.contains(e.getKey())) {
                o.add(e.getKey(), e.getValue());
            }
        }
        return o;
    }

    private static String text(JsonObject p, String field) {
        JsonElement e = p.get(field);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    /** A type the payload names, or null when absent or unknown (then treated as personal: fail closed). */
    private static AccountType accountType(String name) {
        if (name == null) {
            return null;
        }
        try {
            return AccountType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
