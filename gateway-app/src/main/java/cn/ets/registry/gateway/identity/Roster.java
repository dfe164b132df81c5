package cn.ets.registry.gateway.identity;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The organisation roster, {@code network/organisations.json} (schema in network/README.md): the one
 * list of the network's organisations, read by the network scripts and, from the classpath (the
 * build copies it next to this class), by the gateway.
 */
public record Roster(int schemaVersion, List<Org> organisations, List<Orderer> orderers) {
    /** Where the build puts the roster on the classpath, relative to this class. */
    static final String RESOURCE = "organisations.json";

    public static final String MEE = "MEE";
    public static final String REGISTRY = "REGISTRY";
    public static final String EXCHANGE = "EXCHANGE";
    public static final String PROVINCE = "PROVINCE";
    /** A reader of the whole ledger with its own peer, in no endorsement policy (issue 8: public auditors). */
    public static final String AUDITOR = "AUDITOR";
    /** The settlement bank's own organisation (BankMSP; at most one): its CA issues the identity {@code bank}. */
    public static final String SETTLEMENT_BANK = "SETTLEMENT_BANK";

    /** An organisation with one peer. {@code province} is set for (and only for) role PROVINCE. */
    public record Org(
            String name,
            String mspId,
            String role,
            String province,
            String domain,
            String address,
            CaSubject caSubject,
            Peer peer) {
        /** The name of this organisation's standard identity: mee, registry, exchange, province-&lt;code&gt;, auditor. */
        public String identityName() {
            if (SETTLEMENT_BANK.equals(role)) {
                return DevOrganisations.BANK;
            }
            return PROVINCE.equals(role) ? "province-" + province : role.toLowerCase(Locale.ROOT);
        }

        /** This entry, if a gateway can serve it: name, MSP id and a known role, a province with (only) PROVINCE. */
        public Org requireValid(String source) {
            if (name == null || mspId == null || role == null) {
                throw new IllegalArgumentException(source + ": every organisation needs name, mspId and role");
            }
            if (!List.of(MEE, REGISTRY, EXCHANGE, PROVINCE, AUDITOR, SETTLEMENT_BANK)
                    .contains(role)) {
                throw new IllegalArgumentException(source + ": " + name + ": unknown role " + role);
            }
            if (PROVINCE.equals(role) != (province != null)) {
                throw new IllegalArgumentException(
                        source + ": " + name + ": a province code goes with role PROVINCE only");
            }
            return this;
        }
    }

    public record CaSubject(String country, String province, String locality) {}

    public record Peer(int port, int chaincodePort, int operationsPort) {}

    /** A SmartBFT consenter, run by the roster organisation {@code organisation} (its name) with that organisation's keys. */
    public record Orderer(
            String name, String organisation, int consenterId, int port, int adminPort, int operationsPort) {}

    public Roster {
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        orderers = orderers == null ? List.of() : List.copyOf(orderers);
    }

    /** This roster, if the gateway can work with it (the network scripts check the rest: ports, domains). */
    private Roster validated() {
        if (schemaVersion != 1) {
            throw new IllegalArgumentException("organisations.json: schemaVersion " + schemaVersion + ", expected 1");
        }
        Set<String> names = new HashSet<>();
        Set<String> msps = new HashSet<>();
        for (Org o : organisations) {
            o.requireValid("organisations.json");
            if (!names.add(o.name()) || !msps.add(o.mspId())) {
                throw new IllegalArgumentException(
                        "organisations.json: " + o.name() + " / " + o.mspId() + " listed twice");
            }
        }
        for (String role : List.of(MEE, REGISTRY, EXCHANGE)) {
            if (organisations.stream().filter(o -> role.equals(o.role())).count() != 1) {
                throw new IllegalArgumentException(
                        "organisations.json: exactly one organisation must have role " + role);
            }
        }
        if (organisations.stream().filter(o -> SETTLEMENT_BANK.equals(o.role())).count() > 1) {
            throw new IllegalArgumentException(
                    "organisations.json: at most one organisation may have role " + SETTLEMENT_BANK);
        }
        return this;
    }

    /** The roster the build put on the classpath. */
    public static Roster load() {
        try (InputStream in = Roster.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath next to " + Roster.class.getName()
                        + " (gateway-app/pom.xml copies ../network/organisations.json there)");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Roster parse(Reader json) {
        try {
            Roster r = new Gson().fromJson(json, Roster.class);
            if (r == null) {
                throw new IllegalArgumentException("organisations.json is empty");
            }
            return r.validated();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("organisations.json: " + e.getMessage(), e);
        }
    }

    /** The one organisation with {@code role} (MEE, REGISTRY or EXCHANGE). */
    public Org withRole(String role) {
        return organisations.stream()
                .filter(o -> role.equals(o.role()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no organisation with role " + role));
    }

    /** The provincial organisations, in roster order. */
    public List<Org> provinces() {
        return organisations.stream().filter(o -> PROVINCE.equals(o.role())).toList();
    }

    /** The province codes, in roster order (e.g. HB, GD). */
    public List<String> provinceCodes() {
        return provinces().stream().map(Org::province).toList();
    }
}
