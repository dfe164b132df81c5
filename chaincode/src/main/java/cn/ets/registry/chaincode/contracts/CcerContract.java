package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.chaincode.Books;
import cn.ets.registry.chaincode.CcerBatch;
import cn.ets.registry.chaincode.CcerProject;
import cn.ets.registry.chaincode.TxContext;
import cn.ets.registry.chaincode.json.CanonicalJson;
import cn.ets.registry.chaincode.json.Fields;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.ccer.MonitoringPeriod;
import cn.ets.registry.domain.ccer.MonitoringPeriods;
import cn.ets.registry.domain.ccer.SerialAllocator;
import cn.ets.registry.domain.ccer.SerialRange;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.supply.SupplyCounters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The CCER registry (003 §2.2.5, §5.2): projects registered by MEE, issuance per monitoring period
 * as a serial range {@code CCER-<batch>} credited to the project owner. Periods of one project
 * never overlap and serials are global and contiguous, so no tonne is issued twice.
 */
@Contract(name = "ccer", info = @Info(title = "CCER registry", version = "1"))
public final class CcerContract implements ContractInterface {
    private static final Pattern METHODOLOGY = Pattern.compile("CCER-[0-9]{2}-[0-9]{3}-V[0-9]{2}");

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String registerProject(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            String id = Account.requireValidId(f.string("id"));
            String name = f.string("name");
            String methodology = f.string("methodology");
            if (!METHODOLOGY.matcher(methodology).matches()) {
                throw DomainException.badRequest("methodology must look like CCER-14-001-V01, got '" + methodology + "'");
            }
            String ownerId = f.string("owner");
            String province = Account.requireValidProvince(f.string("province"));
            boolean inside = f.bool("insideEtsBoundary", false);
            Permissions.requireRole(tx.actor(), Role.MEE, "register CCER projects");
            Books books = new Books(tx);
            Account owner = books.account(ownerId);
            if (owner.type() != AccountType.PROJECT_OWNER) {
                throw DomainException.badRequest(ownerId + " is a " + owner.type() + " account, not a PROJECT_OWNER");
            }
            String key = tx.state().key("ccerproj", id);
            if (tx.state().raw(key).isPresent()) {
                throw new DomainException(ErrorCode.ALREADY_EXISTS, "CCER project '" + id + "' already exists", Map.of("projectId", id));
            }
            CcerProject p = new CcerProject(id, name, methodology, ownerId, province, inside, List.of());
            tx.state().put(key, p);
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("project", p);
            event.putAll(tx.attribution());
            tx.emit("CcerProjectRegistered", event);
            return CanonicalJson.write(p);
        });
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getProject(Context ctx, String id) {
        return TxContext.run(ctx, tx -> CanonicalJson.write(project(tx, id)));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String issue(Context ctx, String command) {
        return TxContext.run(ctx, tx -> {
            Fields f = Fields.of(command);
            String requestId = f.string("requestId");
            String projectId = f.string("projectId");
            MonitoringPeriod period = new MonitoringPeriod(date(f, "periodStart"), date(f, "periodEnd"));
            String vintage = f.string("vintage");
            if (!vintage.matches("20[0-9]{2}")) {
                throw DomainException.badRequest("vintage must be a year such as 2024");
            }
            long quantity = f.tonnes("quantity");
            boolean legacy = f.bool("legacy", false);
            Permissions.requireRole(tx.actor(), Role.MEE, "issue CCER");
            return tx.once("req", requestId, "ccer:issue", f.json(), t -> {
                CcerProject p = project(t, projectId);
                MonitoringPeriods.checkNoOverlap(p.periods(), period);
                Books books = new Books(t);
                Account owner = books.account(p.owner());
                AccountStatusPolicy.requireCanReceive(owner);
                String seqKey = t.state().key("ccerseq");
                Sequence seq = t.state().get(seqKey, Sequence.class).orElse(new Sequence(0, 0));
                SerialRange serials = SerialAllocator.next(seq.lastSerial(), quantity);
                long batchNo = seq.lastBatch() + 1;
                Product product = Product.ccer(batchNo);
                t.state().put(seqKey, new Sequence(batchNo, serials.end()));
                List<MonitoringPeriod> periods = new ArrayList<>(p.periods());
                periods.add(period);
                t.state().put(t.state().key("ccerproj", p.id()), new CcerProject(p.id(), p.name(), p.methodology(), p.owner(),
                        p.province(), p.insideEtsBoundary(), periods));
                CcerBatch batch = new CcerBatch(product.code(), p.id(), period.start(), period.end(), vintage, quantity, legacy,
                        serials.start(), serials.end(), p.owner(), List.of(serials), List.of());
                t.state().put(t.state().key("ccerbatch", product.code()), batch);
                books.credit(owner.id(), product, quantity);
                books.changeSupply(product, owner.id(), SupplyCounters.issuance(quantity));
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("requestId", requestId);
                r.put("product", product.code());
                r.put("projectId", p.id());
                r.put("quantity", quantity);
                r.put("serialStart", serials.start());
                r.put("serialEnd", serials.end());
                r.put("owner", owner.id());
                r.put("periodStart", period.start());
                r.put("periodEnd", period.end());
                r.put("legacy", legacy);
                r.putAll(t.attribution());
                t.emit("CcerIssued", r);
                return r;
            });
        });
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getBatch(Context ctx, String product) {
        return TxContext.run(ctx, tx -> CanonicalJson.write(batch(tx, Product.parse(product))));
    }

    record Sequence(long lastBatch, long lastSerial) {
    }

    static CcerProject project(TxContext tx, String id) {
        return tx.state().get(tx.state().key("ccerproj", id), CcerProject.class).orElseThrow(() -> new DomainException(
                ErrorCode.NOT_FOUND, "no CCER project '" + id + "'", Map.of("projectId", id)));
    }

    static CcerBatch batch(TxContext tx, Product product) {
        if (product.isCea()) {
            throw DomainException.badRequest(product + " is not a CCER batch");
        }
        return tx.state().get(tx.state().key("ccerbatch", product.code()), CcerBatch.class).orElseThrow(() -> new DomainException(
                ErrorCode.NOT_FOUND, "no CCER batch " + product, Map.of("product", product.code())));
    }

    private static LocalDate date(Fields f, String field) {
        try {
            return LocalDate.parse(f.string(field));
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest(field + " must be a date YYYY-MM-DD");
        }
    }
}
