package cn.ets.registry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.CeaAdmission;
import cn.ets.registry.gateway.testing.Json;
import cn.ets.registry.gateway.testing.RegistryClient;
import cn.ets.registry.gateway.testing.RegistryClient.Response;
import cn.ets.registry.gateway.testing.SharedGateway;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seeded random sequences of valid and invalid commands through the HTTP API against a model of the
 * registry: after every command supply balances, the audit recount matches the holdings, every holding
 * is what the model says, a refused command leaves supply and every holding exactly as they were, and the
 * answer (status and code) is the one the rules predict. Rerun a failure with {@code -Dseed=<seed>}.
 */
@ExtendWith(SharedGateway.class)
class SupplyPropertyTest {
    private static final int STEPS = Integer.getInteger("steps", 300);
    private static final int YEAR = 2024;
    private static final List<String> PRODUCTS = List.of("CEA-2023", "CEA-2024", "CEA-2025");
    private static final List<String> PROVINCES = List.of("HB", "GD");
    private static final List<String> UNITS = List.of("Q-HB-1", "Q-HB-2", "Q-HB-3", "Q-GD-1", "Q-GD-2");
    private static final String INST = "Q-I-1";
    private static final List<String> HOLDERS = List.of("Q-HB-1", "Q-HB-2", "Q-HB-3", "Q-GD-1", "Q-GD-2", INST);
    private static final List<String> ACCOUNTS =
            List.of("MEE", "PROVINCE-HB", "PROVINCE-GD", "Q-HB-1", "Q-HB-2", "Q-HB-3", "Q-GD-1", "Q-GD-2", INST);
    private static final List<String> AUTHORITIES =
            List.of("mee", "registry", "exchange", "province-HB", "province-GD", "auditor");

    private final ExecutorService readers = Executors.newFixedThreadPool(4);
    private RegistryClient c;
    private Random r;
    private int ids;
    /** account → product → quantity, as the model has it. */
    private final Map<String, Map<String, Long>> holdings = new HashMap<>();

    private final Map<String, String> status = new HashMap<>();
    private final Map<String, Long> remainingObligation = new HashMap<>();
    /** product → issued, surrendered, cancelled. */
    private final Map<String, long[]> supply = new HashMap<>();

    private final List<Object[]> replayable = new ArrayList<>();

    private long hold(String account, String product) {
        return holdings.computeIfAbsent(account, k -> new HashMap<>()).getOrDefault(product, 0L);
    }

    private void add(String account, String product, long q) {
        holdings.computeIfAbsent(account, k -> new HashMap<>()).merge(product, q, Long::sum);
    }

    private static String province(String unit) {
        return unit.substring(2, 4);
    }

    /** A command, who sends it, and what the rules say the answer is (code null: success). */
    private record Command(
            String label, String who, String method, String path, JsonObject body, String code, Runnable apply) {
        int status() {
            return switch (code == null ? "" : code) {
                case "" -> "PUT".equals(method) ? 200 : 201;
                case "BAD_REQUEST", "INVALID_QUANTITY" -> 400;
                case "FORBIDDEN" -> 403;
                case "NOT_FOUND" -> 404;
                default -> 409;
            };
        }
    }

