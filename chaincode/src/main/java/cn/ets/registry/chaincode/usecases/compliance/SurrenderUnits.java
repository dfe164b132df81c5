package cn.ets.registry.chaincode.usecases.compliance;

import cn.ets.registry.api.ComplianceApi.ComplianceView;
import cn.ets.registry.api.Serials;
import cn.ets.registry.api.SurrenderApi.Item;
import cn.ets.registry.api.SurrenderApi.Surrender;
import cn.ets.registry.api.SurrenderApi.Surrendered;
import cn.ets.registry.api.SurrenderApi.SurrenderedItem;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.CarryOverBook;
import cn.ets.registry.chaincode.state.CcerRegistry;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.state.UnitYears;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.ccer.CcerBatch;
import cn.ets.registry.domain.compliance.Deadlines;
import cn.ets.registry.domain.compliance.Obligation;
import cn.ets.registry.domain.compliance.OffsetCap;
import cn.ets.registry.domain.compliance.OffsetEligibility;
import cn.ets.registry.domain.compliance.UnitYear;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.policy.PolicyParameters;
import cn.ets.registry.domain.product.Product;
import cn.ets.registry.domain.supply.SupplyCounters;
import cn.ets.registry.domain.surrender.VintageEligibility;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Surrender (清缴): the unit gives up units against its obligation; they flow unit → province →
 * MEE and are cancelled there, in the same transaction. Every item is checked before anything
 * moves (vintage, CCER eligibility and the offset cap, the carry-over limit): one bad item refuses
 * the whole surrender. A surrender after the vintage's surrender deadline — on the ledger's clock,
 * whether or not MEE has closed the year — is {@code late}.
 */
public final class SurrenderUnits implements UseCase<Surrender, Surrendered> {
    private static final ZoneId MARKET_ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public void authorise(Tx tx, Surrender c) {
        Permissions.requireHolder(tx.actor(), c.unitId(), "surrender");
    }

    @Override
    public Surrendered execute(Tx tx, Surrender c) {
        Books books = new Books(tx.state());
        Account unit = books.account(c.unitId()).requireUnit();
        AccountStatusPolicy.requireCanSurrender(unit);
        UnitYears years = new UnitYears(tx.state());
        UnitYear uy = years.require(c.year(), c.unitId());
        if (uy.succeededBy() != null) {
            throw new DomainException(
                    ErrorCode.CONFLICT,
                    c.unitId() + "'s obligation of " + c.year() + " passed to " + uy.succeededBy(),
                    Map.of("unitId", c.unitId(), "year", c.year(), "successor", uy.succeededBy()));
        }
        PolicyParameters params = new ParameterBook(tx.state()).forYear(c.year());
        long total = 0;
        long offset = 0;
        for (Item i : c.items()) {
            total = Tonnes.add(total, i.quantity());
            if (i.product().isCea()) {
                VintageEligibility.require(i.product(), c.year(), params.borrowingEnabled());
            } else {
                offset = Tonnes.add(offset, i.quantity());
            }
        }
        Obligation after = uy.figures().surrender(total, offset);
        CcerRegistry ccer = new CcerRegistry(tx.state());
        if (offset > 0) {
            for (Item i : c.items()) {
                if (!i.product().isCea()) {
                    CcerBatch batch = ccer.batch(i.product());
                    OffsetEligibility.check(
                            ccer.project(batch.projectId()).insideEtsBoundary(),
                            batch.legacy(),
                            tx.time().atZone(MARKET_ZONE).toLocalDate(),
                            params);
                }
            }
            OffsetCap.check(uy.obligation(), uy.offsetUsed(), offset, params);
        }
        Map<Product, Long> cea = new LinkedHashMap<>();
        c.items().stream().filter(i -> i.product().isCea()).forEach(i -> cea.put(i.product(), i.quantity()));
        new CarryOverBook(tx.state()).use(c.unitId(), c.year(), cea, params);
        List<SurrenderedItem> moved = new ArrayList<>();
        for (Item i : c.items()) {
            books.debit(c.unitId(), i.product(), i.quantity());
            books.changeSupply(i.product(), c.unitId(), SupplyCounters.surrender(i.quantity()));
            List<Serials> serials = null;
            if (!i.product().isCea()) {
                CcerBatch.Retired retired =
                        ccer.batch(i.product()).retire(i.quantity(), "SURRENDER", c.unitId(), tx.txId());
                ccer.save(retired.batch());
                serials = retired.serials().stream()
                        .map(r -> new Serials(r.start(), r.end()))
                        .toList();
            }
            moved.add(new SurrenderedItem(i.product().code(), i.quantity(), serials));
        }
        UnitYear saved = uy.with(after);
        years.save(saved);
        return new Surrendered(
                c.requestId(),
                c.unitId(),
                c.year(),
                moved,
                List.of(c.unitId(), Account.provinceAccountId(unit.province()), "MEE"),
                ComplianceView.of(saved),
                uy.closed() || Deadlines.surrenderLate(params, tx.time()),
                tx.attribution());
    }
}
