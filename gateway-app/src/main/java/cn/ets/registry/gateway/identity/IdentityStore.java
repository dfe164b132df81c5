package cn.ets.registry.gateway.identity;

import cn.ets.registry.gateway.ledger.LedgerIdentity;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens and the identities they act as, kept under the data directory: {@code credentials.json}
 * (token → identity) and {@code identities/<name>/{cert,key}.pem}. Files are replaced atomically
 * and readable by the owner only; the private keys never leave this organisation's gateway.
 */
public final class IdentityStore {
    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Map<String, Credential> byToken = new LinkedHashMap<>();
    private final Map<String, LedgerIdentity> identities = new LinkedHashMap<>();

    private IdentityStore(Path dir) {
        this.dir = dir;
    }

    public static Path credentialsFile(Path dataDir) {
        return dataDir.resolve("credentials.json");
    }

    public static boolean exists(Path dataDir) {
        return Files.isRegularFile(credentialsFile(dataDir));
    }

    /** Loads credentials.json and every identity it names. */
    public static IdentityStore load(Path dataDir) {
        IdentityStore s = new IdentityStore(dataDir);
        try {
            File f = GSON.fromJson(Files.readString(credentialsFile(dataDir)), File.class);
            for (Credential c : f.identities()) {
                Path d = dataDir.resolve("identities").resolve(c.name());
                var cert = Files.readString(d.resolve("cert.pem"));
                var key = Pem.privateKey(Files.readString(d.resolve("key.pem")));
                s.byToken.put(c.token(), c);
                s.identities.put(c.name(), new LedgerIdentity(c.name(), c.msp(), Pem.certificate(cert), cert, key));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read credentials in " + dataDir, e);
        }
        return s;
    }

    public static IdentityStore empty(Path dataDir) {
        return new IdentityStore(dataDir);
    }

    public synchronized Optional<Credential> byToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }

    public synchronized LedgerIdentity identity(String name) {
        LedgerIdentity id = identities.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no identity " + name);
        }
        return id;
    }

    /** The credential of an identity, if this store holds one. */
    public synchronized Optional<Credential> byName(String name) {
        return byToken.values().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * The identity this gateway reads public disclosure with for callers without a token: the
     * auditor's if it holds it (a reader only), else the first of the registry's, MEE's, the
     * exchange's, else any. Only reads anyone may make are run with it.
     */
    public synchronized Optional<LedgerIdentity> publicReader() {
        for (String name : List.of("auditor", "registry", "mee", "exchange")) {
            if (identities.containsKey(name)) {
                return Optional.of(identities.get(name));
            }
        }
        return identities.values().stream().findFirst();
    }

    public synchronized boolean hasName(String name) {
        return identities.containsKey(name);
    }

    /** Keeps a new identity and returns its credential (with a fresh token); writes files first, credentials.json last. */
    public synchronized Credential add(LedgerIdentity id, String org, String role, String province, String account) {
        String token = newToken();
        Credential c = new Credential(id.name(), org, id.mspId(), role, province, account, token);
        try {
            Path d = dir.resolve("identities").resolve(id.name());
            Files.createDirectories(d);
            writeAtomically(d.resolve("cert.pem"), id.certificatePem());
            writeAtomically(d.resolve("key.pem"), Pem.write(id.privateKey()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byToken.put(token, c);
        identities.put(id.name(), id);
        return c;
    }

    public synchronized void save() {
        writeAtomically(credentialsFile(dir), GSON.toJson(new File(new ArrayList<>(byToken.values()))));
    }

    public synchronized List<Credential> all() {
        return List.copyOf(byToken.values());
    }

    private static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static void writeAtomically(Path target, String content) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try (var ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private record File(List<Credential> identities) {}
}