    @Test
    void random_command_sequences_keep_supply_balanced_and_refusals_change_nothing(RegistryClient shared) {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("SupplyPropertyTest seed=" + seed + " steps=" + STEPS);
        c = shared;
        r = new Random(seed);
        int step = -1;
        Command cmd = null;
        try {
            setUp();
            Fingerprint before = fingerprint();
            for (step = 0; step < STEPS; step++) {
                cmd = next();
                Response resp = cmd.method().equals("PUT")
                        ? c.put(cmd.who(), cmd.path(), cmd.body())
                        : c.post(cmd.who(), cmd.path(), cmd.body());
                assertThat(resp.status()).as("answer to %s", cmd.label()).isEqualTo(cmd.status());
                assertThat(resp.code()).as("code of %s", cmd.label()).isEqualTo(cmd.code());
                if (cmd.code() == null) {
                    boolean replay = resp.status() == 201 && resp.replayed();
                    assertThat(replay)
                            .as("replayed flag of %s", cmd.label())
                            .isEqualTo(cmd.label().startsWith("replay"));
                    if (!replay) {
                        cmd.apply().run();
                        if (!cmd.method().equals("PUT")) {
                            replayable.add(new Object[] {cmd, resp.json()});
                        }
                    }
                }
                Fingerprint after = fingerprint();
                if (cmd.code() != null || cmd.label().startsWith("replay")) {
                    assertThat(after).as("state after %s", cmd.label()).isEqualTo(before);
                }
                checkAgainstModel(after);
                before = after;
            }
            readers.shutdown();
            JsonObject v = c.verify().orElseThrow();
            assertThat(v.get("chainIntact").getAsBoolean()).isTrue();
            assertThat(v.get("stateMatchesLog").getAsBoolean()).isTrue();
        } catch (AssertionError | RuntimeException e) {
            readers.shutdownNow();
            throw new AssertionError(
                    "SupplyPropertyTest failed with seed " + seed + " (rerun: -Dseed=" + seed + ") at step " + step
                            + (cmd == null ? "" : " on " + cmd.label() + " by " + cmd.who() + " " + cmd.body()) + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private void setUp() {
        for (String u : UNITS) {
            Response o = c.post(
                    "province-" + province(u),
                    "/api/v1/accounts",
                    Json.obj("id", u, "type", "UNIT", "name", u, "province", province(u), "sector", "POWER"));
            assertThat(o.status()).as("%s", o).isEqualTo(201);
            c.addIdentity(u, o.json().get("token").getAsString());
            assertThat(c.post(
                                    "province-" + province(u),
                                    "/api/v1/emissions",
                                    Json.obj("unitId", u, "year", YEAR, "verifiedEmissions", 20_000))
                            .status())
                    .isEqualTo(201);
            remainingObligation.put(u, 20_000L);
        }
        Response inst =
                c.post("registry", "/api/v1/accounts", Json.obj("id", INST, "type", "INSTITUTION", "name", "Q fund"));
        assertThat(inst.status()).isEqualTo(201);
        c.addIdentity(INST, inst.json().get("token").getAsString());
        CeaAdmission.admit(c, INST);
        for (String a : ACCOUNTS) {
            for (String p : PRODUCTS) {
                holdings.computeIfAbsent(a, k -> new HashMap<>()).put(p, c.holding(a, p));
            }
            status.put(a, "ACTIVE");
        }
        for (String p : PRODUCTS) {
            JsonObject s = c.supplyOf(p);
            supply.put(p, new long[] {
                s.get("issued").getAsLong(),
                s.get("surrendered").getAsLong(),
                s.get("cancelled").getAsLong()
            });
        }
    }

    private <T> T pick(List<T> l) {
        return l.get(r.nextInt(l.size()));
    }

    /** Mostly a plausible quantity; sometimes zero or negative. */
    private long quantity(long typical) {
        int k = r.nextInt(20);
        if (k == 0) {
            return 0;
        }
        if (k == 1) {
            return -1 - r.nextInt(100);
        }
        return 1 + r.nextInt((int) typical);
    }

    private String id(String p) {
        return "Q" + p + "-" + (++ids);
    }

    private boolean often() {
        return r.nextInt(10) < 8;
    }

    private Command next() {
        String p = pick(PRODUCTS);
        switch (r.nextInt(9)) {
            case 0 -> {
                String who = often() ? "mee" : pick(AUTHORITIES);
                long q = quantity(20_000);
                String code = q <= 0 ? "INVALID_QUANTITY" : !who.equals("mee") ? "FORBIDDEN" : null;
                return new Command(
                        "issue " + q + " " + p,
                        who,
                        "POST",
                        "/api/v1/issuances",
                        Json.obj("requestId", id("i"), "product", p, "quantity", q),
                        code,
                        () -> {
                            add("MEE", p, q);
                            supply.get(p)[0] += q;
                        });
            }
            case 1 -> {
                String who = often() ? "mee" : pick(AUTHORITIES);
                String to = "PROVINCE-" + pick(PROVINCES);
                long q = quantity(15_000);
                String code = q <= 0
                        ? "INVALID_QUANTITY"
                        : !who.equals("mee") ? "FORBIDDEN" : hold("MEE", p) < q ? "INSUFFICIENT_HOLDINGS" : null;
                return new Command(
                        "distribute " + q + " " + p + " MEE->" + to,
                        who,
                        "POST",
                        "/api/v1/distributions",
                        Json.obj("requestId", id("d"), "product", p, "from", "MEE", "to", to, "quantity", q),
                        code,
                        () -> {
                            add("MEE", p, -q);
                            add(to, p, q);
                        });
            }
            case 2, 3 -> {
                String prov = pick(PROVINCES);
                String who = often() ? "province-" + prov : pick(AUTHORITIES);
                String from = "PROVINCE-" + (often() ? prov : pick(PROVINCES));
                String to = pick(HOLDERS);
                long q = quantity(5_000);
                boolean allowed = who.startsWith("province-")
                        && from.equals("PROVINCE-" + who.substring(9))
                        && !to.equals(INST)
                        && province(to).equals(who.substring(9));
                String code = q <= 0
                        ? "INVALID_QUANTITY"
                        : !allowed
                                ? "FORBIDDEN"
                                : status.get(to).equals("SUSPENDED")
                                        ? "ACCOUNT_NOT_ACTIVE"
                                        : hold(from, p) < q ? "INSUFFICIENT_HOLDINGS" : null;
                return new Command(
                        "distribute " + q + " " + p + " " + from + "->" + to,
                        who,
                        "POST",
                        "/api/v1/distributions",
                        Json.obj("requestId", id("d"), "product", p, "from", from, "to", to, "quantity", q),
                        code,
                        () -> {
                            add(from, p, -q);
                            add(to, p, q);
                        });
            }
            case 4, 5 -> {
                String who = r.nextInt(10) < 9 ? "exchange" : pick(AUTHORITIES);
                String seller = pick(HOLDERS);
                String buyer = r.nextInt(12) == 0 ? seller : pick(HOLDERS);
                long q = r.nextBoolean() ? quantity(2_000) : Math.max(1, hold(seller, p) + r.nextInt(3) - 1);
                String code = q <= 0
                        ? "INVALID_QUANTITY"
                        : !who.equals("exchange")
                                ? "FORBIDDEN"
                                : seller.equals(buyer)
                                        ? "BAD_REQUEST"
                                        // the seller sends (ACTIVE), the buyer receives (ACTIVE or RESTRICTED)
                                        : !status.get(seller).equals("ACTIVE")
                                                        || status.get(buyer).equals("SUSPENDED")
                                                ? "ACCOUNT_NOT_ACTIVE"
                                                : hold(seller, p) < q ? "INSUFFICIENT_HOLDINGS" : null;
                return new Command(
                        "settle " + q + " " + p + " " + seller + "->" + buyer,
                        who,
                        "POST",
                        "/api/v1/settlements",
                        Json.obj(
                                "tradeId",
                                id("t"),
                                "product",
                                p,
                                "seller",
                                seller,
                                "buyer",
                                buyer,
                                "quantity",
                                q,
                                "price",
                                (50 + r.nextInt(50)) + ".25",
                                "mode",
                                "LISTED",
                                "tradedAt",
                                "2025-12-15T10:30:00+08:00"),
                        code,
                        () -> {
                            add(seller, p, -q);
                            add(buyer, p, q);
                        });
            }
            case 6 -> {
                String account = pick(HOLDERS);
                String who = often() ? account : pick(HOLDERS);
                long q = r.nextBoolean() ? quantity(500) : Math.max(1, hold(account, p) + r.nextInt(3) - 1);
                String code = q <= 0
                        ? "INVALID_QUANTITY"
                        : !who.equals(account)
                                ? "FORBIDDEN"
                                : !status.get(account).equals("ACTIVE")
                                        ? "ACCOUNT_NOT_ACTIVE"
                                        : hold(account, p) < q ? "INSUFFICIENT_HOLDINGS" : null;
                return new Command(
                        "cancel " + q + " " + p + " of " + account,
                        who,
                        "POST",
                        "/api/v1/cancellations",
                        Json.obj(
                                "requestId",
                                id("c"),
                                "account",
                                account,
                                "product",
                                p,
                                "quantity",
                                q,
                                "purpose",
                                "property test"),
                        code,
                        () -> {
                            add(account, p, -q);
                            supply.get(p)[2] += q;
                        });
            }
            case 7 -> {
                if (!replayable.isEmpty() && r.nextBoolean()) {
                    Object[] previous = pick(replayable);
                    Command first = (Command) previous[0];
                    if (r.nextInt(3) == 0) {
                        JsonObject changed = first.body().deepCopy();
                        changed.addProperty("quantity", 999_999_999L);
                        if (first.path().endsWith("surrenders")) {
                            changed.remove("quantity");
                            changed.addProperty("year", YEAR - 1);
                        }
                        return new Command(
                                "duplicate id of " + first.label(),
                                first.who(),
                                "POST",
                                first.path(),
                                changed,
                                "DUPLICATE_ID",
                                () -> {});
                    }
                    return new Command(
                            "replay of " + first.label(),
                            first.who(),
                            "POST",
                            first.path(),
                            first.body(),
                            null,
                            () -> {});
                }
                String unit = pick(HOLDERS);
                String who = often() ? unit : pick(HOLDERS);
                long q = r.nextBoolean() ? quantity(3_000) : Math.max(1, hold(unit, p) + r.nextInt(3) - 1);
                long remaining = remainingObligation.getOrDefault(unit, 0L);
                String code = q <= 0
                        ? "INVALID_QUANTITY"
                        : !who.equals(unit)
                                ? "FORBIDDEN"
                                : unit.equals(INST)
                                        ? "BAD_REQUEST"
                                        : status.get(unit).equals("SUSPENDED")
                                                ? "ACCOUNT_NOT_ACTIVE"
                                                : p.equals("CEA-2025")
                                                        ? "INELIGIBLE_VINTAGE"
                                                        : q > remaining
                                                                ? "EXCEEDS_OBLIGATION"
                                                                : hold(unit, p) < q ? "INSUFFICIENT_HOLDINGS" : null;
                return new Command(
                        "surrender " + q + " " + p + " by " + unit,
                        who,
                        "POST",
                        "/api/v1/surrenders",
                        Json.obj(
                                "requestId",
                                id("s"),
                                "unitId",
                                unit,
                                "year",
                                YEAR,
                                "items",
                                List.of(Map.of("product", p, "quantity", q))),
                        code,
                        () -> {
                            add(unit, p, -q);
                            supply.get(p)[1] += q;
                            remainingObligation.merge(unit, -q, Long::sum);
                        });
            }
            default -> {
                String account = pick(HOLDERS);
                String who = r.nextInt(10) < 9 ? "registry" : pick(AUTHORITIES);
                String s = r.nextInt(5) < 3 ? "ACTIVE" : r.nextBoolean() ? "RESTRICTED" : "SUSPENDED";
                String code = who.equals("registry") ? null : "FORBIDDEN";
                return new Command(
                        "status " + account + " " + s,
                        who,
                        "PUT",
                        "/api/v1/accounts/" + account + "/status",
                        Json.obj("status", s, "reason", "property test"),
                        code,
                        () -> status.put(account, s));
            }
        }
    }

    /** Supply of every product and every account (status and holdings). */
    private record Fingerprint(String supply, Map<String, String> accounts) {}

    /** Read concurrently: the reads are independent and the ledger serves them from one committed snapshot each. */
    private Fingerprint fingerprint() {
        CompletableFuture<String> s =
                CompletableFuture.supplyAsync(() -> c.supply().toString(), readers);
        Map<String, CompletableFuture<String>> views = new LinkedHashMap<>();
        for (String id : ACCOUNTS) {
            views.put(id, CompletableFuture.supplyAsync(() -> c.account(id).toString(), readers));
        }
        Map<String, String> a = new LinkedHashMap<>();
        views.forEach((id, f) -> a.put(id, f.join()));
        return new Fingerprint(s.join(), a);
    }

    private void checkAgainstModel(Fingerprint f) {
        for (String id : ACCOUNTS) {
            JsonObject view = Json.parse(f.accounts().get(id)).getAsJsonObject();
            Map<String, Long> actual = new HashMap<>();
            for (JsonElement h : view.getAsJsonArray("holdings")) {
                actual.put(
                        h.getAsJsonObject().get("product").getAsString(),
                        h.getAsJsonObject().get("quantity").getAsLong());
                assertThat(h.getAsJsonObject().get("quantity").getAsLong()).isPositive();
            }
            for (String p : PRODUCTS) {
                assertThat(actual.getOrDefault(p, 0L))
                        .as("holding of %s in %s", p, id)
                        .isEqualTo(hold(id, p));
            }
            assertThat(view.get("status").getAsString()).as("status of %s", id).isEqualTo(status.get(id));
        }
        for (JsonElement e : Json.parse(f.supply()).getAsJsonObject().getAsJsonArray("products")) {
            JsonObject row = e.getAsJsonObject();
            assertThat(row.get("balanced").getAsBoolean()).as("%s", row).isTrue();
            long[] m = supply.get(row.get("product").getAsString());
            if (m != null) {
                assertThat(new long[] {
                            row.get("issued").getAsLong(),
                            row.get("surrendered").getAsLong(),
                            row.get("cancelled").getAsLong()
                        })
                        .as("issued, surrendered, cancelled of %s", row.get("product"))
                        .containsExactly(m);
            }
        }
        JsonObject audit = c.audit();
        assertThat(audit.get("balanced").getAsBoolean()).as("%s", audit).isTrue();
        for (JsonElement e : audit.getAsJsonArray("products")) {
            assertThat(e.getAsJsonObject().get("matchesHoldings").getAsBoolean())
                    .as("%s", e)
                    .isTrue();
        }
    }
}
